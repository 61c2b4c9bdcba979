/**
 * The light, DOM-side half of the boamp.fr page source: search-result cards and the notice header. The content
 * script bundles only this; reading a whole notice by its labels (`page.ts`, the heavy text extractor) runs in
 * the background on the text the content script sends.
 */
import { z } from 'zod';
import { emptyNotice, NoticeSchema, type Notice } from '@/lib/notice/schema';
import { parseFrenchDateTime } from '@/lib/notice/dates';
import { normalizeDepartmentCode } from '@/lib/notice/places';
import { normalizeText } from '@/lib/notice/normalize';
import { visibleText } from '@/lib/sources/text/visible-text';
import { boampNoticeUrl, idwebFromHref } from '@/lib/overlay/boamp-url';
import type { ListItem } from '@/lib/sources/types';

/** Cards of the search page; the `li` of the Angular repeat is the fallback when the class changes. */
export const BOAMP_CARD_SELECTOR = 'div.card-notification, #toplist > li[ng-repeat]';
export const AVIS_REF = /avis\s*n[°o]\s*:?\s*(\d{2}-\d+|B[WX]P[0-9A-Z]+)/i;

export function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
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

/** What the page header says, read from the DOM (cheap: the content script sends it with the page text). */
export const BoampPageHeaderSchema = z.object({
  /** "Avis No 20-102039" (2020 layout) or the notice-type title of the current layout. */
  reference: z.string().max(300).optional(),
  heading: z.string().max(2000).optional(),
  documentTitle: z.string().max(2000).optional(),
  /** "Dépt. : 76" of the 2020 layout. */
  department: z.string().max(100).optional(),
  /** "publié le 15/08/2020" of the 2020 layout. */
  published: z.string().max(200).optional(),
});
export type BoampPageHeader = z.infer<typeof BoampPageHeaderSchema>;

export function readBoampPageHeader(doc: Document): BoampPageHeader {
  const header: BoampPageHeader = {};
  const put = (key: keyof BoampPageHeader, value: string | undefined, max: number): void => {
    const v = clean(value).slice(0, max);
    if (v) header[key] = v;
  };
  try {
    put('reference', doc.querySelector('.avis-ref, #doc_titre')?.textContent, 300);
    put('heading', doc.querySelector('header h1, h1')?.textContent, 2000);
    put('documentTitle', doc.querySelector('head > title, title')?.textContent, 2000);
    put('department', doc.querySelector('.avis-geo span')?.textContent, 100);
    put('published', doc.querySelector('.date-publishing')?.textContent, 200);
  } catch {
    // a header we cannot read leaves the text to speak for itself
  }
  return header;
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
export function readBoampCards(doc: Document): ListItem[] {
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

