import { defineContentScript, type ContentScriptContext } from '#imports';
import '@/assets/overlay.css';
import { callMessage } from '@/lib/messaging/protocol';
import { GetTedNotice } from '@/lib/messaging/records';
import { loadNotice } from '@/lib/overlay/load-notice';
import { PageViewController, waitFor, type PageView } from '@/lib/overlay/page-view';
import { publicationNumberFromUrl, tedPageSource } from '@/lib/sources/ted';
import { assessInBackground, messageTransport, mountListBadges, mountNoticeOverlay } from '@/components/overlay-mount';

// ted.europa.eu: notice pages get the panel (eForms XML through the background first, the page as fallback),
// search results a badge per row. TED is a single-page app: every URL change starts a new page view.
export default defineContentScript({
  matches: ['https://ted.europa.eu/*'],
  cssInjectionMode: 'ui',
  // Right after the DOM is parsed: the badge must not wait for the page's images and scripts (document_idle).
  runAt: 'document_end',
  main(ctx) {
    const views = new PageViewController();
    const start = (url: URL): void => {
      const view = views.begin(url);
      if (!view) return;
      const kind = tedPageSource.detect(document, url);
      if (kind === 'notice') void showNotice(ctx, view);
      else if (kind === 'list') void showList(ctx, view);
    };
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => start(newUrl));
    ctx.onInvalidated(() => views.end());
    start(new URL(location.href));
  },
});

async function showNotice(ctx: ContentScriptContext, view: PageView): Promise<void> {
  const pub = publicationNumberFromUrl(view.url);
  await mountNoticeOverlay(ctx, view.signal, () =>
    loadNotice({
      signal: view.signal,
      ...(pub ? { fromRecord: () => callMessage(GetTedNotice, { publicationNumber: pub }, messageTransport) } : {}),
      fromPage: async () => {
        await waitFor(document, () => document.querySelector('main h1, h1'), { signal: view.signal, timeoutMs: 10_000 });
        const notice = tedPageSource.extract(document, view.url);
        return notice.title || notice.fullText.length > 200 ? notice : undefined;
      },
      assess: async (notice) => {
        const [assessed] = await assessInBackground([notice]);
        if (!assessed) throw new Error('évaluation impossible');
        return assessed;
      },
    }),
  );
}

async function showList(ctx: ContentScriptContext, view: PageView): Promise<void> {
  const first = await waitFor(document, () => document.querySelector('a[href*="/notice/-/detail/"]'), { signal: view.signal, timeoutMs: 30_000 });
  if (!first || view.signal.aborted) return;
  await mountListBadges(ctx, view.signal, { readRows: () => tedPageSource.extractList?.(document, view.url) ?? [] });
}
