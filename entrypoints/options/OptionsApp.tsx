import { useEffect, useState } from 'preact/hooks';
import type { WatchlistDb } from '@/lib/watchlist/db';
import { getProfile, setProfile } from '@/lib/watchlist/repository';
import { getMonitoringSettings, getMonitorState, setMonitoringSettings } from '@/lib/watchlist/monitoring-store';
import { formatInstantFr } from '@/lib/watchlist/format-fr';
import { TRADE_FAMILIES } from '@/lib/rules/regie-trades';
import { ProfileSchema, type Profile, type Trade } from '@/lib/rules/profile';
import {
  MECHANISM_LABELS_FR,
  MONITOR_MECHANISMS,
  MONITOR_NOTICE_TYPES,
  MonitoringSettingsSchema,
  NOTICE_TYPE_LABELS_FR,
  type MonitoringSettings,
  type MonitorNoticeType,
} from '@/lib/monitoring/settings';
import { describeDepartments, parseTerritory } from '@/lib/monitoring/territory';
import type { MonitorState } from '@/lib/monitoring/records';
import type { RunSummary } from '@/lib/messaging/monitoring';
import { InboxList } from '@/components/InboxList';

/**
 * Options page: the Régie's profile (territory, trades, keywords, value range), the monitoring settings (on/off with
 * the API host permission, frequency, quiet hours, notice types, mechanisms), the state of the last check, the
 * "Vérifier maintenant" button and the inbox. Browser APIs come in as props (entrypoint main.tsx).
 */
export interface OptionsDeps {
  db: WatchlistDb;
  runNow: () => Promise<RunSummary>;
  apply: () => Promise<void>;
  requestHostAccess: () => Promise<boolean>;
}

