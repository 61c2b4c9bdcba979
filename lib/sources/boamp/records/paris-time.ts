/**
 * BOAMP dates and times, to ISO 8601 with the Europe/Paris offset of that day.
 *
 * The quirk (research/boamp.md §2): for every non-eForms family the buyer's wall-clock time is stored with a
 * fake offset (`receptionOffres "2024-07-25T12:00:00"` → `datelimitereponse "…T12:00:00+00:00"`, legacy
 * `RECEPT_OFFRES "2019-07-19T12:00:00+01:00"` in July), so those are read as Paris wall-clock time, ignoring the
 * written offset. eForms times and the top-level `datelimitereponse` of eForms records are true instants.
 *
 * Pure arithmetic on the EU summer-time rule (last Sunday of March 01:00 UTC → last Sunday of October 01:00 UTC),
 * so it gives the same result in any runtime time zone.
 */

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

/** Paris offset in minutes (60 or 120) at a UTC instant. */
export function parisOffsetMinutesAtUtc(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const start = Date.UTC(year, 2, lastSundayUtc(year, 2), 1);
  const end = Date.UTC(year, 9, lastSundayUtc(year, 9), 1);
  return utcMs >= start && utcMs < end ? 120 : 60;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function formatOffset(minutes: number): string {
  return `+${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "2024-07-25T12:00:00(+00:00|Z|…)" read as Paris wall-clock → "2024-07-25T12:00:00+02:00"; midnight → plain date. */
export function parisWallClock(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = WALL_CLOCK.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDate(y, mo, d)) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return date;
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  if (h > 23 || mi > 59 || s > 59) return date;
  // A midnight time is how date-only deadlines are stored (v110 "2006-07-21T00:00:00+00:00").
  if (h === 0 && mi === 0 && s === 0) return date;
  // Offset in force at that wall-clock time: try winter time, check it against the rule.
  const asWinterUtc = Date.UTC(y, mo - 1, d, h, mi, s) - 60 * 60_000;
  const offset = parisOffsetMinutesAtUtc(asWinterUtc);
  return `${date}T${pad(h)}:${pad(mi)}:${pad(s)}${formatOffset(offset)}`;
}

/** A true instant ("2026-02-20T11:00:00+00:00") → the same instant in Paris time ("2026-02-20T12:00:00+01:00"). */
export function parisFromInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return parisWallClock(v);
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return undefined;
  const offset = parisOffsetMinutesAtUtc(ms);
  const local = new Date(ms + offset * 60_000);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  return `${date}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${formatOffset(offset)}`;
}

/** The date part of "2024-10-10+02:00", "2026-01-19", "2006-07-4" (unpadded day seen in v110 `gestion`). */
export function plainDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDate(y, mo, d) ? `${m[1]}-${pad(mo)}-${pad(d)}` : undefined;
}
