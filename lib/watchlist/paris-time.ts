/**
 * Europe/Paris wall-clock <-> UTC instants, with no date library: Intl knows the tz database (DST included).
 * Reminders are "J-7 at 08:00 Paris time"; this is where that becomes an instant.
 */

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Paris wall clock of an instant. */
export function parisWallClock(ms: number): WallClock {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
  };
}

/** Offset of Paris from UTC at an instant, in minutes (+60 in winter, +120 in summer). */
export function parisOffsetMinutes(ms: number): number {
  const w = parisWallClock(ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * The instant at which Paris clocks show this wall time. In the spring-forward gap (02:00–03:00 on the last Sunday of
 * March) the later offset is used; in the autumn overlap the first (summer) occurrence.
 */
export function parisWallToUtc(w: WallClock): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  // Two candidates: the offset before and after a possible transition near this day.
  const candidates = [parisOffsetMinutes(naive - 12 * 3_600_000), parisOffsetMinutes(naive + 12 * 3_600_000)];
  const matches: number[] = [];
  for (const offset of candidates) {
    const ms = naive - offset * 60_000;
    const back = parisWallClock(ms);
    if (back.year === w.year && back.month === w.month && back.day === w.day && back.hour === w.hour && back.minute === w.minute) {
      matches.push(ms);
    }
  }
  if (matches.length > 0) return Math.min(...matches);
  // Gap: the wall time does not exist; use the offset before the jump (lands one hour later on the wall).
  return naive - (candidates[0] ?? 60) * 60_000;
}

/** Adds days to a calendar date (no time zone involved). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Parses a Notice date ("2026-12-01T12:00:00+01:00" or "2026-12-01").
 * A plain date is read as the end of that day in Paris (the deadline is "that day"), so "jour J" reminders still fire.
 */
export function parseNoticeDate(iso: string | undefined): { ms: number; dateOnly: boolean } | undefined {
  if (!iso) return undefined;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    return { ms: parisWallToUtc({ year: Number(y), month: Number(m), day: Number(d), hour: 23, minute: 59 }), dateOnly: true };
  }
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? { ms, dateOnly: false } : undefined;
}
