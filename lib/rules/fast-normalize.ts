import { normalizeText } from '@/lib/notice/normalize';

/**
 * Single-pass, table-driven twin of `normalizeWithMap` (lib/notice/normalize.ts). Same output, character by character
 * (property-tested against it in test/lib/rules/robustness.test.ts), several times faster: the rules core normalises
 * every notice text once and must assess ≥ 5 000 notices/s. Each UTF-16 unit is looked up in a table filled lazily with
 * the result of `normalizeText` on that unit (one unit → one unit, the common case), or in a small map of expansions
 * ("œ" → "oe") and removals (combining accents → "").
 */

export interface NormalizedText {
  /** Normalised text (as `normalizeText`). */
  text: string;
  /** For each character of `text`, the index of the source character in the input. */
  map: Uint32Array;
}

const UNSET = 0;
const SPECIAL = 0xffff; // "see SPECIALS": expansion, removal, or whitespace
const table = new Uint16Array(65536);
const specials = new Map<number, string>();

function lookup(code: number): number {
  let v = table[code] ?? UNSET;
  if (v !== UNSET) return v;
  const piece = normalizeText(String.fromCharCode(code));
  if (piece.length === 1 && piece !== ' ' && piece.charCodeAt(0) !== SPECIAL && piece.charCodeAt(0) !== UNSET) {
    v = piece.charCodeAt(0);
  } else {
    specials.set(code, piece);
    v = SPECIAL;
  }
  table[code] = v;
  return v;
}

const EMPTY_MAP = new Uint32Array(0);
let outBuf = new Uint16Array(1 << 15);
let mapBuf = new Uint32Array(1 << 15);
const decoder = new TextDecoder('utf-16le');

/** Normalised text only (no map): the hot path; the map is rebuilt with `fastNormalizeWithMap` when a quote needs it. */
export function fastNormalize(input: string): string {
  return run(input, false).text;
}

export function fastNormalizeWithMap(input: string): NormalizedText {
  return run(input, true);
}

function run(input: string, withMap: boolean): NormalizedText {
  const need = input.length * 2 + 1;
  if (outBuf.length < need) {
    outBuf = new Uint16Array(need);
    mapBuf = new Uint32Array(need);
  }
  const buf = outBuf;
  const map = mapBuf;
  let out = 0;
  let lastWasSpace = false;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code < 128) {
      // ASCII fast path: upper case lowers, whitespace collapses to one space, ` becomes '.
      if (code === 32 || (code >= 9 && code <= 13)) {
        if (lastWasSpace) continue;
        lastWasSpace = true;
        buf[out] = 32;
      } else {
        lastWasSpace = false;
        buf[out] = code >= 65 && code <= 90 ? code + 32 : code === 96 ? 39 : code;
      }
      map[out++] = i;
      continue;
    }
    const v = lookup(code);
    if (v !== SPECIAL) {
      buf[out] = v;
      map[out++] = i;
      lastWasSpace = false;
      continue;
    }
    const piece = specials.get(code) ?? '';
    for (let k = 0; k < piece.length; k++) {
      const ch = piece.charCodeAt(k);
      if (ch === 32) {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else {
        lastWasSpace = false;
      }
      buf[out] = ch;
      map[out++] = i;
    }
  }
  return { text: decoder.decode(buf.subarray(0, out)), map: withMap ? map.slice(0, out) : EMPTY_MAP };
}