const words = (text: string) => [...new Set(text.split(/[,;\n]+/).map((w) => w.trim()).filter((w) => w.length > 0))];
const euros = (text: string) => {
  const n = Number(text.replace(/\s/g, '').replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : undefined;
};

function summaryText(s: RunSummary): string {
  if (s.status === 'skipped') return `Vérification non faite : ${s.reason ?? 'raison inconnue'}.`;
  if (s.status === 'failed') return `Vérification interrompue : ${s.error ?? 'erreur inconnue'} (elle reprendra là où elle s’est arrêtée).`;
  const found = s.newItems === 0 ? 'aucune nouvelle opportunité' : s.newItems === 1 ? '1 nouvelle opportunité' : `${s.newItems} nouvelles opportunités`;
  return `Vérification terminée : ${found} (${s.requests} requête${s.requests > 1 ? 's' : ''}).`;
}

export function OptionsApp(props: OptionsDeps) {
  const [profile, setProfileState] = useState<Profile | undefined>(undefined);
  const [settings, setSettings] = useState<MonitoringSettings | undefined>(undefined);
  const [state, setState] = useState<MonitorState | undefined>(undefined);
  const [territory, setTerritory] = useState('');
  const [include, setInclude] = useState('');
  const [exclude, setExclude] = useState('');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);

  useEffect(() => {
    void (async () => {
      const p = await getProfile(props.db);
      setProfileState(p);
      setTerritory(describeDepartments(p.departments));
      setInclude((p.includeKeywords ?? []).join(', '));
      setExclude((p.excludeKeywords ?? []).join(', '));
      setMin(p.valueRange?.min !== undefined ? String(p.valueRange.min) : '');
      setMax(p.valueRange?.max !== undefined ? String(p.valueRange.max) : '');
      setSettings(await getMonitoringSettings(props.db));
      setState(await getMonitorState(props.db));
    })();
  }, []);

  if (!profile || !settings) return <main lang="fr"><p>Chargement…</p></main>;
  const parsedTerritory = parseTerritory(territory);

  const toggleTrade = (t: Trade, on: boolean) =>
    setProfileState({ ...profile, trades: on ? [...profile.trades, t] : profile.trades.filter((x) => x !== t) });
  const toggleType = (t: MonitorNoticeType, on: boolean) =>
    setSettings({ ...settings, noticeTypes: on ? [...settings.noticeTypes, t] : settings.noticeTypes.filter((x) => x !== t) });
  const toggleMechanism = (m: string, on: boolean) =>
    setSettings({ ...settings, mechanisms: on ? [...settings.mechanisms, m] : settings.mechanisms.filter((x) => x !== m) });

  const save = async (next: MonitoringSettings = settings): Promise<boolean> => {
    if (parsedTerritory.unknown.length > 0) {
      setMessage({ ok: false, text: `Territoire non reconnu : ${parsedTerritory.unknown.join(', ')}. Indiquez un code (93), un nom de département ou de région.` });
      return false;
    }
    const minV = euros(min);
    const maxV = euros(max);
    if (minV !== undefined && maxV !== undefined && minV > maxV) {
      setMessage({ ok: false, text: 'Le montant minimum dépasse le maximum.' });
      return false;
    }
    const candidate: Profile = {
      ...profile,
      departments: parsedTerritory.codes,
      includeKeywords: words(include),
      excludeKeywords: words(exclude),
    };
    if (minV !== undefined || maxV !== undefined) candidate.valueRange = { ...(minV !== undefined ? { min: minV } : {}), ...(maxV !== undefined ? { max: maxV } : {}) };
    else delete candidate.valueRange;
    const p = ProfileSchema.safeParse(candidate);
    const s = MonitoringSettingsSchema.safeParse(next);
    if (!p.success || !s.success) {
      setMessage({ ok: false, text: s.success ? 'Profil invalide : vérifiez les champs.' : 'Choisissez au moins un type d’avis.' });
      return false;
    }
    await setProfile(props.db, p.data);
    await setMonitoringSettings(props.db, s.data);
    setProfileState(p.data);
    setSettings(s.data);
    try {
      await props.apply();
      setMessage({ ok: true, text: 'Réglages enregistrés.' });
    } catch (e) {
      setMessage({ ok: false, text: `Réglages enregistrés, mais le service d’arrière-plan n’a pas répondu : ${e instanceof Error ? e.message : String(e)}` });
    }
    return true;
  };

  const setEnabled = async (on: boolean) => {
    if (on) {
      // The two API hosts: asked when the user turns the watch on (optional permission; no-op when already granted).
      const granted = await props.requestHostAccess().catch(() => false);
      if (!granted) {
        setMessage({ ok: false, text: 'Sans l’accès aux API du BOAMP et de TED, la veille ne peut pas fonctionner.' });
        return;
      }
    }
    await save({ ...settings, enabled: on });
  };

  const runNow = async () => {
    // The check uses what is on screen: save first (a form error stops here, with its message).
    if (!(await save())) return;
    setBusy(true);
    try {
      const s = await props.runNow();
      setMessage({ ok: s.status === 'ok', text: summaryText(s) });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
    setState(await getMonitorState(props.db));
    setRefresh((n) => n + 1);
    setBusy(false);
  };

  return (
    <main lang="fr" data-testid="options">
      <h1>Régie Radar — veille des marchés publics</h1>
      <section class="status" data-testid="monitor-status" aria-live="polite">
        <label>
          <input type="checkbox" data-testid="monitor-enabled" checked={settings.enabled} onChange={(e) => void setEnabled(e.currentTarget.checked)} /> Veille
          automatique activée (BOAMP et TED, avec votre accord pour ces deux sites)
        </label>
        <p data-testid="last-success">
          Dernière vérification réussie : {state?.lastSuccessAt !== undefined ? formatInstantFr(state.lastSuccessAt) : 'jamais'}
        </p>
        {state?.lastError && (
          <p class="error" data-testid="last-error">
            Dernière erreur{state.lastErrorAt !== undefined ? ` (${formatInstantFr(state.lastErrorAt)})` : ''} : {state.lastError}
          </p>
        )}
        {state?.cursor && <p class="hint">Une vérification interrompue reprendra là où elle s’est arrêtée.</p>}
        <button type="button" data-testid="run-now" disabled={busy} onClick={() => void runNow()}>
          {busy ? 'Vérification en cours…' : 'Vérifier maintenant'}
        </button>
        {message && (
          <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="options-message">
            {message.text}
          </p>
        )}
      </section>

      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>Territoire</legend>
          <label>
            Départements ou régions (codes ou noms, séparés par des virgules ; vide = toute la France)
            <input class="wide" type="text" data-testid="territory" value={territory} onInput={(e) => setTerritory(e.currentTarget.value)} />
          </label>
          <p class="hint" data-testid="territory-preview">
            {parsedTerritory.codes.length > 0 ? `Retenus : ${describeDepartments(parsedTerritory.codes)}` : 'Toute la France'}
            {parsedTerritory.unknown.length > 0 ? ` — non reconnus : ${parsedTerritory.unknown.join(', ')}` : ''}
          </p>
        </fieldset>

        <fieldset>
          <legend>Métiers de la Régie</legend>
          {TRADE_FAMILIES.map((f) => (
            <label key={f.trade}>
              <input type="checkbox" checked={profile.trades.includes(f.trade)} onChange={(e) => toggleTrade(f.trade, e.currentTarget.checked)} /> {f.label}{' '}
              <span class="hint">(codes CPV — nomenclature européenne des achats — commençant par {f.cpvPrefixes.join(', ')})</span>
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>Mots-clés</legend>
          <label>
            À inclure (cherchés dans l’objet des avis)
            <input class="wide" type="text" value={include} onInput={(e) => setInclude(e.currentTarget.value)} />
          </label>
          <label>
            À exclure
            <input class="wide" type="text" value={exclude} onInput={(e) => setExclude(e.currentTarget.value)} />
          </label>
        </fieldset>

        <fieldset>
          <legend>Montant estimé (€ HT)</legend>
          <label>
            Minimum <input type="number" min="0" value={min} onInput={(e) => setMin(e.currentTarget.value)} />
          </label>
          <label>
            Maximum <input type="number" min="0" value={max} onInput={(e) => setMax(e.currentTarget.value)} />
          </label>
        </fieldset>

        <fieldset>
          <legend>Mécanismes recherchés en priorité</legend>
          <p class="hint">Les avis qui en portent un sont signalés en premier ; si vous en cochez, les avis « à étudier » sans aucun d’eux sont ignorés.</p>
          {MONITOR_MECHANISMS.map((m) => (
            <label key={m}>
              <input type="checkbox" checked={settings.mechanisms.includes(m)} onChange={(e) => toggleMechanism(m, e.currentTarget.checked)} /> {MECHANISM_LABELS_FR[m]}
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>Types d’avis</legend>
          {MONITOR_NOTICE_TYPES.map((t) => (
            <label key={t}>
              <input type="checkbox" checked={settings.noticeTypes.includes(t)} onChange={(e) => toggleType(t, e.currentTarget.checked)} /> {NOTICE_TYPE_LABELS_FR[t]}
            </label>
          ))}
          <label>
            <input type="checkbox" checked={settings.includeTed} onChange={(e) => setSettings({ ...settings, includeTed: e.currentTarget.checked })} /> Interroger aussi TED
            (avis européens au-dessus des seuils)
          </label>
        </fieldset>

        <fieldset>
          <legend>Fréquence et heures de silence</legend>
          <label>
            Vérifier{' '}
            <select value={String(settings.frequencyHours)} onChange={(e) => setSettings({ ...settings, frequencyHours: Number(e.currentTarget.value) })}>
              <option value="6">quatre fois par jour</option>
              <option value="12">deux fois par jour</option>
              <option value="24">une fois par jour</option>
            </select>
          </label>
          <label>
            Pas de vérification ni de notification entre{' '}
            <select
              value={String(settings.quietHours?.start ?? 0)}
              onChange={(e) => setSettings({ ...settings, quietHours: { start: Number(e.currentTarget.value), end: settings.quietHours?.end ?? 0 } })}
            >
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={String(h)}>{`${h} h`}</option>
              ))}
            </select>{' '}
            et{' '}
            <select
              value={String(settings.quietHours?.end ?? 0)}
              onChange={(e) => setSettings({ ...settings, quietHours: { start: settings.quietHours?.start ?? 0, end: Number(e.currentTarget.value) } })}
            >
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={String(h)}>{`${h} h`}</option>
              ))}
            </select>{' '}
            (heure de Paris ; mêmes heures = pas de silence)
          </label>
        </fieldset>

        <button type="submit" data-testid="save-options">
          Enregistrer
        </button>
      </form>

      <div id="boite-de-reception">
        <InboxList db={props.db} refreshKey={refresh} />
      </div>
    </main>
  );
}
