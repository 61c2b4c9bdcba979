import { useEffect, useState } from 'preact/hooks';
import type { Notice } from '@/lib/notice/schema';
import type { Assessment } from '@/lib/rules/types';
import type { TabNoticeState, WatchStatus } from '@/lib/messaging/watchlist';
import type { WatchlistDb } from '@/lib/watchlist/db';
import type { Note, WatchedNotice } from '@/lib/watchlist/records';
import { noticeKey } from '@/lib/watchlist/records';
import {
  getWatched,
  notesOf,
  recentNotes,
  saveNote,
  setStatus,
  unwatchNotice,
  upcomingDeadlines,
  watchNotice,
} from '@/lib/watchlist/repository';
import { formatMoneyFr } from '@/lib/watchlist/format-fr';
import { VERDICT_LABELS_FR } from '@/lib/watchlist/status-labels';
import { CHANGE_LABELS_FR } from '@/lib/watchlist/changes';
import { StatusPicker } from './StatusPicker';
import { NoteEditor, type DraftStore } from './NoteEditor';
import { WatchToggle } from './WatchToggle';
import { WatchDeadline } from './WatchDeadline';
import { AnalysePageButton } from './AnalysePageButton';


export interface PopupDeps {
  db: WatchlistDb;
  /** The notice detected in the active tab, if any (asked to the background). */
  loadTabNotice: () => Promise<TabNoticeState | undefined>;
  openWatchlist: (key?: string) => void;
  /** Opens the self-check page ("Vérifier (acheteur)") for the active tab; the link shows only when a notice is detected. */
  openSelfCheck?: () => void;
  now?: () => number;
  draftStore?: DraftStore;
}

type Current = { notice: Notice; assessment: Assessment };

export function PopupApp(props: PopupDeps) {
  const now = props.now ?? Date.now;
  const [current, setCurrent] = useState<Current | null | undefined>(undefined);
  const [problem, setProblem] = useState<string>('');
  // Milliseconds from navigation start to the content shown (measured by the E2E benchmark).
  const [readyMs, setReadyMs] = useState<number | undefined>(undefined);
  const onContent = () => setReadyMs((ms) => ms ?? Math.round(performance.now()));
  useEffect(() => {
    props
      .loadTabNotice()
      .then((s) => setCurrent(s?.notice && s.assessment ? { notice: s.notice, assessment: s.assessment } : null))
      .catch((error: unknown) => {
        setProblem(error instanceof Error ? error.message : String(error));
        setCurrent(null);
      });
  }, []);

  return (
    <main lang="fr" class="popup" data-testid="popup" data-ready={current === undefined ? 'no' : 'yes'} data-ready-ms={readyMs}>
      <header>
        <h1>Régie Radar</h1>
        <button type="button" class="link" data-testid="open-watchlist" title="Open the watchlist" onClick={() => props.openWatchlist()}>
          Ouvrir la liste de suivi
        </button>
      </header>
      <AnalysePageButton />
      {problem && <p class="problem">{problem}</p>}
      {current === undefined && <p>Chargement…</p>}
      {current && <CurrentNotice {...props} current={current} now={now} onContent={onContent} />}
      {current === null && <Overview db={props.db} now={now} openWatchlist={props.openWatchlist} onContent={onContent} />}
    </main>
  );
}

