/**
 * BOAMP dates and times → ISO 8601 with the Europe/Paris offset (arithmetic from `@/lib/notice/dates`).
 *
 * The quirk (research/boamp.md §2), measured on the 500 PdL records: for every non-eForms family the buyer's
 * wall-clock time is what the form holds, whatever offset is written next to it — FNSimple/MAPA write none or
 * "Z"/"+00:00", legacy v230/v240 `RECEPT_OFFRES` always write "+01:00", even in July (12:00 is the most common
 * hour in summer and in winter alike: 114 vs 92 records). So those are read as Paris wall-clock time and the
 * written offset is ignored. This is stricter than `parseBoampDateTime`, which trusts a non-zero offset (right
 * for eForms, wrong for legacy "+01:00" in summer). eForms times and the top-level `datelimitereponse` of eForms
 * records are true instants (`parisFromInstant`).
 */
import { instantToParisIso, parisWallTimeToIso } from '@/lib/notice/dates';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** "2024-07-25T12:00:00(+00:00|Z|+01:00…)" read as Paris wall-clock → "2024-07-25T12:00:00+02:00"; midnight → plain date. */
export function parisWallClock(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = WALL_CLOCK.exec(value.trim());
  if (!m) return undefined;
  const wall = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (m[4] === undefined) return parisWallTimeToIso(wall);
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  // A midnight time is how date-only deadlines are stored (v110 "2006-07-21T00:00:00+00:00").
  if (hour === 0 && minute === 0 && second === 0) return parisWallTimeToIso(wall);
  return parisWallTimeToIso({ ...wall, hour, minute, second }) ?? parisWallTimeToIso(wall);
}

/** A true instant ("2026-02-20T11:00:00+00:00") → the same instant in Paris time ("2026-02-20T12:00:00+01:00"). */
export function parisFromInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return parisWallClock(v);
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : instantToParisIso(ms);
}

/** The date part of "2024-10-10+02:00", "2026-01-19", "2006-07-4" (unpadded day seen in v110 `gestion`). */
export function plainDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value.trim());
  return m ? parisWallTimeToIso({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : undefined;
}
