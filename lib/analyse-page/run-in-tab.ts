import { parseAnalyseResult, type AnalyseResult } from './result';

/**
 * The popup side of "Analyser cette page": inject the analysis script into the active tab (permission `activeTab`,
 * granted by the click on the popup — no broad host permission) and read back its result. Browser APIs are
 * injected so this stays testable in Node.
 */
export interface TabScriptingApi {
  activeTab(): Promise<{ id?: number; url?: string } | undefined>;
  /** `browser.scripting.executeScript({ target: { tabId }, files: [file] })` → the frames' results. */
  executeFile(tabId: number, file: string): Promise<{ result?: unknown }[]>;
}

/** Path of the built unlisted script (entrypoints/analyse-page.ts). */
export const ANALYSE_PAGE_SCRIPT = '/analyse-page.js';

export async function analyseActiveTab(api: TabScriptingApi): Promise<AnalyseResult> {
  try {
    const tab = await api.activeTab();
    if (tab?.id === undefined) return { ok: false, reason: 'Aucun onglet actif.' };
    if (tab.url && !/^(https?|file):/i.test(tab.url)) {
      return { ok: false, reason: 'Cette page ne peut pas être analysée (page du navigateur ou de l’extension).' };
    }
    const frames = await api.executeFile(tab.id, ANALYSE_PAGE_SCRIPT);
    return parseAnalyseResult(frames[0]?.result);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: `Analyse impossible sur cette page : ${message}` };
  }
}
