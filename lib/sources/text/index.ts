import type { Notice } from '@/lib/notice/schema';
import { normalizeText } from '@/lib/notice/normalize';
import type { PageKind, PageSource } from '../types';
import { extractFromText } from './extract';
import { visibleText } from './visible-text';

export { extractFromText } from './extract';
export type { TextHints } from './extract';
export { visibleText } from './visible-text';

/** Words that make a page look like a procurement notice (at least two must appear). */
const NOTICE_MARKERS = [
  /date limite de (?:reception|remise|depot)/,
  /objet du marche|objet de la consultation|intitule/,
  /\bcpv\b/,
  /pouvoir adjudicateur|organisme acheteur|acheteur public|nom et adresses/,
  /procedure (?:adaptee|ouverte|restreinte|negociee)|appel d'offres/,
  /criteres d'attribution/,
];

function textOfHeading(doc: Document): string | undefined {
  try {
    const h1 = doc.querySelector('h1');
    const text = h1?.textContent?.replace(/\s+/g, ' ').trim();
    return text || undefined;
  } catch {
    return undefined;
  }
}

function documentTitle(doc: Document): string | undefined {
  try {
    const t = doc.querySelector('head > title, title')?.textContent?.replace(/\s+/g, ' ').trim();
    return t || undefined;
  } catch {
    return undefined;
  }
}

/** A Notice from a whole page (browser Document or linkedom), through its visible text. Never throws. */
export function extractFromDocument(doc: Document, url: URL | string | undefined): Notice {
  let text = '';
  try {
    text = visibleText(doc);
  } catch {
    text = '';
  }
  const hints: { heading?: string; documentTitle?: string; format: string } = { format: 'html:text' };
  const heading = textOfHeading(doc);
  if (heading) hints.heading = heading;
  const title = documentTitle(doc);
  if (title) hints.documentTitle = title;
  return extractFromText(text, url, hints);
}

/**
 * The fallback source: any page no dedicated source reads. It has no URL patterns of its own (`matches: []`):
 * callers use it explicitly when `sourceForUrl` finds nothing (CLI, "analyse this page" action).
 */
export const textSource: PageSource = {
  id: 'text',
  matches: [],
  detect(doc: Document): PageKind {
    try {
      const text = normalizeText(visibleText(doc).slice(0, 200_000));
      const hits = NOTICE_MARKERS.filter((re) => re.test(text)).length;
      return hits >= 2 ? 'notice' : null;
    } catch {
      return null;
    }
  },
  extract(doc: Document, url: URL): Notice {
    return extractFromDocument(doc, url);
  },
};
