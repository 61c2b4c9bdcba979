import { parisWallToUtc, parisOffsetMinutes } from '@/lib/watchlist/paris-time';

/**
 * Dates as portals print them, in Paris local time ("22/06/2026 12:00", "17/05/24 à 12h00",
 * "vendredi 13 mars 2026 - 12:00", "17 mai 2024 12h00") → ISO 8601 with the Paris offset of that day
 * ("2026-06-22T12:00:00+02:00"), or a plain date when no time is given.
 */

const MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10,
  novembre: 11, decembre: 12, janv: 1, fevr: 2, fev: 2, avr: 4, juil: 7, sept: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** ISO string for a Paris wall-clock time (offset computed for that instant, DST included). */
export function parisIso(y: number, m: number, d: number, hour?: number, minute?: number): string | undefined {
  if (!validDay(y, m, d)) return undefined;
  if (hour === undefined) return `${y}-${pad(m)}-${pad(d)}`;
  const min = minute ?? 0;
  if (hour < 0 || hour > 23 || min < 0 || min > 59) return `${y}-${pad(m)}-${pad(d)}`;
  const ms = parisWallToUtc({ year: y, month: m, day: d, hour, minute: min });
  const off = parisOffsetMinutes(ms);
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${y}-${pad(m)}-${pad(d)}T${pad(hour)}:${pad(min)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function fullYear(y: number): number {
  return y < 100 ? 2000 + y : y;
}

const TIME = String.raw`(?:\s*(?:à|a|-|,)?\s*(\d{1,2})\s*(?:h|:|H)\s*(\d{2})?)?`;
const NUMERIC = new RegExp(String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)` + TIME);
const WORDED = new RegExp(
  String.raw`(\d{1,2})(?:er)?\s+([a-zéûè]+)\.?\s+(\d{4})` + TIME,
  'i',
);

/** First date (with its time when written next to it) found in the text, as ISO in Paris time. */
export function parseFrenchDateTime(text: string): string | undefined {
  const t = text.replace(/[\u00A0\u202F]/g, ' ');
  const n = NUMERIC.exec(t);
  const w = WORDED.exec(t);
  // Take whichever comes first in the text.
  if (n && (!w || n.index <= w.index)) {
    const [, d, m, y, h, mi] = n;
    return parisIso(fullYear(Number(y)), Number(m), Number(d), h !== undefined ? Number(h) : undefined, mi !== undefined ? Number(mi) : undefined);
  }
  if (w) {
    const [, d, monthName, y, h, mi] = w;
    const key = (monthName ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const m = MONTHS[key];
    if (!m) return undefined;
    return parisIso(Number(y), m, Number(d), h !== undefined ? Number(h) : undefined, mi !== undefined ? Number(mi) : undefined);
  }
  return undefined;
}
