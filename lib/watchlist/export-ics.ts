import type { WatchedNotice } from './records';
import { parisWallClock, parseNoticeDate } from '@/lib/notice/dates';
import { STATUS_LABELS_FR } from './status-labels';

/**
 * ICS calendar of deadlines (RFC 5545): CRLF line ends, lines folded at 75 octets (UTF-8 aware, never inside a
 * character), TEXT escaping of \ ; , and newlines, times in Europe/Paris with a VTIMEZONE so any calendar app places
 * them right. One VEVENT per watched notice with a deadline (a 30-minute slot ending at the deadline time).
 */

const VTIMEZONE_PARIS = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function escapeIcsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets: continuation lines start with one space (RFC 5545 §3.1). */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines carry the leading space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parisLocal(ms: number): string {
  const w = parisWallClock(ms);
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}00`;
}

function utcStamp(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function safeUidPart(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '-');
}

export function exportIcs(records: readonly WatchedNotice[], now: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Regie Radar//Echeances//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Régie Radar — dates limites', 'X-WR-TIMEZONE:Europe/Paris', ...VTIMEZONE_PARIS];
  for (const r of records) {
    const deadline = parseNoticeDate(r.deadline);
    if (!deadline) continue;
    const description = [
      `Acheteur : ${r.buyerName}`,
      `Statut : ${STATUS_LABELS_FR[r.status]}`,
      r.lastNote ? `Dernière note : ${r.lastNote}` : '',
      r.url,
    ]
      .filter(Boolean)
      .join('\n');
    lines.push('BEGIN:VEVENT', `UID:${safeUidPart(r.source)}-${safeUidPart(r.id)}@regie-radar`, `DTSTAMP:${utcStamp(now)}`);
    if (deadline.dateOnly) {
      const w = parisWallClock(deadline.ms);
      lines.push(`DTSTART;VALUE=DATE:${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}`);
    } else {
      lines.push(`DTSTART;TZID=Europe/Paris:${parisLocal(deadline.ms - 30 * 60_000)}`, `DTEND;TZID=Europe/Paris:${parisLocal(deadline.ms)}`);
    }
    lines.push(`SUMMARY:${escapeIcsText(`Date limite : ${r.title || r.id}`)}`, `DESCRIPTION:${escapeIcsText(description)}`);
    if (/^https?:\/\//.test(r.url)) lines.push(`URL:${r.url.replace(/[\r\n]/g, '')}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
