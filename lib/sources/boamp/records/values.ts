/**
 * Amounts and CPV codes as BOAMP writes them ("1260813.33", "145 000,00", "72222000", "72222000-3").
 */
import type { Cpv, Money } from '@/lib/notice/schema';

/** A positive amount, or undefined (zero and unreadable amounts mean "not given"). */
export function parseAmount(value: string | undefined): number | undefined {
  if (!value) return undefined;
  let s = value.replace(/[\s\u00A0\u202F€]/g, '').replace(/eur(os?)?$/i, '');
  if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  else s = s.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export function money(amount: string | undefined, currency: string | undefined, max?: string): Money | undefined {
  const a = parseAmount(amount);
  if (a === undefined) return undefined;
  const cur = currency && /^[A-Z]{3}$/.test(currency.trim()) ? currency.trim() : 'EUR';
  const m = parseAmount(max);
  return m !== undefined && m > a ? { amount: a, currency: cur, max: m } : { amount: a, currency: cur };
}

/** "72222000", "72222000-3" → "72222000"; anything else → undefined. */
export function cpvCode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{8})(?:-\d)?$/.exec(value.trim());
  return m?.[1];
}

/** Add CPV codes in order, main first, without duplicates. */
export function addCpv(list: Cpv[], code: string | undefined, main: boolean, warnings: string[], where: string): void {
  if (code === undefined) return;
  const c = cpvCode(code);
  if (!c) {
    warnings.push(`CPV illisible (${where}) : « ${code.slice(0, 40)} »`);
    return;
  }
  if (list.some((x) => x.code === c)) return;
  list.push({ code: c, main: main && !list.some((x) => x.main) });
}
