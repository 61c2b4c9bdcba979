import type { Cpv } from './schema';
import type { ParsedCpv } from './cpv';

/**
 * The official CPV 2008 table (9 454 codes, check digits, FR/EN labels), loaded lazily.
 * Kept apart from cpv.ts on purpose: content scripts are bundled as one file (IIFE) where a dynamic import is
 * inlined, so a content script importing this module would carry the ~650 kB table. Import it only from the CLI,
 * extension pages and the background.
 *
 * The check digit has no published formula we could verify against the 9 454 official codes (the usual mod-11
 * weightings match fewer than 11 %), so it is checked against the table (`isKnownCpv`), never recomputed.
 */

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
