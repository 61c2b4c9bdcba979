import { useState } from 'preact/hooks';
import type { AnalyseResult } from '@/lib/analyse-page/result';

/**
 * "Analyser cette page" (popup): runs the analysis in the active tab — any page, even a portal we do not know, a
 * buyer's website or a draft opened as HTML — and shows the panel there; the popup shows the short answer.
 * `run` is injected in tests; by default it asks the browser (activeTab + scripting, no broad host permission).
 */
export function AnalysePageButton(props: { run?: () => Promise<AnalyseResult> }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AnalyseResult | undefined>(undefined);
  const run = props.run ?? defaultRun;
  const onClick = async () => {
    setBusy(true);
    setResult(undefined);
    try {
      setResult(await run());
    } catch (e) {
      setResult({ ok: false, reason: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="analyse-page" data-testid="analyse-page">
      <button type="button" onClick={() => void onClick()} disabled={busy} aria-busy={busy} title="Analyse this page">
        {busy ? 'Analyse en cours…' : 'Analyser cette page'}
      </button>
      <p class="hint">
        Lit l’avis affiché dans l’onglet (tout site, même un brouillon ouvert dans le navigateur) et affiche l’analyse
        sur la page. <span lang="en">Reads the notice shown in the tab and displays the assessment on the page.</span>
      </p>
      {result && <AnalyseSummary result={result} />}
    </section>
  );
}

const VERDICT_FR = { opportunity: 'Opportunité', maybe: 'À étudier', no: 'Pas pour la Régie' } as const;

function AnalyseSummary({ result }: { result: AnalyseResult }) {
  if (!result.ok) {
    return (
      <p class="problem" role="status" data-testid="analyse-result">
        {result.reason}
      </p>
    );
  }
  return (
    <div role="status" data-testid="analyse-result" data-verdict={result.verdict}>
      {result.verdict && (
        <p class={`verdict verdict-${result.verdict}`}>
          {VERDICT_FR[result.verdict]} <small>({Math.round(result.score ?? 0)}/100)</small>
        </p>
      )}
      {result.kind === 'list' ? (
        <p>
          {result.rows ?? 0} avis repérés sur la page : un badge est affiché sur chacun.
        </p>
      ) : (
        <p>
          {result.title}
          {result.buyer ? ` — ${result.buyer}` : ''}
        </p>
      )}
      {result.reasons.length > 0 && (
        <ul class="flags">
          {result.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

async function defaultRun(): Promise<AnalyseResult> {
  // Loaded on click only: keeps the popup's first render free of the scripting glue.
  const [{ browser }, { analyseActiveTab }] = await Promise.all([import('wxt/browser'), import('@/lib/analyse-page/run-in-tab')]);
  return analyseActiveTab({
    activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
    // The one file we inject, built from entrypoints/analyse-page.ts (ANALYSE_PAGE_SCRIPT).
    executeFile: async (tabId) => browser.scripting.executeScript({ target: { tabId }, files: ['/analyse-page.js'] }),
  });
}
