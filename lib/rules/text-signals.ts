import type { Notice } from '@/lib/notice/schema';
import { fastNormalize, fastNormalizeWithMap } from './fast-normalize';

/**
 * Text signals engine. The notice's texts are normalised once (lower case, no accents) into segments that remember
 * where they come from (field, lot). Signals are regexes on normalised text, compiled once, each behind cheap literal
 * anchors (`includes`) so most notices skip most regexes. A hit keeps its sentence, its negation status, the lots the
 * sentence names, and a short quote in the notice's own words (mapped back through the normalisation map).
 */

export interface Segment {
  /** Structured field the text comes from ("fullText", "lots[2].executionConditions", "criteria[0].name"). */
  field: string;
  /** Lot the segment belongs to (lot fields only). */
  lotId?: string;
  original: string;
  text: string;
  /** Normalised → original index map, built only when a quote needs it (see `mapOf`). */
  map?: Uint32Array;
}

function mapOf(segment: Segment): Uint32Array {
  if (!segment.map) segment.map = fastNormalizeWithMap(segment.original).map;
  return segment.map;
}

export interface SignalSpec {
  id: string;
  /** Normalised literals; the regex runs only when one of them occurs in the segment. */
  anchors: readonly string[];
  /** Regex on normalised text (global flag added at compile time). */
  pattern: RegExp;
  /** Text around the match (same sentence) that makes it a false friend. Tested on the whole sentence. */
  reject?: RegExp;
  /** Whether a negation before/after the match cancels it (default true). */
  negatable?: boolean;
  /** Scan only segments whose field matches (e.g. object fields for trade words). */
  onlyFields?: RegExp;
}

export interface Hit {
  signal: string;
  segment: Segment;
  start: number;
  end: number;
  /** Normalised sentence around the match. */
  sentence: string;
  negated: boolean;
  /** Lot numbers named by the sentence ("lots 2 et 3" → ["2","3"]), or the segment's lot. */
  lots: string[];
}

interface CompiledSignal extends SignalSpec {
  regex: RegExp;
}

/**
 * Compiled signals plus their triggers: a word-start key (first ≤ 4 letters/digits of a word, as one integer) for the
 * longest word of each anchor. A notice is read once to find trigger words; each signal's regex then runs only in
 * windows around its triggers, instead of over the whole text (a 13 kB BOAMP page costs one pass, not twenty).
 */
export interface CompiledSignals {
  list: readonly CompiledSignal[];
  triggers: ReadonlyMap<number, readonly number[]>;
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Integer key of the word starting at `i`: its first ≤ 4 alnum characters (char codes < 128, so < 2^28). */
function wordKey(text: string, i: number): number {
  let key = 0;
  for (let k = 0; k < 4; k++) {
    const c = text.charCodeAt(i + k);
    if (!isAlnum(c)) break;
    key = key * 128 + c;
  }
  return key;
}

function anchorKey(anchor: string): number | undefined {
  const words = anchor.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  let best = '';
  for (const w of words) if (w.length > best.length) best = w;
  return best ? wordKey(best, 0) : undefined;
}

export function compileSignals(specs: readonly SignalSpec[]): CompiledSignals {
  const list = specs.map((s) => ({
    ...s,
    regex: new RegExp(s.pattern.source, s.pattern.flags.includes('g') ? s.pattern.flags : `${s.pattern.flags}g`),
  }));
  const triggers = new Map<number, number[]>();
  list.forEach((sig, idx) => {
    for (const a of sig.anchors) {
      const key = anchorKey(a);
      if (key === undefined) continue;
      const arr = triggers.get(key) ?? [];
      if (!arr.includes(idx)) arr.push(idx);
      triggers.set(key, arr);
    }
  });
  return { list, triggers };
}

/**
 * Article reference tolerant of spellings: "L2113-13", "L. 2113-13", "L.2113-13", "article L 2113-13",
 * "article 2113-13", "articles L2111-1 et L2112-2". `number` is like "2113-13"; never followed by another "-digit".
 */
export function articleRef(letter: 'l' | 'r' | 'd', number: string): string {
  const n = number.replace(/-/g, '-');
  return `(?:\\b${letter} ?\\.? ?|\\barticles? (?:${letter} ?\\.? ?)?)${n}(?![-\\d])`;
}

/** Segments of a notice: the texts the rules read, each normalised once. */
export function noticeSegments(notice: Notice): Segment[] {
  const segs: Segment[] = [];
  const add = (field: string, original: string | undefined, lotId?: string): void => {
    if (!original) return;
    const seg: Segment = { field, original, text: fastNormalize(original) };
    if (lotId !== undefined) seg.lotId = lotId;
    segs.push(seg);
  };
  add('title', notice.title);
  add('description', notice.description);
  notice.criteria.forEach((c, i) => add(`criteria[${i}].name`, c.name));
  notice.lots.forEach((lot, i) => {
    add(`lots[${i}].title`, lot.title, lot.id);
    add(`lots[${i}].description`, lot.description, lot.id);
    add(`lots[${i}].executionConditions`, lot.executionConditions, lot.id);
    lot.criteria.forEach((c, j) => add(`lots[${i}].criteria[${j}].name`, c.name, lot.id));
  });
  add('fullText', notice.fullText);
  return segs;
}

// Sentence limits: ". " / "; " / line-like heading numbers ("III.2.2)") / "?" / "!". Decimal points ("1.5.1") are kept.
const SENTENCE_END = /[.;!?](?=\s|$)|(?<=[a-z]{2})\.(?=[a-z]{2})|\b[ivx]+\.\d+(?:\.\d+)*\)|\b\d+\.\d+(?:\.\d+)*\) /g;
const MAX_SENTENCE = 400;

