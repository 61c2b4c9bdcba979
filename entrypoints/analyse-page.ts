import { ContentScriptContext, defineUnlistedScript } from '#imports';
import { analyseDocument } from '@/lib/analyse-page/analyse-in-page';
import type { AnalyseResult } from '@/lib/analyse-page/result';
import { createPortalOverlay } from './portals.content/overlay-ui';

// "Analyser cette page": injected on demand by the popup (activeTab + scripting) into whatever page the user is on.
// Dedicated source when the URL or the page signature has one, else the `text` source; same panel as the overlay.
// The returned value goes back to the popup through scripting.executeScript.
export default defineUnlistedScript(async (): Promise<AnalyseResult> => {
  const ctx = new ContentScriptContext('analyse-page');
  const deps = await createPortalOverlay(ctx);
  return analyseDocument(document, new URL(location.href), deps, { textFallback: true, bySignature: true });
});
