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
import { normalizeText } from '@/lib/notice/normalize';
import { extractFromDocument, visibleText } from '@/lib/sources/text';
import { boampNoticeUrl, boampPageKind, idwebFromBoampUrl, idwebFromHref } from '@/lib/overlay/boamp-url';
import type { ListItem, PageKind, PageSource } from '@/lib/sources/types';

export const BOAMP_PAGE_MATCHES = [
  'https://www.boamp.fr/pages/avis*',
  'https://www.boamp.fr/avis/detail/*',
  'https://www.boamp.fr/pages/recherche*',
] as const;

/** Cards of the search page; the `li` of the Angular repeat is the fallback when the class changes. */
export const BOAMP_CARD_SELECTOR = 'div.card-notification, #toplist > li[ng-repeat]';
const AVIS_REF = /avis\s*n[°o]\s*:?\s*(\d{2}-\d+|B[WX]P[0-9A-Z]+)/i;

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

function detect(_doc: Document, url: URL): PageKind {
  return boampPageKind(url);
}

/** "Type d'avis" words → notice type. */
function noticeTypeOf(text: string): Notice['noticeType'] {
  const k = normalizeText(text);
  if (/resultat de marche|attribution|intention de conclure/.test(k)) return 'award';
  if (/rectificatif|annulation/.test(k)) return 'correction';
  if (/pre-?information|information prealable/.test(k)) return 'prior';
  if (/avis de marche|appel/.test(k)) return 'contract';
  return 'other';
}

function firstDepartment(text: string): string | undefined {
  for (const token of text.split(/[\s,;]+/)) {
    const code = normalizeDepartmentCode(token);
    if (code) return code;
  }
  return undefined;
}

/** A notice page read by its labels. Never throws. */
function extract(doc: Document, url: URL): Notice {
  const urlId = idwebFromBoampUrl(url);
  let notice: Notice;
  try {
    notice = extractFromDocument(doc, url);
  } catch (e) {
    notice = emptyNotice('boamp', urlId ?? 'boamp-page', url.href, 'html:boamp');
    notice.raw.warnings = [`lecture de la page interrompue : ${e instanceof Error ? e.message : String(e)}`];
  }
  const warnings = [...(notice.raw.warnings ?? []), 'avis lu sur la page boamp.fr (repli) : la fiche complète vient de l’API BOAMP'];
  try {
    // 2020 layout: header.avis-header with p.avis-ref "Avis No 20-102039", p.avis-geo "Dépt. : 76 Habitat 76".
    const ref = clean(doc.querySelector('.avis-ref, #doc_titre')?.textContent);
    const id = urlId ?? AVIS_REF.exec(ref.replace(/\bNo\b/, 'n°'))?.[1] ?? AVIS_REF.exec(notice.fullText)?.[1];
    notice.source = 'boamp';
    notice.id = id ?? notice.id;
    notice.url = id ? boampNoticeUrl(id) : url.href;
    const h1 = clean(doc.querySelector('header h1, h1')?.textContent);
    if (h1 && !/^boamp\b/i.test(h1)) notice.title = h1;
    const geo = clean(doc.querySelector('.avis-geo span')?.textContent);
    const dept = /d[ée]pt\.?\s*:\s*(\S+)/i.exec(geo)?.[1];
    if (dept && !notice.place.department) {
      const code = normalizeDepartmentCode(dept);
      if (code) notice.place = { ...notice.place, department: code };
    }
    const published = clean(doc.querySelector('.date-publishing')?.textContent);
    if (published && !notice.publishedAt) {
      const iso = parseFrenchDateTime(published);
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

/** The "Label : value" lines of a card. */
function labelled(lines: readonly string[], label: RegExp): string | undefined {
  for (const line of lines) {
    const m = /^([^:]{2,40}?)\s*:\s*(.+)$/.exec(line);
    if (m?.[1] && m[2] && label.test(normalizeText(m[1]))) return m[2].trim();
  }
  return undefined;
}

/** One search-result card → a partial Notice (the background completes it from the API record). */
export function readBoampCard(card: Element): Notice | undefined {
  const link = Array.from(card.querySelectorAll('a[href*="idweb"]')).find((a) => idwebFromHref(a.getAttribute('href') ?? ''));
  const text = visibleText(card);
  const id = idwebFromHref(link?.getAttribute('href') ?? '') ?? AVIS_REF.exec(text)?.[1];
  if (!id) return undefined;
  const notice = emptyNotice('boamp', id, boampNoticeUrl(id), 'html:boamp-card');
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  notice.title = clean(link?.textContent) || (lines[2] ?? '');
  notice.fullText = text;
  const buyer = labelled(lines, /^acheteur$/);
  if (buyer) notice.buyer = { name: buyer };
  const dept = labelled(lines, /^departement/);
  const code = dept ? firstDepartment(dept) : undefined;
  if (code) notice.place = { department: code };
  const type = labelled(lines, /^type d'avis$/);
  if (type) notice.noticeType = noticeTypeOf(type);
  const procedure = labelled(lines, /^procedure$/);
  if (procedure) notice.procedure = procedure;
  const deadlineLine = lines.find((l) => /date limite de r[ée]ponse/i.test(l));
  const deadline = deadlineLine ? parseFrenchDateTime(deadlineLine) : undefined;
  if (deadline) notice.deadline = deadline;
  const publishedLine = lines.find((l) => /^publi[ée] le/i.test(l));
  const published = publishedLine ? parseFrenchDateTime(publishedLine) : undefined;
  if (published) notice.publishedAt = published.slice(0, 10);
  if (card.querySelector('img[alt="Critères sociaux"]')) notice.socialSignals = ['criteres:sociaux'];
  notice.raw = {
    format: 'html:boamp-card',
    fieldsUsed: ['card:text', ...(notice.socialSignals.length ? ['card:img[alt="Critères sociaux"]'] : [])],
    warnings: ['carte de résultat : avis partiel, complété par l’API BOAMP quand elle répond'],
  };
  const parsed = NoticeSchema.safeParse(notice);
  return parsed.success ? parsed.data : undefined;
}

/** Every result card of a search page, once per idweb, in page order. */
function extractList(doc: Document, _url: URL): ListItem[] {
  const items: ListItem[] = [];
  const seen = new Set<string>();
  let cards: Element[] = [];
  try {
    cards = Array.from(doc.querySelectorAll(BOAMP_CARD_SELECTOR));
  } catch {
    return items;
  }
  for (const card of cards) {
    // The li fallback also matches the li that holds a div.card-notification: keep the innermost.
    if (card.tagName === 'LI' && card.querySelector('div.card-notification')) continue;
    try {
      const notice = readBoampCard(card);
      if (!notice || seen.has(notice.id)) continue;
      seen.add(notice.id);
      items.push({ element: card, notice });
    } catch {
      // one odd card never stops the others
    }
  }
  return items;
}

export const boampPageSource: PageSource = {
  id: 'boamp',
  matches: BOAMP_PAGE_MATCHES,
  detect,
  extract,
  extractList,
};
