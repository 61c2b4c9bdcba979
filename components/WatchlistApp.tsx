import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { WATCH_STATUSES, type WatchStatus } from '@/lib/messaging/watchlist';
import type { WatchlistDb } from '@/lib/watchlist/db';
import type { WatchedNotice } from '@/lib/watchlist/records';
import { DEADLINE_WINDOWS, EMPTY_FILTER, facetValues, filterRows, indexRows, sortRows, type DeadlineWindow, type IndexedRow, type SortKey, type WatchFilter, type WatchSort } from '@/lib/watchlist/filter';
import { getReminderSettings, setReminderSettings, setStatus } from '@/lib/watchlist/repository';
import { exportCsv } from '@/lib/watchlist/export-csv';
import { exportIcs } from '@/lib/watchlist/export-ics';
import { exportBackup, importBackupText, serializeBackup } from '@/lib/watchlist/backup';
import { STATUS_LABELS_FR, VERDICT_LABELS_FR } from '@/lib/watchlist/status-labels';
import { VerdictSchema } from '@/lib/rules/types';
import type { ReminderSettings } from '@/lib/watchlist/reminders';
import { PAGE_SIZE, WatchTable } from './WatchTable';
import { WatchDetail } from './WatchDetail';
import { StatusPicker } from './StatusPicker';
import { InboxList } from './InboxList';

const WINDOW_LABELS: Record<DeadlineWindow, string> = {
  all: 'Toutes les dates',
  overdue: 'Dépassées',
  '7d': 'Dans les 7 jours',
  '30d': 'Dans les 30 jours',
  none: 'Sans date limite',
};

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const today = () => new Date().toISOString().slice(0, 10);

