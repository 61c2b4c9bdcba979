import { defineContentScript } from '#imports';
import '@/assets/overlay.css';
import { PORTAL_MATCHES, PORTAL_SOURCES } from '@/lib/analyse-page/portal-sources';
import { analyseDocument } from '@/lib/analyse-page/analyse-in-page';
import { assessInBackground, boampRecordsInBackground, mountListBadges, mountNoticeOverlay } from '@/components/overlay-mount';

// One content script for every buyer-portal host (Atexo MPE instances, AWS, achatpublic, marches-securises,
// e-marchespublics). Thin: the portal sources decide what the page is, lib/analyse-page runs the flow, H6's mount
// shows the panel / row badges. Portals are server-rendered: one page view per load.
export default defineContentScript({
  matches: [...PORTAL_MATCHES],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    await analyseDocument(
      document,
      new URL(location.href),
      {
        assess: assessInBackground,
        boampRecords: boampRecordsInBackground,
        mount: {
          notice: (load) => mountNoticeOverlay(ctx, controller.signal, load),
          list: (readRows) => mountListBadges(ctx, controller.signal, { readRows }),
        },
        // Atexo lots popup: same origin as the page, so the content script may fetch it (cookies of the site).
        fetchPage: async (url) => {
          const res = await fetch(url, { credentials: 'include', signal: controller.signal });
          return res.ok ? new DOMParser().parseFromString(await res.text(), 'text/html') : undefined;
        },
        signal: controller.signal,
      },
      { sources: PORTAL_SOURCES },
    );
  },
});
