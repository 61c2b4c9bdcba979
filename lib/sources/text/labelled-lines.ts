import { normalizeText } from '@/lib/notice/normalize';

/**
 * A notice as lines of text, each with its accent- and case-free twin, so labels ("Date limite de réception des
 * offres", "NOM ET ADRESSES", "Objet du marché") are found however the page writes them, and the value read
 * in the original spelling: on the label's own line after ":", else on the next lines.
 */
export interface Lines {
  original: string[];
  normalized: string[];
}

export function toLines(text: string): Lines {
  const original = text
    .replace(/\u0001/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  // One normalisation pass over the whole text (U+0001 survives normalizeText untouched) instead of one per line.
  const normalized = normalizeText(original.join('\u0001')).split('\u0001');
  if (normalized.length !== original.length) return { original, normalized: original.map((l) => normalizeText(l)) };
  return { original, normalized: normalized.map((l) => l.trim()) };
}

/** A numbered form heading ("II.2.5)", "IV.2.2)", "Section III") starts a new item: values never run past it. */
export const FORM_HEADING = /^(?:section\s+[ivx]+\b|[ivx]+\.\d+(?:\.\d+)*\)|[ivx]+\)\s)/i;

export interface LabelHit {
  /** Index of the label's line. */
  line: number;
  /** The value as written: text after the label on the same line, or the next line(s). */
  value: string;
  /** The next-line index the value came from (same as `line` when on the label's line). */
  valueLine: number;
  label: string;
}

/**
 * Text after the label on its line ("Objet du marché : X" → "X"), with the separators (":", "|", "-") removed.
 * The label is matched in the normalised line; the offset is mapped back to the original by the same prefix length,
 * which holds because normalizeText keeps one character per character for the labels we use (no ligatures in them).
 */
function restOfLine(original: string, normalizedLine: string, match: RegExpExecArray): string {
  const end = (match.index ?? 0) + match[0].length;
  // Normalisation may shorten runs of spaces or expand œ; re-find the cut point by counting from the end.
  const tailLength = normalizedLine.length - end;
  const cut = Math.max(0, original.length - tailLength);
  return original
    .slice(cut)
    .replace(/^[\s:|.\-–)]+/, '')
    .trim();
}

/**
 * Every occurrence of a label (a regexp on the normalised text) with its value: same line when something follows the
 * label, else the next `lookahead` lines up to a form heading. `accept` filters values (e.g. "has a date").
 */
export function findLabelled(
  lines: Lines,
  label: RegExp,
  options: { lookahead?: number; from?: number; to?: number; accept?: (value: string) => boolean } = {},
): LabelHit[] {
  const { lookahead = 2, from = 0, to = lines.original.length, accept = (v: string) => v.length > 0 } = options;
  const hits: LabelHit[] = [];
  for (let i = from; i < to; i++) {
    const norm = lines.normalized[i] ?? '';
    const m = label.exec(norm);
    if (!m) continue;
    const original = lines.original[i] ?? '';
    const same = restOfLine(original, norm, m);
    if (accept(same)) {
      hits.push({ line: i, value: same, valueLine: i, label: m[0] });
      continue;
    }
    for (let j = i + 1; j <= i + lookahead && j < to; j++) {
      const next = lines.original[j] ?? '';
      if (FORM_HEADING.test(next)) break;
      if (accept(next)) {
        hits.push({ line: i, value: next, valueLine: j, label: m[0] });
        break;
      }
    }
  }
  return hits;
}

/** First labelled value, or undefined. */
export function firstLabelled(lines: Lines, label: RegExp, options?: Parameters<typeof findLabelled>[2]): LabelHit | undefined {
  return findLabelled(lines, label, options)[0];
}
