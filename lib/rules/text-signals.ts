import type { Notice } from '@/lib/notice/schema';
import { fastNormalizeWithMap } from './fast-normalize';

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
  map: Uint32Array;
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

export function compileSignals(specs: readonly SignalSpec[]): readonly CompiledSignal[] {
  return specs.map((s) => ({
    ...s,
    regex: new RegExp(s.pattern.source, s.pattern.flags.includes('g') ? s.pattern.flags : `${s.pattern.flags}g`),
  }));
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
    const { text, map } = fastNormalizeWithMap(original);
    const seg: Segment = { field, original, text, map };
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

/** Run every signal over every segment. Negated hits are kept (with `negated`) so mechanisms can explain absences. */
export function scanSignals(segments: readonly Segment[], signals: readonly CompiledSignal[]): Hit[] {
  const hits: Hit[] = [];
  for (const seg of segments) {
    const text = seg.text;
    for (const sig of signals) {
      if (sig.onlyFields && !sig.onlyFields.test(seg.field)) continue;
      let anchored = false;
      for (const a of sig.anchors) {
        if (text.includes(a)) {
          anchored = true;
          break;
        }
      }
      if (!anchored) continue;
      sig.regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = sig.regex.exec(text))) {
        if (m[0].length === 0) {
          sig.regex.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        const [sStart, sEnd] = sentenceBounds(text, start, end);
        const sentence = text.slice(sStart, sEnd);
        if (sig.reject && sig.reject.test(sentence)) continue;
        let negated = false;
        if (sig.negatable !== false) {
          const before = text.slice(Math.max(sStart, start - 80), start);
          const after = text.slice(end, Math.min(text.length, end + 20));
          negated = NEGATION_BEFORE.test(before) || NEGATION_AFTER.test(after);
        }
        const lots = seg.lotId !== undefined ? [seg.lotId] : lotsInSentence(text, sStart, sEnd, start, end);
        hits.push({ signal: sig.id, segment: seg, start, end, sentence, negated, lots });
      }
    }
  }
  return hits;
}

const QUOTE_MAX = 200;

/** The notice's own words around a hit: its sentence, cut to ~200 characters at word boundaries, centred on the match. */
export function quoteFor(hit: Hit): string {
  const { segment, start, end } = hit;
  const [sStart, sEnd] = sentenceBounds(segment.text, start, end);
  const oStart = segment.map[sStart] ?? 0;
  const oEndIdx = segment.map[Math.max(sStart, sEnd - 1)];
  let oEnd = oEndIdx === undefined ? segment.original.length : oEndIdx + 1;
  const mStart = segment.map[start] ?? oStart;
  const mEndIdx = segment.map[Math.max(start, end - 1)];
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