/** The watchlist page: filters, sortable paginated table, bulk status change, detail, exports and import. */
export function WatchlistApp(props: { db: WatchlistDb; now?: () => number; initialKey?: string }) {
  const now = props.now ?? Date.now;
  const [rows, setRows] = useState<IndexedRow[] | undefined>(undefined);
  const [filter, setFilter] = useState<WatchFilter>(EMPTY_FILTER);
  const [textInput, setTextInput] = useState('');
  const [sort, setSort] = useState<WatchSort>({ by: 'deadline', dir: 'asc' });
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openKey, setOpenKey] = useState<string | undefined>(props.initialKey);
  const [bulkStatus, setBulkStatus] = useState<WatchStatus | ''>('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  // Measured for the E2E benchmark: ms from navigation start to first rows / full list, and the last filtering.
  const [timing, setTiming] = useState<{ loadMs: number; filterMs: number; firstRowsAt?: number; readyAt?: number }>({ loadMs: 0, filterMs: 0 });
  // Who makes the changes (status history, note author), remembered in this browser.
  const who = useRef(localStorage.getItem('regie-radar:who') ?? '');
  const [whoText, setWhoText] = useState(who.current);

  const [preview, setPreview] = useState<IndexedRow[] | undefined>(undefined);
  const load = async () => {
    const t0 = performance.now();
    if (!rows) {
      // First paint from the deadline index (the default sort) while the whole list loads for filtering.
      void props.db.watched
        .orderBy('deadlineMs')
        .limit(PAGE_SIZE)
        .toArray()
        .then((first) => {
          setPreview((p) => p ?? indexRows(first, new Map()));
          setTiming((t) => ({ ...t, firstRowsAt: t.firstRowsAt ?? Math.round(performance.now()) }));
        });
    }
    const [watched, notes] = await Promise.all([props.db.watched.toArray(), props.db.notes.toArray()]);
    const notesByKey = new Map<string, string[]>();
    for (const n of notes) {
      const list = notesByKey.get(n.noticeKey) ?? [];
      list.push(n.text);
      notesByKey.set(n.noticeKey, list);
    }
    setRows(indexRows(watched, notesByKey));
    setTiming((t) => ({ ...t, loadMs: Math.round(performance.now() - t0), firstRowsAt: t.firstRowsAt ?? Math.round(performance.now()), readyAt: t.readyAt ?? Math.round(performance.now()) }));
  };
  useEffect(() => {
    void load();
  }, []);
  useEffect(() => {
    const id = setTimeout(() => setFilter((f) => ({ ...f, text: textInput })), 150);
    return () => clearTimeout(id);
  }, [textInput]);

  const visible = useMemo(() => {
    if (!rows) return [];
    const t0 = performance.now();
    const result = sortRows(filterRows(rows, filter, now()), sort);
    const filterMs = Math.round((performance.now() - t0) * 10) / 10;
    queueMicrotask(() => setTiming((t) => (t.filterMs === filterMs ? t : { ...t, filterMs })));
    return result;
  }, [rows, filter, sort]);
  const facets = useMemo(() => facetValues((rows ?? []).map((r) => r.row)), [rows]);
  const openRow: WatchedNotice | undefined = openKey ? rows?.find((r) => r.row.key === openKey)?.row : undefined;

  const update = (patch: Partial<WatchFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(0);
  };
  const onSort = (by: SortKey) => setSort((s) => ({ by, dir: s.by === by && s.dir === 'asc' ? 'desc' : 'asc' }));
  const onSelect = (keys: readonly string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const k of keys) if (on) next.add(k);
      else next.delete(k);
      return next;
    });
  const applyBulk = async () => {
    if (!bulkStatus || selected.size === 0) return;
    try {
      const n = await setStatus(props.db, [...selected], bulkStatus, now(), who.current ? { who: who.current } : {});
      setMessage({ kind: 'ok', text: `${n} avis passé${n > 1 ? 's' : ''} au statut « ${STATUS_LABELS_FR[bulkStatus]} ».` });
      setSelected(new Set());
      await load();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };
  const exportRows = () => visible.map((r) => r.row);
  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const result = await importBackupText(props.db, await file.text());
    if (result.ok) {
      const s = result.summary;
      setMessage({ kind: 'ok', text: `Import réussi : ${s.noticesAdded} avis ajoutés, ${s.noticesMerged} fusionnés, ${s.notesAdded} notes ajoutées.` });
      await load();
    } else {
      setMessage({ kind: 'error', text: `Import refusé — ${result.error}` });
    }
  };

  return (
    <main lang="fr" class="watchlist" data-testid="watchlist" data-ready={rows ? 'yes' : 'no'} data-load-ms={timing.loadMs} data-filter-ms={timing.filterMs} data-first-rows-at={timing.firstRowsAt} data-ready-at={timing.readyAt}>
      <header>
        <h1>Régie Radar — liste de suivi</h1>
        <div class="toolbar">
          <button type="button" data-testid="export-csv" onClick={() => download(`regie-radar-suivi-${today()}.csv`, exportCsv(exportRows()), 'text/csv;charset=utf-8')}>
            Exporter en CSV (tableur)
          </button>
          <button type="button" data-testid="export-ics" onClick={() => download(`regie-radar-echeances-${today()}.ics`, exportIcs(exportRows(), now()), 'text/calendar;charset=utf-8')}>
            Exporter les dates limites (agenda .ics)
          </button>
          <button
            type="button"
            data-testid="export-json"
            onClick={() => void exportBackup(props.db, now()).then((b) => download(`regie-radar-sauvegarde-${today()}.json`, serializeBackup(b), 'application/json'))}
          >
            Sauvegarde complète (JSON)
          </button>
          <label>
            Votre nom{' '}
            <input
              type="text"
              size={12}
              placeholder="pour l'historique"
              value={whoText}
              onInput={(e) => {
                const v = e.currentTarget.value.slice(0, 100);
                setWhoText(v);
                who.current = v;
                localStorage.setItem('regie-radar:who', v);
              }}
            />
          </label>
          <label class="import">
            Importer une sauvegarde…{' '}
            <input type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => void onImport(e.currentTarget.files?.[0])} />
          </label>
        </div>
      </header>
      {/* What the monitoring found since the last visit: watch or dismiss in one click. */}
      <InboxList db={props.db} limit={10} />
      {message && (
        <p class={message.kind === 'ok' ? 'message ok' : 'message problem'} role="status" data-testid="message">
          {message.text}
        </p>
      )}
      <section class="filters" aria-label="Filtres">
        <input type="search" placeholder="Rechercher (objet, acheteur, notes…)" data-testid="filter-text" value={textInput} onInput={(e) => setTextInput(e.currentTarget.value)} />
        <select data-testid="filter-status" value={filter.statuses[0] ?? ''} onChange={(e) => update({ statuses: WATCH_STATUSES.filter((s) => s === e.currentTarget.value) })}>
          <option value="">Tous les statuts</option>
          {WATCH_STATUSES.map((s) => (
            <option value={s}>{STATUS_LABELS_FR[s]}</option>
          ))}
        </select>
        <select data-testid="filter-verdict" value={filter.verdict ?? ''} onChange={(e) => { const v = VerdictSchema.safeParse(e.currentTarget.value); update(v.success ? { verdict: v.data } : { verdict: undefined }); }}>
          <option value="">Tous les verdicts</option>
          {VerdictSchema.options.map((v) => (
            <option value={v}>{VERDICT_LABELS_FR[v]}</option>
          ))}
        </select>
        <select data-testid="filter-flag" value={filter.flag ?? ''} onChange={(e) => update({ flag: e.currentTarget.value || undefined })}>
          <option value="">Tous les signaux</option>
          {facets.flags.map(([id, title]) => (
            <option value={id}>{title}</option>
          ))}
        </select>
        <select data-testid="filter-trade" value={filter.trade ?? ''} onChange={(e) => update({ trade: e.currentTarget.value || undefined })}>
          <option value="">Tous les métiers</option>
          {facets.trades.map((t) => (
            <option value={t}>{t}</option>
          ))}
        </select>
        <select data-testid="filter-department" value={filter.department ?? ''} onChange={(e) => update({ department: e.currentTarget.value || undefined })}>
          <option value="">Tous les départements</option>
          {facets.departments.map((d) => (
            <option value={d}>{d}</option>
          ))}
        </select>
        <select data-testid="filter-deadline" value={filter.deadline} onChange={(e) => update({ deadline: DEADLINE_WINDOWS.find((w) => w === e.currentTarget.value) ?? 'all' })}>
          {DEADLINE_WINDOWS.map((w) => (
            <option value={w}>{WINDOW_LABELS[w]}</option>
          ))}
        </select>
      </section>
      <section class="bulk" aria-label="Action groupée">
        <span data-testid="selected-count">{selected.size} sélectionné{selected.size > 1 ? 's' : ''}</span>{' '}
        <StatusPicker value={bulkStatus} onChange={setBulkStatus} label="Passer au statut" testId="bulk-status" />{' '}
        <button type="button" data-testid="bulk-apply" disabled={!bulkStatus || selected.size === 0} onClick={() => void applyBulk()}>
          Appliquer
        </button>
      </section>
      {rows === undefined ? (
        preview && preview.length > 0 ? (
          <div class="layout" data-testid="preview">
            <WatchTable rows={preview} page={0} sort={sort} selected={selected} now={now()} onSort={() => undefined} onSelect={() => undefined} onOpen={(r) => setOpenKey(r.key)} onPage={() => undefined} />
          </div>
        ) : (
          <p>Chargement de la liste…</p>
        )
      ) : rows.length === 0 ? (
        <p>La liste de suivi est vide : cliquez « Suivre cet avis » sur une page d'avis, ou importez une sauvegarde.</p>
      ) : (
        <div class="layout">
          <WatchTable rows={visible} page={page} sort={sort} selected={selected} now={now()} onSort={onSort} onSelect={onSelect} onOpen={(r) => setOpenKey(r.key)} onPage={setPage} />
          {openRow && <WatchDetail db={props.db} row={openRow} now={now} who={who.current} onChanged={() => void load()} onClose={() => setOpenKey(undefined)} />}
        </div>
      )}
      <ReminderSettingsForm db={props.db} />
    </main>
  );
}

