/**
 * Dates of notices → ISO 8601 with the Europe/Paris offset ("2020-09-15T16:00:00+02:00").
 * French text ("15 septembre 2020 à 12 h 00", "lundi 5 octobre 2020 - 16:00", "14/09/2020 à 18h00"), ISO strings,
 * and BOAMP's quirk (a Paris wall-clock time stored as if it were UTC: "2024-07-25T12:00:00+00:00" means noon in Paris).
 *
 * The offset comes from the EU summer-time rule (Directive 2000/84/EC, in force since 1996): summer time (+02:00) from
 * the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC, else +01:00. Plain arithmetic, no
 * Intl/time-zone database: it is called for every notice of a corpus run. Dates before 1996 get the same rule.
 */

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, fevrier: 2, fevr: 2, fev: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6, juillet: 7, juil: 7,
  aout: 8, septembre: 9, sept: 9, sep: 9, octobre: 10, oct: 10, novembre: 11, nov: 11, decembre: 12, dec: 12,
};
const MONTH_NAMES_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS_FR = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** UTC instant of the last Sunday of a month at 01:00 UTC (the EU switch moment). */
function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0)); // day 0 of next month = last day of `month`
  const back = lastDay.getUTCDay(); // 0 = Sunday
  return Date.UTC(year, month - 1, lastDay.getUTCDate() - back, 1, 0);
}

/** Offset of Paris from UTC at an instant, in minutes: 120 in summer time, 60 otherwise. */
export function parisOffsetMinutes(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayAt0100Utc(year, 3) && utcMs < lastSundayAt0100Utc(year, 10) ? 120 : 60;
}

export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetText(minutes: number): string {
  return `+${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * A Paris wall-clock time → ISO with its offset. Without an hour, the plain date ("2020-09-15").
 * In the autumn overlap (02:00–03:00 twice) the first (summer) reading is taken; a time in the spring gap (which
 * does not exist on Paris clocks) gets +01:00, the offset before the jump.
 */
export function parisWallTimeToIso(w: WallTime): string | undefined {
  if (!isRealDate(w.year, w.month, w.day)) return undefined;
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  if (w.hour === undefined) return date;
  const hour = w.hour;
  const minute = w.minute ?? 0;
  const second = w.second ?? 0;
  if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  if (hour === 24 && (minute > 0 || second > 0)) return undefined;
  if (hour === 24) return `${date}T23:59:59${offsetText(parisOffsetMinutes(Date.UTC(w.year, w.month - 1, w.day, 22)))}`;
  const naive = Date.UTC(w.year, w.month - 1, w.day, hour, minute, second);
  // Try summer first so the ambiguous autumn hour reads as summer time.
  const offset = parisOffsetMinutes(naive - 2 * HOUR_MS) === 120 || parisOffsetMinutes(naive - HOUR_MS) === 120 ? 120 : 60;
  const checked = parisOffsetMinutes(naive - offset * 60_000) === offset ? offset : offset === 120 ? 60 : 120;
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${offsetText(checked)}`;
}

/** An instant → ISO in Paris time with its offset. */
export function instantToParisIso(utcMs: number): string | undefined {
  if (!Number.isFinite(utcMs)) return undefined;
  const offset = parisOffsetMinutes(utcMs);
  const local = new Date(utcMs + offset * 60_000);
  if (local.getUTCFullYear() < 1900 || local.getUTCFullYear() > 2200) return undefined;
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${offsetText(offset)}`
  );
}

/** A Paris wall-clock time with minute precision (reminders are "J-7 at 08:00 Paris time"). */
export interface WallClock {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
}

/** Paris wall clock of an instant (seconds dropped). */
export function parisWallClock(ms: number): WallClock {
  const local = new Date(ms + parisOffsetMinutes(ms) * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/**
 * The instant at which Paris clocks show this wall time. Out-of-range fields roll over as in `Date.UTC` (day 32 is the
 * 1st of next month). In the autumn overlap the first (summer) occurrence is taken; in the spring-forward gap
 * (02:00–03:00 on the last Sunday of March) the offset before the jump is used, which lands one hour later on the wall.
 */
export function parisWallToUtc(w: WallClock): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  for (const offset of [120, 60]) {
    const ms = naive - offset * 60_000;
    if (parisOffsetMinutes(ms) === offset) return ms;
  }
  return naive - 60 * 60_000;
}

/** Adds days to a calendar date (no time zone involved). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO string → ISO with the Paris offset. A time with an offset (or Z) is a real instant and is shown in Paris
 * time; a time without offset is Paris wall-clock time; a date alone stays a date (an offset on it is dropped).
 */
export function normalizeIsoDate(input: string): string | undefined {
  const m = ISO_RE.exec(input.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  const wall: WallTime = { year: Number(y), month: Number(mo), day: Number(d) };
  if (h === undefined) return parisWallTimeToIso(wall);
  if (!isRealDate(wall.year, wall.month, wall.day)) return undefined;
  if (zone === undefined) return parisWallTimeToIso({ ...wall, hour: Number(h), minute: Number(mi), second: Number(s ?? 0) });
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`);
  return Number.isFinite(ms) ? instantToParisIso(ms) : undefined;
}