function sentenceBounds(text: string, start: number, end: number): [number, number] {
  const from = Math.max(0, start - MAX_SENTENCE);
  let s = from;
  SENTENCE_END.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text)) && m.index < start) {
    s = m.index + m[0].length;
  }
  let e = Math.min(text.length, end + MAX_SENTENCE);
  SENTENCE_END.lastIndex = end;
  m = SENTENCE_END.exec(text);
  // Punctuation belongs to the sentence; a heading number ("III.2)") starts the next one.
  if (m && m.index < e) e = /^[.;!?]/.test(m[0]) ? m.index + 1 : m.index;
  return [s, e];
}

// Negation before the match, in the same sentence and close to it.
const NEGATION_BEFORE =
  /(?:\bpas (?:de |d'|d |une? |la |le |les )?|\baucune? |\bsans |\bnon[- ]|\bni |n'(?:est|sont|a|ont|y a|comporte|prevoit|impose|fait) (?:pas|l'objet d'aucune?)\b|\babsence de |\bne (?:comporte|prevoit|fait|sont|est|contient) pas )(?:[^\s.;]+ ){0,4}$/;
// Negation right after the match: "Marché réservé : non", "clause sociale : néant / sans objet".
const NEGATION_AFTER = /^\s?(?:\)\s?)?:?\s?(?:non\b|neant\b|sans objet\b|n'est pas\b|ne sont pas\b|non applicable\b|\(non\))/;

// Lot references: "lot 3", "lot n° 3", "lots 2 et 3", "lots n°1, 2 et 3", "(Lots 1, 2 et 3)", "lots 1 à 4".
const LOT_REF = /\blots? (?:n ?[°o] ?|no ?|numeros? )?(\d{1,3}(?:(?: ?, ?| et | & | a | au | - ?| ?\/ ?)(?:n ?[°o] ?)?\d{1,3})*)/g;

function lotNumbers(group: string): string[] {
  const out: string[] = [];
  const range = /(\d{1,3}) (?:a|au) (\d{1,3})/.exec(group);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    if (b >= a && b - a < 50) for (let i = a; i <= b; i++) out.push(String(i));
  }
  for (const m of group.matchAll(/\d{1,3}/g)) if (!out.includes(m[0])) out.push(m[0]);
  return out;
}

/** Lots named in the sentence: the reference right after the match, else the nearest before it, else the nearest after. */
function lotsInSentence(text: string, sStart: number, sEnd: number, mStart: number, mEnd: number): string[] {
  const sentence = text.slice(sStart, sEnd);
  let before: string[] | undefined;
  let after: string[] | undefined;
  let immediate: string[] | undefined;
  LOT_REF.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LOT_REF.exec(sentence))) {
    const abs = sStart + m.index;
    const nums = lotNumbers(m[1] ?? '');
    if (abs + m[0].length <= mStart) before = nums;
    else if (abs >= mEnd) {
      if (abs - mEnd <= 25 && !immediate) immediate = nums;
      if (!after) after = nums;
    } else before = nums; // the match contains the lot reference ("le lot 3 est réservé")
  }
  return immediate ?? before ?? after ?? [];
}

function pushHit(hits: Hit[], seg: Segment, sig: CompiledSignal, start: number, end: number): void {
  const text = seg.text;
  const [sStart, sEnd] = sentenceBounds(text, start, end);
  const sentence = text.slice(sStart, sEnd);
  if (sig.reject && sig.reject.test(sentence)) return;
  let negated = false;
  if (sig.negatable !== false) {
    const before = text.slice(Math.max(sStart, start - 80), start);
    const after = text.slice(end, Math.min(text.length, end + 20));
    negated = NEGATION_BEFORE.test(before) || NEGATION_AFTER.test(after);
  }
  const lots = seg.lotId !== undefined ? [seg.lotId] : lotsInSentence(text, sStart, sEnd, start, end);
  hits.push({ signal: sig.id, segment: seg, start, end, sentence, negated, lots });
}

