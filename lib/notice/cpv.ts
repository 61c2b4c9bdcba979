import type { Cpv } from './schema';

/**
 * CPV codes (Common Procurement Vocabulary, CPV 2008) as notices write them: "90910000-9", "90910000",
 * "CPV : 90910000-9 Services de nettoyage", lists "90910000-9, 90911200-8", and "909100009" (check digit glued on).
 * Parsing is synchronous and light (content scripts use it); labels come from the lazy `loadCpvLabels()`.
 *
 * The check digit has no published formula we could verify against the 9 454 official codes, so it is checked
 * against the official table only (`isKnownCpv`, after `loadCpvLabels()`), never recomputed.
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

export interface CpvLabel {
  code: string;
  checkDigit: string;
  fr: string;
  en: string;
}

let labelsPromise: Promise<Map<string, CpvLabel>> | undefined;

/**
 * The official CPV 2008 table (9 454 codes, FR/EN labels), keyed by the 8-digit code. Loaded on first call with a
 * dynamic import so the ~650 kB table lands in its own chunk: for the CLI, extension pages and the background,
 * never for content scripts.
 */
export function loadCpvLabels(): Promise<Map<string, CpvLabel>> {
  labelsPromise ??= import('./data/cpv-2008-labels').then(({ CPV_2008_TABLE }) => {
    const map = new Map<string, CpvLabel>();
    for (const line of CPV_2008_TABLE.split('\n')) {
      const [digits, fr, en] = line.split('|');
      if (!digits || digits.length !== 9 || fr === undefined || en === undefined) continue;
      const code = digits.slice(0, 8);
      map.set(code, { code, checkDigit: digits.slice(8), fr, en });
    }
    return map;
  });
  return labelsPromise;
}

/** Is this code (with its check digit when given) in the official list? */
export function isKnownCpv(parsed: ParsedCpv, labels: ReadonlyMap<string, CpvLabel>): boolean {
  const entry = labels.get(parsed.code);
  if (!entry) return false;
  return parsed.checkDigit === undefined || parsed.checkDigit === entry.checkDigit;
}

/** "90910000-9" with the official check digit, or the bare code when it is unknown. */
export function formatCpvCode(code: string, labels?: ReadonlyMap<string, CpvLabel>): string {
  const entry = labels?.get(code);
  return entry ? `${code}-${entry.checkDigit}` : code;
}

/** Fills missing labels of a Notice's CPV list from the table, in French (or English). Returns new objects. */
export function labelCpvList(list: readonly Cpv[], labels: ReadonlyMap<string, CpvLabel>, lang: 'fr' | 'en' = 'fr'): Cpv[] {
  return list.map((c) => {
    if (c.label) return { ...c };
    const entry = labels.get(c.code);
    return entry ? { ...c, label: entry[lang] } : { ...c };
  });
}