/**
 * BOAMP dates (research/boamp.md §2): for MAPA/FNSimple/legacy records the buyer's Paris wall-clock time is stored
 * as if it were UTC ("2024-07-25T12:00:00+00:00", "2026-02-13T12:00:00Z", or with no zone at all), so a zero offset
 * is read as Paris local time. A non-zero offset (eForms "12:00:00+01:00") is a real one and is kept.
 */
export function parseBoampDateTime(input: string | null | undefined): string | undefined {
  if (typeof input !== 'string') return undefined;
  const m = ISO_RE.exec(input.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  if (h !== undefined && (zone === undefined || zone === 'Z' || /^[+-]00:?00$/.test(zone))) {
    return parisWallTimeToIso({ year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s ?? 0) });
  }
  return normalizeIsoDate(input);
}

const WALL_CLOCK_PREFIX_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * BOAMP non-eForms records (research/boamp.md §2), measured on the 500 PdL records: the buyer's wall-clock time is
 * what the form holds, whatever offset is written next to it — FNSimple/MAPA write none or "Z"/"+00:00", legacy
 * v230/v240 `RECEPT_OFFRES` always write "+01:00", even in July (12:00 is the most common hour in summer and in winter
 * alike: 114 vs 92 records). So the written offset is ignored: "2019-07-19T12:00:00+01:00" → "2019-07-19T12:00:00+02:00".
 * Stricter than `parseBoampDateTime`, which trusts a non-zero offset (right for eForms, wrong for legacy "+01:00" in
 * summer). A midnight time is how date-only deadlines are stored (v110 "2006-07-21T00:00:00+00:00") → plain date.
 */
export function wallClockAsParisIso(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = WALL_CLOCK_PREFIX_RE.exec(value.trim());
  if (!m) return undefined;
  const wall = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (m[4] === undefined) return parisWallTimeToIso(wall);
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  if (hour === 0 && minute === 0 && second === 0) return parisWallTimeToIso(wall);
  return parisWallTimeToIso({ ...wall, hour, minute, second }) ?? parisWallTimeToIso(wall);
}

/**
 * A true instant ("2026-02-20T11:00:00+00:00", eForms times and the top-level BOAMP `datelimitereponse` of eForms
 * records) → the same instant in Paris time ("2026-02-20T12:00:00+01:00"); a plain date stays a date.
 * More lenient than `normalizeIsoDate`: anything `Date.parse` reads is accepted.
 */
export function parisFromInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return wallClockAsParisIso(v);
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : instantToParisIso(ms);
}