function CurrentNotice(props: PopupDeps & { current: Current; now: () => number; onContent: () => void }) {
  const { notice, assessment } = props.current;
  const key = noticeKey(notice.source, notice.id);
  const [watched, setWatched] = useState<WatchedNotice | undefined | null>(undefined);
  const [notes, setNotes] = useState<Note[]>([]);
  const [error, setError] = useState('');
  const reload = async () => {
    const [w, n] = await Promise.all([getWatched(props.db, key), notesOf(props.db, key)]);
    setNotes(n);
    setWatched(w ?? null);
    props.onContent();
  };
  useEffect(() => {
    void reload();
  }, [key]);

  const guard = async (action: () => Promise<unknown>) => {
    try {
      setError('');
      await action();
      await reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const toggle = () =>
    guard(() => (watched ? unwatchNotice(props.db, notice) : watchNotice(props.db, notice, assessment, props.now())));
  const changeStatus = (status: WatchStatus) => guard(() => setStatus(props.db, [key], status, props.now()));
  // Writing a note on a notice not yet watched watches it: a note is worth keeping.
  const save = async (text: string, id: number | undefined) => {
    if (!(await getWatched(props.db, key))) await watchNotice(props.db, notice, assessment, props.now());
    return saveNote(props.db, key, text, props.now(), id !== undefined ? { id } : {});
  };
  const latestNote = [...notes].sort((a, b) => a.updatedAt - b.updatedAt).at(-1);
  const olderNotes = notes.filter((n) => n !== latestNote);
  const topFlags = [...assessment.flags].sort((a, b) => (a.severity === 'strong' ? -1 : b.severity === 'strong' ? 1 : 0)).slice(0, 3);
  const deadlineMs = notice.deadline ? Date.parse(notice.deadline) : undefined;

  return (
    <section class="current" data-testid="current-notice">
      <p class={`verdict verdict-${assessment.verdict}`} data-testid="verdict">
        {VERDICT_LABELS_FR[assessment.verdict]} <small>({assessment.score}/100)</small>
      </p>
      <h2>{notice.title || notice.id}</h2>
      <p class="buyer">{notice.buyer.name}</p>
      <p>
        Date limite : <WatchDeadline deadline={notice.deadline} deadlineMs={Number.isFinite(deadlineMs) ? deadlineMs : undefined} now={props.now()} />
      </p>
      {notice.estimatedValue && <p>Valeur estimée : {formatMoneyFr(notice.estimatedValue)}</p>}
      {topFlags.length > 0 && (
        <ul class="flags" data-testid="top-flags">
          {topFlags.map((f) => (
            <li class={`flag flag-${f.severity}`} title={f.explanation}>
              {f.title}
            </li>
          ))}
        </ul>
      )}
      {props.openSelfCheck && (
        <p class="self-check-link">
          <button
            type="button"
            class="link"
            data-testid="open-self-check"
            title="Buyer self-check: what this notice does (or not) for socially responsible procurement"
            onClick={() => props.openSelfCheck?.()}
          >
            Vérifier (acheteur)
          </button>{' '}
          <small>— ce que l’avis fait (ou non) pour l’achat socialement responsable : clause d’insertion, lots réservés, critères</small>
        </p>
      )}
      {watched !== undefined && (
        <div class="actions">
          <WatchToggle watched={watched !== null} onToggle={() => void toggle()} />
          {watched && <StatusPicker value={watched.status} onChange={(s) => void changeStatus(s)} />}
        </div>
      )}
      {watched && watched.changes.length > 0 && (
        <div class="changes" data-testid="changes">
          <strong>Modifié depuis le suivi :</strong>
          <ul>
            {watched.changes.slice(-3).map((c) => (
              <li>
                {CHANGE_LABELS_FR[c.field]} : {c.before} → {c.after}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && <p class="problem">{error}</p>}
      {watched !== undefined && (
        // The quick note continues the latest note of this notice (one running note; older ones are listed below).
        <NoteEditor
          noticeKey={key}
          {...(latestNote ? { initial: { text: latestNote.text, ...(latestNote.id !== undefined ? { id: latestNote.id } : {}) } } : {})}
          save={save}
          onSaved={() => void getWatched(props.db, key).then((w) => setWatched(w ?? null))}
          {...(props.draftStore ? { draftStore: props.draftStore } : {})}
        />
      )}
      {olderNotes.length > 0 && (
        <ul class="notes" data-testid="notes">
          {olderNotes
            .slice(-3)
            .reverse()
            .map((n) => (
              <li>{n.text}</li>
            ))}
        </ul>
      )}
    </section>
  );
}

function Overview(props: { db: WatchlistDb; now: () => number; openWatchlist: (key?: string) => void; onContent: () => void }) {
  const [deadlines, setDeadlines] = useState<WatchedNotice[] | undefined>(undefined);
  const [notes, setNotes] = useState<Note[]>([]);
  useEffect(() => {
    void (async () => {
      const upcoming = await upcomingDeadlines(props.db, props.now(), 20);
      setDeadlines(upcoming.filter((w) => ['a-etudier', 'go', 'en-preparation'].includes(w.status)).slice(0, 5));
      setNotes(await recentNotes(props.db, 5));
      props.onContent();
    })();
  }, []);
  return (
    <section class="overview" data-testid="overview">
      <p class="hint">Aucun avis détecté sur cette page.</p>
      <h2>Prochaines dates limites</h2>
      {deadlines === undefined ? (
        <p>Chargement…</p>
      ) : deadlines.length === 0 ? (
        <p>Aucune date limite à venir dans la liste de suivi.</p>
      ) : (
        <ul data-testid="next-deadlines">
          {deadlines.map((w) => (
            <li>
              <button type="button" class="link" onClick={() => props.openWatchlist(w.key)}>
                {w.title || w.id}
              </button>{' '}
              — <WatchDeadline deadline={w.deadline} deadlineMs={w.deadlineMs} now={props.now()} />
            </li>
          ))}
        </ul>
      )}
      <h2>Notes récentes</h2>
      {notes.length === 0 ? (
        <p>Pas encore de note.</p>
      ) : (
        <ul data-testid="recent-notes">
          {notes.map((n) => (
            <li>
              <button type="button" class="link" onClick={() => props.openWatchlist(n.noticeKey)}>
                {n.text.slice(0, 120)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
