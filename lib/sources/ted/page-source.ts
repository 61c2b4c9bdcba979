/**
 * ted.europa.eu pages. URL shapes (research/eforms.md §14): notice `https://ted.europa.eu/<lang>/notice/-/detail/<pubno>`
 * (pubno "00035723-2026" or "450591-2026"), search results `https://ted.europa.eu/<lang>/search/result?…`.
 *
 * The rendered page is a view of the notice XML: the overlay asks the background for the XML / API record (see
 * `tedNoticeXmlUrl`, `parseEformsXml`) and uses this DOM extraction only as a fallback. No real saved TED page was
 * available to the project, so this extraction is deliberately minimal (title, publication number, CPV codes in
 * the text, the text itself) and tested on synthetic pages only.
 */
import { findCpvCodes, toNoticeCpv } from '@/lib/notice/cpv';
import { emptyNotice, NoticeSchema, type Notice } from '@/lib/notice/schema';
import { tedNoticePageUrl } from './urls';
import type { ListItem, PageKind, PageSource } from '@/lib/sources/types';

const NOTICE_PATH = /^\/([a-z]{2})\/notice\/-\/detail\/(\d{1,8}-\d{4})\/?$/;
const SEARCH_PATH = /^\/([a-z]{2})\/search\/result\b/;
const NOTICE_LINK = /\/notice\/-\/detail\/(\d{1,8}-\d{4})\b/;
/** Text kept from a page: the notice text is long, but beyond this it is navigation and footers. */
const MAX_TEXT = 200_000;

/** Publication number in a TED notice URL ("/fr/notice/-/detail/00035723-2026" → "00035723-2026"). */
export function publicationNumberFromUrl(url: URL): string | undefined {
  if (url.hostname !== 'ted.europa.eu') return undefined;
  return NOTICE_PATH.exec(url.pathname)?.[2];
}

function cleanText(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

function detect(_doc: Document, url: URL): PageKind {
  if (url.hostname !== 'ted.europa.eu') return null;
  if (NOTICE_PATH.test(url.pathname)) return 'notice';
  if (SEARCH_PATH.test(url.pathname)) return 'list';
  return null;
}

function extract(doc: Document, url: URL): Notice {
  const pub = publicationNumberFromUrl(url);
  const lang = NOTICE_PATH.exec(url.pathname)?.[1] ?? 'fr';
  const notice = emptyNotice('ted', pub ?? (url.pathname || 'ted-page'), pub ? tedNoticePageUrl(pub, lang) : url.href, 'html:ted');
  const warnings = ['page TED lue par le DOM (repli) : la fiche complète vient de l’XML de l’avis'];
  try {
    const h1 = cleanText(doc.querySelector('h1')?.textContent);
    const title = h1 || cleanText(doc.title);
    notice.title = title;
    const main = doc.querySelector('main') ?? doc.body;
    // innerText is not available in Node DOMs; textContent with block boundaries is enough for text signals.
    const text = (main?.textContent ?? '').replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n').trim().slice(0, MAX_TEXT);
    notice.fullText = text;
    notice.cpv = toNoticeCpv(findCpvCodes(text));
    notice.raw.fieldsUsed = ['h1', 'main.textContent'];
    if (!pub) warnings.push('numéro de publication TED absent de l’adresse');
    if (!title) warnings.push('titre introuvable sur la page');
  } catch (e) {
    warnings.push(`lecture de la page interrompue : ${e instanceof Error ? e.message : String(e)}`);
  }
  notice.raw.warnings = warnings;
  const parsed = NoticeSchema.safeParse(notice);
  return parsed.success ? parsed.data : emptyNotice('ted', pub ?? 'ted-page', url.href, 'html:ted');
}

/** Result rows: every link to a notice page, the badge going on its closest row-like ancestor. */
function extractList(doc: Document, url: URL): ListItem[] {
  const items: ListItem[] = [];
  const seen = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href*="/notice/-/detail/"]'))) {
    const href = a.getAttribute('href') ?? '';
    const pub = NOTICE_LINK.exec(href)?.[1];
    if (!pub || seen.has(pub)) continue;
    seen.add(pub);
    const row = a.closest('tr, li, article, [role="row"]') ?? a;
    const notice = emptyNotice('ted', pub, tedNoticePageUrl(pub, NOTICE_PATH.exec(url.pathname)?.[1] ?? SEARCH_PATH.exec(url.pathname)?.[1] ?? 'fr'), 'html:ted-list');
    const rowText = cleanText(row.textContent);
    const linkText = cleanText(a.textContent);
    notice.title = linkText && linkText !== pub ? linkText : rowText.slice(0, 300);
    notice.fullText = rowText;
    notice.cpv = toNoticeCpv(findCpvCodes(rowText));
    notice.raw.warnings = ['ligne de résultats TED : avis partiel, à compléter par l’API TED'];
    items.push({ element: row, notice });
  }
  return items;
}

export const tedPageSource: PageSource = {
  id: 'ted',
  matches: ['https://ted.europa.eu/*/notice/-/detail/*', 'https://ted.europa.eu/*/search/result*'],
  detect,
  extract,
  extractList,
};