function runRegex(hits: Hit[], seg: Segment, sig: CompiledSignal, from: number, to: number): void {
  const whole = from === 0 && to === seg.text.length;
  const text = whole ? seg.text : seg.text.slice(from, to);
  sig.regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = sig.regex.exec(text))) {
    if (m[0].length === 0) {
      sig.regex.lastIndex++;
      continue;
    }
    pushHit(hits, seg, sig, from + m.index, from + m.index + m[0].length);
  }
}

// How far a match may start before its trigger word, and end after it (longest patterns: "[^.;:]{0,70} insertion").
const WINDOW_BACK = 160;
const WINDOW_FORWARD = 220;

/**
 * Run every signal over every segment, in windows around trigger words. Negated hits are kept (with `negated`) so
 * mechanisms can explain absences.
 */
export function scanSignals(segments: readonly Segment[], compiled: CompiledSignals): Hit[] {
  const hits: Hit[] = [];
  const { list, triggers } = compiled;
  for (const seg of segments) {
    const text = seg.text;
    const len = text.length;
    // Trigger positions per signal, in text order.
    const positions: number[][] = [];
    let prevAlnum = false;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      const alnum = isAlnum(c);
      if (alnum && !prevAlnum) {
        const found = triggers.get(wordKey(text, i));
        if (found) for (const idx of found) (positions[idx] ??= []).push(i);
        // "l2113-13", "r2122-8": the article number is also a trigger.
        if ((c === 108 || c === 114 || c === 100) && i + 1 < len) {
          const d = text.charCodeAt(i + 1);
          if (d >= 48 && d <= 57) {
            const more = triggers.get(wordKey(text, i + 1));
            if (more) for (const idx of more) (positions[idx] ??= []).push(i + 1);
          }
        }
      }
      prevAlnum = alnum;
    }
    for (let idx = 0; idx < list.length; idx++) {
      const ps = positions[idx];
      const sig = list[idx];
      if (!ps || !sig) continue;
      if (sig.onlyFields && !sig.onlyFields.test(seg.field)) continue;
      // Merge windows; start and end them on spaces so \b and look-arounds see what they would in the whole text.
      let k = 0;
      while (k < ps.length) {
        let from = Math.max(0, (ps[k] ?? 0) - WINDOW_BACK);
        let to = Math.min(len, (ps[k] ?? 0) + WINDOW_FORWARD);
        k++;
        while (k < ps.length && (ps[k] ?? 0) - WINDOW_BACK <= to) {
          to = Math.min(len, (ps[k] ?? 0) + WINDOW_FORWARD);
          k++;
        }
        from = from === 0 ? 0 : text.lastIndexOf(' ', from) + 1;
        const sp = text.indexOf(' ', to);
        to = sp < 0 ? len : sp;
        runRegex(hits, seg, sig, from, to);
      }
    }
  }
  return hits;
}

/** Reference engine: every signal over the whole of every segment (used by tests to check the windowed engine). */
export function scanSignalsFully(segments: readonly Segment[], compiled: CompiledSignals): Hit[] {
  const hits: Hit[] = [];
  for (const seg of segments) {
    for (const sig of compiled.list) {
      if (sig.onlyFields && !sig.onlyFields.test(seg.field)) continue;
      runRegex(hits, seg, sig, 0, seg.text.length);
    }
  }
  return hits;
}

const QUOTE_MAX = 200;

/** The notice's own words around a hit: its sentence, cut to ~200 characters at word boundaries, centred on the match. */
export function quoteFor(hit: Hit): string {
  const { segment, start, end } = hit;
  const map = mapOf(segment);
  const [sStart, sEnd] = sentenceBounds(segment.text, start, end);
  const oStart = map[sStart] ?? 0;
  const oEndIdx = map[Math.max(sStart, sEnd - 1)];
  let oEnd = oEndIdx === undefined ? segment.original.length : oEndIdx + 1;
  const mStart = map[start] ?? oStart;
  const mEndIdx = map[Math.max(start, end - 1)];
  const mEnd = mEndIdx === undefined ? mStart : mEndIdx + 1;
  let from = oStart;
  if (oEnd - from > QUOTE_MAX) {
    const room = Math.max(0, QUOTE_MAX - (mEnd - mStart));
    from = Math.max(oStart, mStart - Math.floor(room / 2));
    oEnd = Math.min(oEnd, Math.max(mEnd, from + QUOTE_MAX));
  }
  let quote = segment.original.slice(from, oEnd);
  // Cut at word boundaries when we cut inside the sentence.
  if (from > oStart) quote = quote.replace(/^\S*\s+/, '');
  if (oEnd < (oEndIdx === undefined ? segment.original.length : oEndIdx + 1)) quote = quote.replace(/\s+\S*$/, '');
  quote = quote.replace(/\s+/g, ' ').trim();
  const prefix = from > oStart ? '… ' : '';
  const suffix = oEnd < (oEndIdx === undefined ? segment.original.length : oEndIdx + 1) ? ' …' : '';
  return `${prefix}${quote}${suffix}`;
}
