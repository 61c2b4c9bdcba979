/**
 * Reading text out of portal pages (linkedom in Node, the live DOM in a content script). Pure: the element is a
 * parameter; nothing here touches globals.
 */

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'OPTION', 'TEXTAREA', 'SVG']);

/** Collapses runs of spaces (incl. no-break spaces) and trims. */
export function squeeze(text: string): string {
  return decodeLeftoverEntities(text).replace(/[\s\u00A0\u202F]+/g, ' ').trim();
}

/**
 * Some portals escape twice (Atexo prints `COMUE &amp;quot;Université de Lyon&amp;quot;`): after the parser, the text
 * still holds `&quot;`. Decode the common leftovers (never re-parse as HTML).
 */
export function decodeLeftoverEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(quot|amp|apos|#039|#39|lt|gt|nbsp);/g, (_, e: string) =>
    ({ quot: '"', amp: '&', apos: "'", '#039': "'", '#39': "'", lt: '<', gt: '>', nbsp: ' ' })[e] ?? _,
  );
}

/**
 * Visible-ish text of an element: scripts/styles dropped, one line per block element, spaces squeezed per line.
 * (We cannot rely on `innerText` in Node; this is close enough for labels and for the rules' text path.)
 */
export function blockText(el: Node | null | undefined): string {
  if (!el) return '';
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = squeeze(current);
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType === 9 || node.nodeType === 11) {
      for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  };
  try {
    walk(el);
  } catch {
    // A hostile or truncated tree must not break extraction: keep what we have.
  }
  flush();
  return lines.join('\n');
}

/** Text of an element on one line. */
export function lineText(el: Node | null | undefined): string {
  return squeeze(blockText(el));
}

/** Key for a label: lower case, no accents, no trailing colon ("Entité d'Achat :" → "entite d'achat"). */
export function labelKey(label: string): string {
  return squeeze(
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[\u2018\u2019`´]/g, "'"),
  )
    .replace(/\s*:\s*$/, '')
    .trim();
}

/** `querySelector` that never throws (selectors on hostile documents, old linkedom quirks). */
export function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** `querySelectorAll` as an array, never throws. */
export function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}
