import { defineContentScript, type ContentScriptContext } from '#imports';
import '@/assets/overlay.css';
import { callMessage } from '@/lib/messaging/protocol';
import { AssessBoampPage, GetBoampRecords } from '@/lib/messaging/records';
import { boampPageKind, idwebFromBoampUrl } from '@/lib/overlay/boamp-url';
import { loadNotice } from '@/lib/overlay/load-notice';
import { PageViewController, waitFor, type PageView } from '@/lib/overlay/page-view';
import { BOAMP_CARD_SELECTOR, readBoampCards, readBoampPageHeader } from '@/lib/sources/boamp/page-dom';
import { visibleText } from '@/lib/sources/text/visible-text';
import {
  boampRecordsInBackground,
  messageTransport,
  mountListBadges,
  mountNoticeOverlay,
} from '@/components/overlay-mount';

// boamp.fr: notice pages get the panel (API record first, page labels as fallback), search pages a badge per card.
// The whole site is matched because its AngularJS pages change URL without reloading.
export default defineContentScript({
  matches: ['https://www.boamp.fr/*'],
  cssInjectionMode: 'ui',
  // Right after the DOM is parsed: the badge must not wait for the page's images and scripts (document_idle).
  runAt: 'document_end',
  main(ctx) {
    const views = new PageViewController();
    const start = (url: URL): void => {
      const view = views.begin(url);
      if (!view) return;
      const kind = boampPageKind(url);
      if (kind === 'notice') void showNotice(ctx, view);
      else if (kind === 'list') void showList(ctx, view);
    };
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => start(newUrl));
    ctx.onInvalidated(() => views.end());
    start(new URL(location.href));
  },
});

/** Something of the notice is rendered (2020 layout, current ODS layout, or any heading). */
const NOTICE_RENDERED = '.avis-header, #doc_titre, [id^="section_"], main h1, h1';

async function showNotice(ctx: ContentScriptContext, view: PageView): Promise<void> {
  const id = idwebFromBoampUrl(view.url);
  await mountNoticeOverlay(ctx, view.signal, () =>
    loadNotice({
      signal: view.signal,
      ...(id
        ? {
            fromRecord: async () => {
              const res = await callMessage(GetBoampRecords, { ids: [id] }, messageTransport);
              const found = res.found.find((f) => f.notice.id === id);
              return { ...(found ? { found } : {}), errors: res.errors };
            },
          }
        : {}),
      // Fallback: the page's text and header go to the background, which reads them by their labels and assesses.
      fromPage: async () => {
        await waitFor(document, () => document.querySelector(NOTICE_RENDERED), { signal: view.signal, timeoutMs: 10_000 });
        const text = visibleText(document).slice(0, 1_000_000);
        const header = readBoampPageHeader(document);
        if (!header.heading && text.length <= 200) return undefined;
        return callMessage(AssessBoampPage, { text, url: view.url.href, header }, messageTransport);
      },
      assess: async () => {
        throw new Error('la page est évaluée par l’arrière-plan');
      },
    }),
  );
}

async function showList(ctx: ContentScriptContext, view: PageView): Promise<void> {
  // Angular renders the cards after load: wait for the first one.
  const first = await waitFor(document, () => document.querySelector(BOAMP_CARD_SELECTOR), { signal: view.signal, timeoutMs: 30_000 });
  if (!first || view.signal.aborted) return;
  await mountListBadges(ctx, view.signal, {
    readRows: () => readBoampCards(document),
    records: boampRecordsInBackground,
  });
}
