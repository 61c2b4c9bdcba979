import { parseFrenchDateTime as parseFrenchDateTimeNotice } from '@/lib/notice/dates';

/**
 * Dates as portals print them, in Paris local time. The French date grammar lives in `lib/notice/dates`; portals add
 * one shape it does not read: two-digit years ("Remise des offres le 17/05/24 à 12h00" on AWS), expanded here to 20yy.
 */
export function parseFrenchDateTime(text: string): string | undefined {
  if (typeof text !== 'string') return undefined;
  const expanded = text.replace(/(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{2})(?![\d/])/g, (_, d: string, sep: string, m: string, y: string) => `${d}${sep}${m}${sep}20${y}`);
  return parseFrenchDateTimeNotice(expanded);
}
