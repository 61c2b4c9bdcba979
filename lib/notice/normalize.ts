/**
 * Accent- and case-insensitive text for matching. Keeps the string length-compatible enough to map a match
 * back to the original only through `normalizeWithMap` (used to quote evidence in the notice's own words).
 */

const LIGATURES: Record<string, string> = { 'œ': 'oe', 'Œ': 'oe', 'æ': 'ae', 'Æ': 'ae', 'ß': 'ss' };
const APOSTROPHES = /[\u2018\u2019\u02BC\u2032`´]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\s\u00A0\u202F\u2007]+/g;

/** Lower case, no accents, œ→oe, typographic apostrophes/dashes/spaces unified, runs of spaces collapsed. */
export function normalizeText(input: string): string {
  return input
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(SPACES, ' ');
}

/**
 * Normalised text plus, for each of its characters, the index of the character it came from in the input,
 * so a match in the normalised text can be quoted from the original.
 */
export function normalizeWithMap(input: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < input.length; i++) {
    const piece = normalizeText(input[i] ?? '');
    for (const ch of piece) {
      if (ch === ' ') {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else {
        lastWasSpace = false;
      }
      text += ch;
      map.push(i);
    }
  }
  return { text, map };
}
