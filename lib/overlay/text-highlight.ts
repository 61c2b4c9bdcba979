/**
 * Find the words an evidence quote cites in the page, so a click on the quote can scroll to them and highlight
 * them. Works on text nodes through a TreeWalker and a DOM Range: nothing is ever written into the page as HTML.
 * Matching is accent-, case- and space-insensitive (normalizeText), since quotes come from the structured
 * record and the page may typeset them differently.
 */
import { normalizeText } from '@/lib/notice/normalize';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
/** Show-text filter of NodeFilter (a constant; NodeFilter itself is a browser global). */
const SHOW_TEXT = 4;

interface Piece {
  node: Text;
  /** Offset of each normalised character in the node's text. */
  offsets: number[];
}

/** Text nodes under `root` in document order, skipping scripts, styles and elements matching `exclude`. */
function textNodes(doc: Document, root: Node, exclude?: (el: Element) => boolean): Text[] {
  const out: Text[] = [];
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || SKIPPED.has(parent.tagName.toUpperCase())) continue;
    if (exclude && parent.closest('*') && ancestorExcluded(parent, exclude)) continue;
    out.push(n as Text);
  }
  return out;
}

function ancestorExcluded(el: Element, exclude: (el: Element) => boolean): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (exclude(e)) return true;
  return false;
}

/** Normalise one character at a time so each output character maps back to its source offset. */
function normalisePiece(text: string, lastWasSpace: boolean): { text: string; offsets: number[]; lastWasSpace: boolean } {
  let out = '';
  const offsets: number[] = [];
  let space = lastWasSpace;
  for (let i = 0; i < text.length; i++) {
    for (const ch of normalizeText(text[i] ?? '')) {
      if (ch === ' ') {
        if (space) continue;
        space = true;
      } else space = false;
      out += ch;
      offsets.push(i);
    }
  }
  return { text: out, offsets, lastWasSpace: space };
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
export function findQuoteRange(doc: Document, quote: string, options: FindOptions = {}): Range | undefined {
  try {
    const wanted = normalizeText(quote).trim().replace(/[….]+$/, '').trim();
    if (wanted.length < (options.minLength ?? 3)) return undefined;
    const root = doc.body ?? doc.documentElement;
    if (!root) return undefined;
    const pieces: Piece[] = [];
    let all = '';
    let lastWasSpace = true;
    const owners: number[] = [];
    for (const node of textNodes(doc, root, options.exclude)) {
      const p = normalisePiece(node.data, lastWasSpace);
      lastWasSpace = p.lastWasSpace;
      if (p.text.length === 0) continue;
      const index = pieces.length;
      pieces.push({ node, offsets: p.offsets });
      all += p.text;
      for (let i = 0; i < p.text.length; i++) owners.push(index);
    }
    const tries = wanted.length > 80 ? [wanted, wanted.slice(0, 80).trim()] : [wanted];
    for (const t of tries) {
      const at = all.indexOf(t);
      if (at < 0) continue;
      return rangeFor(doc, pieces, owners, at, at + t.length - 1);
    }
    return undefined;
  } catch {
    return undefined;
  }
}

function rangeFor(doc: Document, pieces: Piece[], owners: number[], first: number, last: number): Range | undefined {
  const startPiece = pieces[owners[first] ?? -1];
  const endPiece = pieces[owners[last] ?? -1];
  if (!startPiece || !endPiece) return undefined;
  const startBase = owners.indexOf(owners[first] ?? -1);
  const endBase = owners.indexOf(owners[last] ?? -1);
  const startOffset = startPiece.offsets[first - startBase];
  const endOffset = endPiece.offsets[last - endBase];
  if (startOffset === undefined || endOffset === undefined) return undefined;
  const range = doc.createRange();
  range.setStart(startPiece.node, startOffset);
  range.setEnd(endPiece.node, Math.min(endOffset + 1, endPiece.node.data.length));
  return range;
}

/** Is there any occurrence of the quote on the page? (Decides whether the quote is offered as a link.) */
export function quoteIsOnPage(doc: Document, quote: string, options: FindOptions = {}): boolean {
  return findQuoteRange(doc, quote, options) !== undefined;
}