function ReminderSettingsForm(props: { db: WatchlistDb }) {
  const [settings, setSettings] = useState<ReminderSettings | undefined>(undefined);
  const [offsets, setOffsets] = useState('');
  const [time, setTime] = useState('08:00');
  const [state, setState] = useState('');
  useEffect(() => {
    void getReminderSettings(props.db).then((s) => {
      setSettings(s);
      setOffsets(s.offsetsDays.join(', '));
      setTime(`${String(s.hour).padStart(2, '0')}:${String(s.minute).padStart(2, '0')}`);
    });
  }, []);
  if (!settings) return null;
  const save = async () => {
    const days = offsets.split(/[,;\s]+/).filter(Boolean).map(Number);
    const [h, m] = time.split(':').map(Number);
    try {
      await setReminderSettings(props.db, { enabled: settings.enabled, offsetsDays: days, hour: h ?? 8, minute: m ?? 0 });
      setState('Rappels enregistrés.');
    } catch {
      setState('Valeurs invalides : des nombres de jours entre 0 et 60 séparés par des virgules, et une heure.');
    }
  };
  return (
    <details class="reminder-settings">
      <summary>Rappels avant les dates limites</summary>
      <label>
        <input type="checkbox" checked={settings.enabled} onChange={(e) => setSettings({ ...settings, enabled: e.currentTarget.checked })} /> Activer les rappels
      </label>
      <label>
        Jours avant la date limite (0 = jour J) <input type="text" value={offsets} onInput={(e) => setOffsets(e.currentTarget.value)} />
      </label>
      <label>
        Heure (Europe/Paris) <input type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />
      </label>
      <button type="button" onClick={() => void save()}>
        Enregistrer
      </button>{' '}
      <span>{state}</span>
    </details>
  );
}
