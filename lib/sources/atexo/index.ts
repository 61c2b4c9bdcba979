import type { Notice } from '@/lib/notice/schema';
import type { ListItem, PageKind, PageSource } from '@/lib/sources/types';
import { detectSafely, extractSafely, listSafely } from '@/lib/sources/portal-page/never-throw';
import { emptyNotice } from '@/lib/notice/schema';
import { safeQuery } from '@/lib/sources/portal-page/dom-text';
import { atexoMatchPatterns } from './hosts';
import { extractAtexoNotice } from './detail';
import { atexoListRows, extractAtexoList } from './list';
import { findRecap } from './recap';

/**
 * Atexo LocalTrust MPE (PLACE, Maximilien, Mégalis, AURA, Nantes, …): one source for every instance, both page
 * generations. `matches` = every known host; `detect` decides by page signature (recap, Prado ids, result rows),
 * because the same hosts also serve menus, help pages and forms.
 */
export const atexoSource: PageSource = {
  id: 'atexo',
  matches: atexoMatchPatterns(),
  detect(doc: Document, url: URL): PageKind {
    void url;
    return detectSafely(() => {
      if (findRecap(doc)) return 'notice';
      if (safeQuery(doc, '[id^="ctl0_CONTENU_PAGE_"][id$="_dateHeureLimiteRemisePlis"], [id^="ctl0_CONTENU_PAGE_"][id$="_intitule"]')) return 'notice';
      if (atexoListRows(doc).length > 0) return 'list';
      return null;
    });
  },
  extract(doc: Document, url: URL): Notice {
    return extractSafely(
      () => extractAtexoNotice(doc, url),
      () => emptyNotice('atexo', `atexo:${url.hostname}:erreur`, url.href, 'atexo:symfony'),
    );
  },
  extractList(doc: Document, url: URL): ListItem[] {
    return listSafely(() => extractAtexoList(doc, url));
  },
};
