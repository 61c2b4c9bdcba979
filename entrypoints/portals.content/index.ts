import { defineContentScript } from '#imports';
import { PORTAL_MATCHES } from '@/lib/analyse-page/portal-matches';
import { analyseDocument } from '@/lib/analyse-page/analyse-in-page';
import { createPortalOverlay } from './overlay-ui';

// One content script for every buyer-portal host (Atexo MPE instances, AWS, achatpublic, marches-securises,
// e-marchespublics). Thin: the sources in lib/sources decide what the page is; lib/analyse-page runs the flow.
export default defineContentScript({
  matches: [...PORTAL_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    const deps = await createPortalOverlay(ctx);
    await analyseDocument(document, new URL(location.href), deps);
  },
});