/** The date part of "2024-10-10+02:00", "2026-01-19", "2006-07-4" (unpadded day seen in BOAMP v110 `gestion`). */
export function plainDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value.trim());
  return m ? parisWallTimeToIso({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : undefined;
}

export interface FoundDate {
  /** ISO 8601 with the Paris offset, or a plain date when the text gives no time. */
  iso: string;
  hasTime: boolean;
  /** The matched text, as written. */
  text: string;
  index: number;
}

// Time after a date: "à 12 h 00", "- 16:00", ", à 18 heures", "à 18h00", "12:00", "à 12h".
const TIME = String.raw`(?:\s*(?:[,-]|–)?\s*(?:à|a|avant)?\s*(\d{1,2})\s*(?:h|heures?|:)\s*(\d{2})?(?!\d))?`;
const WEEKDAY = String.raw`(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?`;
const MONTH_WORD = String.raw`(janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|sept?(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?)\.?`;
const TEXT_DATE_RE = new RegExp(String.raw`\b${WEEKDAY}(\d{1,2})(?:er)?\s+${MONTH_WORD}\s+(\d{4})${TIME}`, 'giu');
const NUMERIC_DATE_RE = new RegExp(String.raw`(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/])${TIME}`, 'g');
const ISO_IN_TEXT_RE = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?(?![\d])/g;

function monthNumber(word: string): number | undefined {
  const key = word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  return MONTHS[key];
}

function build(y: number, mo: number | undefined, d: number, h: string | undefined, mi: string | undefined): string | undefined {
  if (mo === undefined) return undefined;
  return parisWallTimeToIso({ year: y, month: mo, day: d, hour: h === undefined ? undefined : Number(h), minute: mi === undefined ? 0 : Number(mi) });
}

/** Every date in a French text, in order of appearance. */
export function findFrenchDates(text: string): FoundDate[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const found: FoundDate[] = [];
  const push = (iso: string | undefined, m: RegExpMatchArray, hasTime: boolean) => {
    if (iso) found.push({ iso, hasTime, text: m[0].trim(), index: m.index ?? 0 });
  };
  for (const m of text.matchAll(TEXT_DATE_RE)) {
    push(build(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]), m[4], m[5]), m, m[4] !== undefined);
  }
  for (const m of text.matchAll(NUMERIC_DATE_RE)) {
    push(build(Number(m[3]), Number(m[2]), Number(m[1]), m[4], m[5]), m, m[4] !== undefined);
  }
  for (const m of text.matchAll(ISO_IN_TEXT_RE)) {
    push(normalizeIsoDate(m[0]), m, m[0].includes('T'));
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first date of a French text (or an ISO string), as ISO with the Paris offset. */
export function parseFrenchDateTime(text: string): string | undefined {
  if (typeof text !== 'string') return undefined;
  return findFrenchDates(text)[0]?.iso;
}

/** The instant of a Notice date; a plain date counts as the end of that day in Paris (a deadline "le 15" runs all day). */
export function noticeDateToMs(iso: string | undefined): number | undefined {
  if (typeof iso !== 'string') return undefined;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) {
    const full = parisWallTimeToIso({ year: Number(dateOnly[1]), month: Number(dateOnly[2]), day: Number(dateOnly[3]), hour: 23, minute: 59, second: 59 });
    return full ? Date.parse(full) : undefined;
  }
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * A Notice date with whether it was a plain date (the watchlist shows and exports those without a time). A plain date
 * is read as 23:59 Paris on that day (minute precision, unlike `noticeDateToMs`' 23:59:59), so "jour J" reminders fire.
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

/** Paris calendar day number (days since 1970-01-01 in Paris) of an instant. */
export function parisDayNumber(ms: number): number {
  return Math.floor((ms + parisOffsetMinutes(ms) * 60_000) / DAY_MS);
}

/**
 * Whole calendar days (Paris) from `now` to the deadline: 0 = today, 1 = tomorrow, negative = past.
 * Undefined when the deadline cannot be read.
 */
export function daysLeft(deadline: string | undefined, now: Date | number = Date.now()): number | undefined {
  const ms = noticeDateToMs(deadline);
  const nowMs = typeof now === 'number' ? now : now.getTime();
  if (ms === undefined || !Number.isFinite(nowMs)) return undefined;
  return parisDayNumber(ms) - parisDayNumber(nowMs);
}

/**
 * "15 septembre 2020 à 16 h 00" (Paris time), "15 septembre 2020" for a plain date; `weekday` prefixes "mardi".
 * Empty string when the date cannot be read.
 */
export function formatDateFr(iso: string | undefined, options: { weekday?: boolean; time?: boolean } = {}): string {
  if (typeof iso !== 'string') return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const ms = dateOnly ? Date.parse(`${iso}T12:00:00Z`) : Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const local = new Date(dateOnly ? ms : ms + parisOffsetMinutes(ms) * 60_000);
  const day = local.getUTCDate();
  const date = `${day === 1 ? '1er' : day} ${MONTH_NAMES_FR[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
  const withDay = options.weekday ? `${WEEKDAYS_FR[local.getUTCDay()]} ${date}` : date;
  if (dateOnly || options.time === false) return withDay;
  return `${withDay} à ${local.getUTCHours()} h ${pad(local.getUTCMinutes())}`;
}
