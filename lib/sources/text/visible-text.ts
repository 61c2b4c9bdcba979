/**
 * The visible text of a page, as a reader sees it: scripts, styles and other non-rendered elements dropped,
 * one line per block (paragraph, heading, table row, list item, <br>), cells of a row separated by " | "
 * so "label | value" tables stay readable for the label patterns. Pure DOM walk: works on a browser Document
 * and on a linkedom one (which does not wrap a fragment page into <html><body>, hence the walk from the document).
 */

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'SELECT']);
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'HTML', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL', 'LEGEND', 'DETAILS', 'SUMMARY',
]);
const CELLS = new Set(['TD', 'TH']);
const NODE_ELEMENT = 1;
const NODE_TEXT = 3;
/** Deeper than any real page; stops a hostile page from exhausting the stack. */
const MAX_DEPTH = 400;

interface MinimalNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<MinimalNode>;
  getAttribute?: (name: string) => string | null;
}

/** What the walk does with an element, by tag name (memoised: the same few dozen names recur thousands of times). */
const KIND_SKIPPED = 1;
const KIND_BLOCK = 2;
const KIND_CELL = 3;
const KIND_BR = 4;
const KIND_INLINE = 5;
const kindByName = new Map<string, number>();
function kindOf(nodeName: string): number {
  let kind = kindByName.get(nodeName);
  if (kind === undefined) {
    const name = nodeName.toUpperCase();
    kind = SKIPPED.has(name) ? KIND_SKIPPED : name === 'BR' ? KIND_BR : BLOCKS.has(name) ? KIND_BLOCK : CELLS.has(name) ? KIND_CELL : KIND_INLINE;
    kindByName.set(nodeName, kind);
  }
  return kind;
}

export function visibleText(root: Document | Element): string {
  const parts: string[] = [];
  const walk = (node: MinimalNode, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (node.nodeType === NODE_TEXT) {
      parts.push((node.nodeValue ?? '').replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    const isElement = node.nodeType === NODE_ELEMENT;
    const kind = kindOf(node.nodeName ?? '');
    if (isElement) {
      if (kind === KIND_SKIPPED) return;
      const hidden = node.getAttribute?.('hidden');
      if (hidden !== null && hidden !== undefined) return;
      const style = node.getAttribute?.('style') ?? '';
      if (style && /display\s*:\s*none/i.test(style)) return;
      if (kind === KIND_BR) {
        parts.push('\n');
        return;
      }
    }
    const block = kind === KIND_BLOCK;
    if (block) parts.push('\n');
    if (kind === KIND_CELL) parts.push(' | ');
    const children = node.childNodes;
    const count = children?.length ?? 0;
    for (let i = 0; i < count; i++) {
      const child = children[i];
      if (child) walk(child, depth + 1);
    }
    if (block) parts.push('\n');
  };
  walk(root as unknown as MinimalNode, 0);
  return tidyLines(parts.join(''));
}

/** Trims each line, drops empty lines and the leading " | " of a row's first cell. */
export function tidyLines(text: string): string {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    // Most lines need none of the rewrites below (no tab, no double or non-breaking space, no pipe, no edge space):
    // one test instead of four replaces; the result is the same either way.
    if (!NEEDS_TIDY.test(raw)) {
      if (raw) lines.push(raw);
      continue;
    }
    const line = raw
      .replace(/[ \t\u00a0\u202f]+/g, (m) => (m.includes('\u00a0') || m.includes('\u202f') ? '\u00a0' : ' '))
      .replace(/^[\s|]+/, '')
      .replace(/[\s|]+$/, '')
      .replace(/(\s*\|\s*)+/g, ' | ');
    if (line) lines.push(line);
  }
  return lines.join('\n');
}

/** A line that one of tidyLines' rewrites would change (a superset is fine: it only costs the slow path). */
const NEEDS_TIDY = /[\t\u00a0\u202f|]| {2}|^[\s|]|[\s|]$/;
