/**
 * Find the words an evidence quote cites in the page, so a click on the quote can scroll to them and highlight
 * them. Works on text nodes through a TreeWalker and a DOM Range: nothing is ever written into the page as HTML.
 * Matching is accent-, case- and space-insensitive (normalizeText), since quotes come from the structured
 * record and the page may typeset them differently.
 */
import { normalizeText } from '@/lib/notice/normalize';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'TITLE']);
/** Node types (constants of the DOM's Node, which is a browser global). */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;

interface Piece {
  node: Text;
  /** Offset of each normalised character in the node's text. */
  offsets: number[];
}

/**
 * Text nodes under `root` in document order, skipping scripts, styles and elements matching `exclude`. A plain
 * walk over childNodes (what a TreeWalker with SHOW_TEXT does), kept iterative so a deep page cannot overflow
 * the stack, and portable to DOMs whose TreeWalker is partial (linkedom in tests).
 */
function textNodes(root: Node, exclude?: (el: Element) => boolean): Text[] {
  const out: Text[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (node.nodeType === TEXT_NODE) {
      out.push(node as Text);
      continue;
    }
    if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (SKIPPED.has(el.tagName.toUpperCase()) || exclude?.(el)) continue;
    } else if (node.nodeType !== DOCUMENT_NODE && node.nodeType !== FRAGMENT_NODE) continue;
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return out;
}

/**
 * Normalise one character at a time so each output character maps back to its source offset. Whitespace is
 * dropped altogether: quotes come from a text where block boundaries became spaces, " | " or line breaks, while
 * adjacent text nodes of the page join with nothing in between — comparing without spaces matches both.
 */
function normalisePiece(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    for (const ch of normalizeText(text[i] ?? '')) {
      if (ch === ' ') continue;
      out += ch;
      offsets.push(i);
    }
  }
  return { text: out, offsets };
}

/** What to look for: the whole quote, then its longest piece between "…" or " | " (record text joins), then that piece's start. */
function searchKeys(quote: string, minLength: number): string[] {
  const squash = (s: string) => normalizeText(s).replace(/\s+/g, '');
  const keys: string[] = [];
  const push = (k: string) => {
    if (k.length >= minLength && !keys.includes(k)) keys.push(k);
  };
  const pieces = quote.split(/[|…]|\.{3}/).map(squash).sort((a, b) => b.length - a.length);
  push(squash(quote.replace(/[|…]|\.{3}/g, ' ')));
  if (pieces[0]) {
    push(pieces[0]);
    if (pieces[0].length > 60) push(pieces[0].slice(0, 60));
  }
  return keys;
}

export interface FindOptions {
  /** Elements to ignore (e.g. the overlay's own host). */
  exclude?: (el: Element) => boolean;
  /** Shorter quotes are ignored (default 3 characters): they would match anywhere. */
  minLength?: number;
}

/**
 * A Range covering the first occurrence of `quote` in the page's text, or undefined. Long quotes that are not
 * found whole are retried with their first 80 characters (a record may continue where the page cuts).
 */
/** Where a quote sits in the page: text node and offset of its first and last characters (end exclusive). */
export interface QuotePosition {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/**
 * The first occurrence of `quote` in the page's text, or undefined. Tried whole, then by its longest piece
 * (see searchKeys). Never throws.
 */
export function findQuote(doc: Document, quote: string, options: FindOptions = {}): QuotePosition | undefined {
  try {
    const keys = searchKeys(quote, options.minLength ?? 3);
    if (keys.length === 0) return undefined;
    // The whole document (titles, scripts and styles skipped): some DOMs put a fragment page's text outside <body>.
    const root: Node = doc;
    const pieces: Piece[] = [];
    let all = '';
    const owners: number[] = [];
    const starts: number[] = [];
    for (const node of textNodes(root, options.exclude)) {
      const p = normalisePiece(node.data);
      if (p.text.length === 0) continue;
      starts.push(all.length);
      const index = pieces.length;
      pieces.push({ node, offsets: p.offsets });
      all += p.text;
      for (let i = 0; i < p.text.length; i++) owners.push(index);
    }
    for (const key of keys) {
      const at = all.indexOf(key);
      if (at >= 0) return positionOf(pieces, owners, starts, at, at + key.length - 1);
    }
    return undefined;
  } catch {
    return undefined;
  }
}

function positionOf(pieces: Piece[], owners: number[], starts: number[], first: number, last: number): QuotePosition | undefined {
  const a = owners[first];
  const b = owners[last];
  if (a === undefined || b === undefined) return undefined;
  const startPiece = pieces[a];
  const endPiece = pieces[b];
  const startOffset = startPiece?.offsets[first - (starts[a] ?? 0)];
  const endOffset = endPiece?.offsets[last - (starts[b] ?? 0)];
  if (!startPiece || !endPiece || startOffset === undefined || endOffset === undefined) return undefined;
  return { startNode: startPiece.node, startOffset, endNode: endPiece.node, endOffset: Math.min(endOffset + 1, endPiece.node.data.length) };
}

/** The same as a DOM Range (browser), for scrolling and highlighting. */
export function findQuoteRange(doc: Document, quote: string, options: FindOptions = {}): Range | undefined {
  const pos = findQuote(doc, quote, options);
  if (!pos) return undefined;
  try {
    const range = doc.createRange();
    range.setStart(pos.startNode, pos.startOffset);
    range.setEnd(pos.endNode, pos.endOffset);
    return range;
  } catch {
    return undefined;
  }
}

/** Is there any occurrence of the quote on the page? (Decides whether the quote is offered as a link.) */
export function quoteIsOnPage(doc: Document, quote: string, options: FindOptions = {}): boolean {
  return findQuote(doc, quote, options) !== undefined;
}

const HIGHLIGHT_NAME = 'regie-radar-evidence';

/**
 * Scroll to a range and highlight it: with the CSS Custom Highlight API when the browser has it (nothing in the
 * page changes but a constant `::highlight` rule), else by selecting it. Returns false if it could not.
 */
export function showRange(doc: Document, range: Range): boolean {
  try {
    const target = range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const view = doc.defaultView as (Window & { CSS?: { highlights?: Map<string, unknown> }; Highlight?: new (...r: Range[]) => unknown }) | null;
    const registry = view?.CSS?.highlights;
    if (registry && view?.Highlight) {
      registry.set(HIGHLIGHT_NAME, new view.Highlight(range));
      if (!doc.getElementById(HIGHLIGHT_NAME)) {
        const style = doc.createElement('style');
        style.id = HIGHLIGHT_NAME;
        style.textContent = `::highlight(${HIGHLIGHT_NAME}) { background-color: #ffe066; color: #000; }`;
        (doc.head ?? doc.documentElement).appendChild(style);
      }
    } else {
      const selection = doc.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    target?.setAttribute('data-regie-radar-highlight', '');
    return true;
  } catch {
    return false;
  }
}
