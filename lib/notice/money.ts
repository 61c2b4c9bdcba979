import type { Money } from './schema';

/**
 * French amounts as notices write them: "1 250 000,00 € HT", "Valeur hors TVA : 300 000 euros", "500keuro(s) HT",
 * "3,5 millions d'euros HT", "entre 5 et 10 Meuro/an", "55 000 euro TTC". Never throws: no amount → undefined.
 */

/** Whether the amount is without tax (HT, "hors TVA"), with tax (TTC) or unsaid. */
export type TaxBasis = 'HT' | 'TTC' | 'unknown';

export interface FoundMoney {
  money: Money;
  basis: TaxBasis;
  /** The matched text, as written (for evidence). */
  text: string;
  /** Index of the match in the input. */
  index: number;
}

// A number: "1 250 000,00", "1.250.000", "30 000 000,00", "1,2", "2.5", "28". Spaces may be no-break or thin.
const NUMBER = String.raw`\d{1,3}(?:[ \u00a0\u202f\u2009.]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;
// A multiplier between number and currency: "k€", "K€", "keuro", "M€", "Meuro", "millions d'euros", "milliards".
const MULTIPLIER = String.raw`(?:k|K|M|Md|mds?|milliers?|millions?|milliards?)`;
// The currency: € / EUR / euro(s) / euros / euro(s). "d'euros" after millions.
const CURRENCY = String.raw`(?:€|EUR\b|euros?(?:\(s\))?|Euros?)`;
const GAP = String.raw`[ \u00a0\u202f\u2009]*`;
const AMOUNT = String.raw`(${NUMBER})${GAP}(?:(${MULTIPLIER})${GAP}(?:d['’]${GAP})?)?`;

/** "entre 40 000 et 90 000 €", "de 80 000 à 120 000 euros", "entre 5 et 10 Meuro". */
const RANGE_RE = new RegExp(
  String.raw`\b(?:entre|de)${GAP}${AMOUNT}(${CURRENCY})?${GAP}(?:HT|H\.T\.?)?${GAP}(?:et|à|a)${GAP}${AMOUNT}(${CURRENCY})`,
  'gi',
);
/** One amount followed by its currency. */
const SINGLE_RE = new RegExp(String.raw`(?<![\d,.])${AMOUNT}(${CURRENCY})`, 'gi');
/** "EUR 1 250 000" (currency first, as in some European forms). */
const PREFIXED_RE = new RegExp(String.raw`\b(?:EUR|€)${GAP}(${NUMBER})(?![\d])`, 'g');

const HT_AFTER = /^[\s\u00a0\u202f()\-–.,:/]*(?:\(?\s*H\.?\s*T\.?\s*\)?(?![a-z])|hors\s+(?:taxes?|tva))/i;
const TTC_AFTER = /^[\s\u00a0\u202f()\-–.,:/]*(?:\(?\s*T\.?\s*T\.?\s*C\.?\s*\)?(?![a-z])|toutes\s+taxes)/i;
const HT_BEFORE = /(?:hors\s+(?:taxes?|tva)|\bH\.?T\.?|\(HT\))[^.;\n]{0,40}$/i;
const TTC_BEFORE = /(?:\bTTC\b|toutes\s+taxes\s+comprises)[^.;\n]{0,40}$/i;

/** "1 250 000,00" → 1250000, "1,2" → 1.2, "1.250.000" → 1250000, "2.5" → 2.5. */
export function parseFrenchNumber(raw: string): number | undefined {
  const s = raw.replace(/[\s\u00a0\u202f\u2009]/g, '');
  let normalised: string;
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) normalised = s.replace(/\./g, '').replace(',', '.');
  else normalised = s.replace(',', '.');
  if (!/^\d+(?:\.\d+)?$/.test(normalised)) return undefined;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : undefined;
}

function multiplierValue(m: string | undefined): number {
  if (!m) return 1;
  const lower = m.toLowerCase();
  if (lower === 'k' || lower.startsWith('millier')) return 1_000;
  if (lower === 'm' || lower.startsWith('million')) return 1_000_000;
  if (lower.startsWith('md') || lower.startsWith('milliard')) return 1_000_000_000;
  return 1;
}

function amountOf(num: string | undefined, mult: string | undefined): number | undefined {
  if (num === undefined) return undefined;
  const n = parseFrenchNumber(num);
  if (n === undefined) return undefined;
  const v = n * multiplierValue(mult);
  return Number.isFinite(v) ? Math.round(v * 100) / 100 : undefined;
}

function basisAround(text: string, start: number, end: number): TaxBasis {
  const after = text.slice(end, end + 30);
  if (TTC_AFTER.test(after)) return 'TTC';
  if (HT_AFTER.test(after)) return 'HT';
  const before = text.slice(Math.max(0, start - 60), start);
  if (TTC_BEFORE.test(before)) return 'TTC';
  if (HT_BEFORE.test(before)) return 'HT';
  return 'unknown';
}

/** Every amount in the text, in order of appearance (ranges count once, with `max`). */
export function findMoneyAmounts(text: string): FoundMoney[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const found: FoundMoney[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => taken.some(([s, e]) => a < e && b > s);

  for (const m of text.matchAll(RANGE_RE)) {
    const low = amountOf(m[1], m[2]);
    // "entre 5 et 10 Meuro": the multiplier written once applies to both bounds.
    const high = amountOf(m[4], m[5]);
    if (low === undefined || high === undefined) continue;
    const lowScaled = m[2] === undefined && m[5] !== undefined ? amountOf(m[1], m[5]) ?? low : low;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const [amount, max] = lowScaled <= high ? [lowScaled, high] : [high, lowScaled];
    found.push({ money: { amount, currency: 'EUR', max }, basis: basisAround(text, start, end), text: m[0], index: start });
    taken.push([start, end]);
  }
  for (const m of text.matchAll(SINGLE_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    const amount = amountOf(m[1], m[2]);
    if (amount === undefined) continue;
    found.push({ money: { amount, currency: 'EUR' }, basis: basisAround(text, start, end), text: m[0], index: start });
    taken.push([start, end]);
  }
  for (const m of text.matchAll(PREFIXED_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    const amount = amountOf(m[1], undefined);
    if (amount === undefined) continue;
    found.push({ money: { amount, currency: 'EUR' }, basis: basisAround(text, start, end), text: m[0], index: start });
    taken.push([start, end]);
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The amount a piece of text states: the first HT amount if there is one (notices and thresholds are HT),
 * else the first amount with its basis said (TTC or unknown) so the caller can decide.
 */
export function parseMoney(text: string): FoundMoney | undefined {
  const all = findMoneyAmounts(text);
  return all.find((f) => f.basis === 'HT') ?? all[0];
}

const GROUPING = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, minimumFractionDigits: 0 });

/**
 * "1 250 000 € HT" with narrow no-break spaces (U+202F, what Intl fr-FR uses for thousands) between digit groups
 * and a no-break space (U+00A0) before "€" and "HT", so the amount never wraps. A range gives "40 000 à 90 000 € HT".
 */
export function formatEuros(value: number | Money, basis: TaxBasis = 'HT'): string {
  const money: Money = typeof value === 'number' ? { amount: value, currency: 'EUR' } : value;
  if (!Number.isFinite(money.amount)) return '';
  const fmt = (n: number) => GROUPING.format(n).replace(/[\u00a0\u202f ]/g, '\u202f');
  const unit = money.currency === 'EUR' ? '€' : money.currency;
  const suffix = basis === 'unknown' ? '' : `\u00a0${basis}`;
  const amount = money.max !== undefined && money.max !== money.amount ? `${fmt(money.amount)} à ${fmt(money.max)}` : fmt(money.amount);
  return `${amount}\u00a0${unit}${suffix}`;
}
