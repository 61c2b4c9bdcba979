/**
 * boamp.fr as a page source. The site is a view of the open-data `boamp` dataset: the overlay reads the idweb
 * from the URL and asks the background for the API record. This DOM reading is the FALLBACK (API down or slow)
 * and the source of the search-result cards' first badges.
 *
 * - Notice pages: any of the URL shapes of `lib/overlay/boamp-url.ts`. Read by their labels through the `text`
 *   source (which knows the French notice labels and the 2020 EU-form numbering), then given BOAMP's identity
 *   (idweb from the URL or the "Avis n°" reference, canonical URL, `<h1>` title, header fields of the 2020 layout).
 * - Search results (`/pages/recherche/`, AngularJS + DSFR, rendered late): each `div.card-notification` holds
 *   "Avis n° 26-12", "Publié le …", "Date limite de réponse le 05/02/2026 à 16h00", the title link, then
 *   "Département : 83", "Acheteur : …", "Type d'avis : …", "Procédure : …", lot titles, and the
 *   `img[alt="Critères sociaux"]` icon when the buyer indexed social criteria (research/boamp.md §6.2).
 */
import { emptyNotice, NoticeSchema, type Notice } from '@/lib/notice/schema';
import { parseFrenchDateTime } from '@/lib/notice/dates';
import { normalizeDepartmentCode } from '@/lib/notice/places';
import { extractFromText } from '@/lib/sources/text/extract';
import { visibleText } from '@/lib/sources/text/visible-text';
import { boampNoticeUrl, boampPageKind, idwebFromBoampUrl } from '@/lib/overlay/boamp-url';
import type { PageKind, PageSource } from '@/lib/sources/types';
import { AVIS_REF, clean, readBoampCards, readBoampPageHeader, type BoampPageHeader } from './page-dom';

export { BOAMP_CARD_SELECTOR, BoampPageHeaderSchema, readBoampCard, readBoampCards, readBoampPageHeader, type BoampPageHeader } from './page-dom';

export const BOAMP_PAGE_MATCHES = [
  'https://www.boamp.fr/pages/avis*',
  'https://www.boamp.fr/avis/detail/*',
  'https://www.boamp.fr/pages/recherche*',
] as const;

function detect(_doc: Document, url: URL): PageKind {
  return boampPageKind(url);
}

/**
 * A notice page from its visible text and header (what `extract` reads from the DOM; the overlay's background
 * runs this part so the content script stays small). Never throws.
 */
export function boampNoticeFromText(text: string, url: URL, header: BoampPageHeader = {}): Notice {
  const urlId = idwebFromBoampUrl(url);
  let notice: Notice;
  try {
    notice = extractFromText(text, url, {
      format: 'html:text',
      ...(header.heading ? { heading: header.heading } : {}),
      ...(header.documentTitle ? { documentTitle: header.documentTitle } : {}),
    });
  } catch (e) {
    notice = emptyNotice('boamp', urlId ?? 'boamp-page', url.href, 'html:boamp');
    notice.raw.warnings = [`lecture de la page interrompue : ${e instanceof Error ? e.message : String(e)}`];
  }
  const warnings = [...(notice.raw.warnings ?? []), 'avis lu sur la page boamp.fr (repli) : la fiche complète vient de l’API BOAMP'];
  try {
    const ref = header.reference ?? '';
    const id = urlId ?? AVIS_REF.exec(ref.replace(/\bNo\b/, 'n°'))?.[1] ?? AVIS_REF.exec(notice.fullText)?.[1];
    notice.source = 'boamp';
    notice.id = id ?? notice.id;
    notice.url = id ? boampNoticeUrl(id) : url.href;
    if (header.heading && !/^boamp\b/i.test(header.heading)) notice.title = header.heading;
    const dept = /d[ée]pt\.?\s*:\s*(\S+)/i.exec(header.department ?? '')?.[1];
    if (dept && !notice.place.department) {
      const code = normalizeDepartmentCode(dept);
      if (code) notice.place = { ...notice.place, department: code };
    }
    if (header.published && !notice.publishedAt) {
      const iso = parseFrenchDateTime(header.published);
      if (iso) notice.publishedAt = iso.slice(0, 10);
    }
    if (!id) warnings.push('identifiant BOAMP (idweb) introuvable');
  } catch (e) {
    warnings.push(`en-tête BOAMP non lu : ${e instanceof Error ? e.message : String(e)}`);
  }
  notice.raw = { ...notice.raw, format: 'html:boamp', warnings };
  const parsed = NoticeSchema.safeParse(notice);
  return parsed.success ? parsed.data : emptyNotice('boamp', urlId ?? 'boamp-page', url.href, 'html:boamp');
}

/** A notice page read by its labels. Never throws. */
function extract(doc: Document, url: URL): Notice {
  let text = '';
  try {
    text = visibleText(doc);
  } catch {
    text = '';
  }
  return boampNoticeFromText(text, url, readBoampPageHeader(doc));
}

export const boampPageSource: PageSource = {
  id: 'boamp',
  matches: BOAMP_PAGE_MATCHES,
  detect,
  extract,
  extractList: (doc: Document) => readBoampCards(doc),
};
