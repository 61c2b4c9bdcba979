/**
 * TED addresses, in a module of their own so the content script can use them without pulling in the parsers.
 * Shapes: research/eforms.md §14 (the API's `links.html` / `links.xml.MUL` are authoritative when present).
 */

/** TED notice page of a publication number ("00035723-2026"). */
export function tedNoticePageUrl(publicationNumber: string, lang = 'en'): string {
  return `https://ted.europa.eu/${lang}/notice/-/detail/${encodeURIComponent(publicationNumber)}`;
}

/** The eForms XML of a published notice. */
export function tedNoticeXmlUrl(publicationNumber: string): string {
  return `https://ted.europa.eu/en/notice/${encodeURIComponent(publicationNumber)}/xml`;
}
