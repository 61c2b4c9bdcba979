import type { Cpv } from './schema';

/**
 * CPV codes (Common Procurement Vocabulary, CPV 2008) as notices write them: "90910000-9", "90910000",
 * "CPV : 90910000-9 Services de nettoyage", lists "90910000-9, 90911200-8", and "909100009" (check digit glued on).
 * Parsing is synchronous and light (content scripts use it); labels and check digits live in cpv-labels.ts, which
 * content scripts must not import.
 */

/** The 45 divisions (first two digits) of CPV 2008: an 8-digit number outside them is not a CPV code. */
const DIVISIONS = new Set(
  '03 09 14 15 16 18 19 22 24 30 31 32 33 34 35 37 38 39 41 42 43 44 45 48 50 51 55 60 63 64 65 66 70 71 72 73 75 76 77 79 80 85 90 92 98'.split(' '),
);

export interface ParsedCpv {
  /** Eight digits, no check digit. */
  code: string;
  /** The check digit when written ("90910000-9" → "9"). */
  checkDigit?: string;
}

/** Is this an 8-digit string in a CPV 2008 division? (Shape only; `isKnownCpv` checks the official list.) */
export function isCpvShaped(code: string): boolean {
  return /^\d{8}$/.test(code) && DIVISIONS.has(code.slice(0, 2));
}

/** One code written alone: "90910000-9", "90910000", "909100009", " 90910000 - 9 ". Undefined if it is not one. */
export function parseCpvCode(input: string): ParsedCpv | undefined {
  if (typeof input !== 'string') return undefined;
  const m = /^\s*(\d{8})(?:\s*[-‐–]\s*(\d)|(\d))?\s*$/.exec(input);
  if (!m || !m[1] || !isCpvShaped(m[1])) return undefined;
  const checkDigit = m[2] ?? m[3];
  return checkDigit === undefined ? { code: m[1] } : { code: m[1], checkDigit };
}

export interface FoundCpv extends ParsedCpv {
  /** A label written right after the code ("Services de nettoyage"), when there is one. */
  label?: string;
  index: number;
  text: string;
}

// A code in running text: 8 digits (optionally "-D"), not part of a longer number (phones, SIRET, dates).
const CPV_IN_TEXT = /(?<!\d)(\d{8})(?:[ \t]?[-‐–][ \t]?(\d)(?!\d))?(?!\d)/g;
// What may follow a code as its label: letters first, up to the end of the line, a ";", a table cell or the next code.
const LABEL_AFTER = /^[ \t]*[-:–]?[ \t]*([A-Za-zÀ-ÖØ-öø-ÿ][^\n;|]*)/u;

function labelAfter(text: string, from: number): string | undefined {
  const m = LABEL_AFTER.exec(text.slice(from, from + 200));
  if (!m?.[1]) return undefined;
  // Stop before a following code, a new label ("Descripteur supplémentaire") or the end of a sentence.
  const label = m[1]
    .split(/,?\s*\d{8}|\s+(?=(?:Descripteur|Code|CPV|Lieu)\b)|\.\s/)[0]
    ?.trim()
    .replace(/[.,:]+$/, '');
  return label && label.length >= 3 ? label : undefined;
}

/** Every CPV code in a text, in order, without duplicates (first occurrence wins). */
export function findCpvCodes(text: string): FoundCpv[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const seen = new Set<string>();
  const out: FoundCpv[] = [];
  for (const m of text.matchAll(CPV_IN_TEXT)) {
    const code = m[1];
    if (!code || !isCpvShaped(code) || seen.has(code)) continue;
    seen.add(code);
    const index = m.index ?? 0;
    const found: FoundCpv = { code, index, text: m[0] };
    if (m[2] !== undefined) found.checkDigit = m[2];
    const label = labelAfter(text, index + m[0].length);
    if (label) found.label = label;
    out.push(found);
  }
  return out;
}

/** Found codes → Notice `Cpv` entries; the first one is main unless `mainCode` says which. */
export function toNoticeCpv(found: readonly ParsedCpv[], mainCode?: string): Cpv[] {
  const main = mainCode ?? found[0]?.code;
  const seen = new Set<string>();
  const out: Cpv[] = [];
  for (const f of found) {
    if (seen.has(f.code)) continue;
    seen.add(f.code);
    out.push({ code: f.code, main: f.code === main });
  }
  return out.sort((a, b) => Number(b.main) - Number(a.main));
}

// Compatibility: the table loader moved to cpv-labels.ts (keep content-script bundles free of it). Background code
// that imported it from here keeps working (lib/overlay/record-handlers.ts still does); new code imports
// '@/lib/notice/cpv-labels' directly. Content scripts import from cpv.ts ONLY the parsing functions above, never the
// names re-exported below: the bundle relies on tree-shaking to drop the ~650 kB table. Remove this re-export once
// record-handlers.ts imports cpv-labels.ts itself.
export { formatCpvCode, isKnownCpv, labelCpvList, loadCpvLabels, type CpvLabel } from './cpv-labels';
