import { ContentScriptContext, defineUnlistedScript } from '#imports';
import overlayCss from '@/assets/overlay.css?inline';
import { analyseDocument } from '@/lib/analyse-page/analyse-in-page';
import type { AnalyseResult } from '@/lib/analyse-page/result';
import { PAGE_SOURCES } from '@/lib/sources/registry';
import {
  assessInBackground,
  BADGE_TAG,
  boampRecordsInBackground,
  mountListBadges,
  mountNoticeOverlay,
  PANEL_TAG,
} from '@/components/overlay-mount';

// "Analyser cette page": injected on demand by the popup (activeTab + scripting) into whatever page the user is on.
// Dedicated source when the URL or the page signature has one, else the `text` source; same panel as the overlay.
// The returned value goes back to the popup through scripting.executeScript.
export default defineUnlistedScript(async (): Promise<AnalyseResult> => {
  const ctx = new ContentScriptContext('analyse-page');
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  styleOverlayHosts();
  return analyseDocument(
    document,
    new URL(location.href),
    {
      assess: assessInBackground,
      boampRecords: boampRecordsInBackground,
      mount: {
        notice: (load) => mountNoticeOverlay(ctx, controller.signal, load),
        list: (readRows) => mountListBadges(ctx, controller.signal, { readRows }),
      },
      fetchPage: async (url) => {
        const res = await fetch(url, { credentials: 'include', signal: controller.signal });
        return res.ok ? new DOMParser().parseFromString(await res.text(), 'text/html') : undefined;
      },
      signal: controller.signal,
    },
    { sources: PAGE_SOURCES, textFallback: true, bySignature: true },
  );
});

/**
 * An injected script has no stylesheet of its own that a page may load (content-script CSS is only web-accessible on
 * the matched hosts), so the overlay's CSS is bundled as text and put into each overlay shadow root as it appears.
 */
function styleOverlayHosts(): void {
  const style = (host: Element): void => {
    const root = host.shadowRoot;
    if (!root || root.querySelector('style[data-rr]')) return;
    const el = document.createElement('style');
    el.setAttribute('data-rr', '');
    el.textContent = overlayCss;
    root.prepend(el);
  };
  const scan = (): void => document.querySelectorAll(`${PANEL_TAG}, ${BADGE_TAG}`).forEach(style);
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
  scan();
}
