import { emptyNotice, type Notice } from '@/lib/notice/schema';
import type { ListItem, PageKind, PageSource } from '@/lib/sources/types';
import { detectSafely, extractSafely, listSafely } from '@/lib/sources/portal-page/never-throw';
import { blockText, lineText, safeQuery, safeQueryAll } from '@/lib/sources/portal-page/dom-text';
import { pick, readLabelledPairs } from '@/lib/sources/portal-page/labelled-pairs';
import { textBasedNotice } from '@/lib/sources/portal-page/text-based-notice';
import { listRowNotice, rowsAroundLinks } from '@/lib/sources/portal-page/link-rows';

/**
 * achatpublic.com (and buyer sub-domains `{buyer}.achatpublic.com`). Detail `…/sdm/ent/gen/ent_detail.do?PCSLID=CSL_…`:
 * label/value table rows ("Intitulé de la consultation", "Organisme", "Type de procédure", "Date limite de remise des
 * plis" — "17 mai 2024 12h00", "Allotissement"…). No page of this portal was found saved: labels come from a public
 * scrapy spider and the DCE form from 2026 scrapers (research/portals.md §3); the text source backs everything up.
 */
export const ACHATPUBLIC_MATCHES: readonly string[] = ['*://www.achatpublic.com/*', '*://*.achatpublic.com/*'];

const DETAIL_LINK = 'a[href*="ent_detail.do"], a[href*="PCSLID="]';

export function pcslidFrom(text: string): string | undefined {
  return /PCSLID=([A-Za-z0-9_-]+)/.exec(text)?.[1];
}

function isDetail(doc: Document, url: URL): boolean {
  if (/ent_detail\.do/i.test(url.pathname)) return true;
  if (safeQuery(doc, '.sdmDce, [id^="detailsDce_"]')) return true;
  const pairs = readLabelledPairs(safeQuery(doc, '#content') ?? doc);
  return pairs.has('intitule de la consultation') || pairs.has('reference de la consultation');
}

export function extractAchatpublicNotice(doc: Document, url: URL): Notice {
  const root = safeQuery(doc, '#content') ?? doc;
  const pairs = readLabelledPairs(root);
  const pcslid = pcslidFrom(url.search) ?? pcslidFrom(safeQueryAll(doc, 'form[action], a[href]').map((e) => e.getAttribute('action') ?? e.getAttribute('href') ?? '').join(' '));
  const reference = pick(pairs, /^reference de la consultation/, /^reference/);
  const id = `achatpublic:${pcslid ?? reference ?? 'inconnu'}`;
  return textBasedNotice(doc, url, 'achatpublic', id, 'achatpublic:detail', {
    title: pick(pairs, /^intitule de la consultation/, /^intitule/, /^objet/),
    description: pick(pairs, /^description/, /^objet de la consultation/),
    buyer: pick(pairs, /^organisme/, /^acheteur/, /^pouvoir adjudicateur/),
    reference,
    procedure: pick(pairs, /^type de procedure/, /^procedure/),
    nature: pick(pairs, /^type de marche/, /^categorie/),
    deadline: pick(pairs, /^date limite de remise des plis/, /^date limite/),
    place: pick(pairs, /^lieu d'execution/),
    cpv: pick(pairs, /^code cpv/, /^cpv/),
    lots: pick(pairs, /^allotissement/),
  });
}

export const achatpublicSource: PageSource = {
  id: 'achatpublic',
  matches: ACHATPUBLIC_MATCHES,
  detect(doc: Document, url: URL): PageKind {
    return detectSafely(() => {
      if (isDetail(doc, url)) return 'notice';
      if (rowsAroundLinks(doc, DETAIL_LINK).length > 0) return 'list';
      return null;
    });
  },
  extract(doc: Document, url: URL): Notice {
    return extractSafely(
      () => extractAchatpublicNotice(doc, url),
      () => emptyNotice('achatpublic', 'achatpublic:erreur', url.href, 'achatpublic:detail'),
    );
  },
  extractList(doc: Document, url: URL): ListItem[] {
    return listSafely(() => {
      return rowsAroundLinks(doc, DETAIL_LINK).map(({ row, link }) => {
        const href = link.getAttribute('href') ?? '';
        const notice = listRowNotice(row, link, url, 'achatpublic', `achatpublic:${pcslidFrom(href) ?? (lineText(link) || 'ligne')}`);
        notice.fullText = blockText(row);
        return { element: row, notice };
      });
    });
  },
};
