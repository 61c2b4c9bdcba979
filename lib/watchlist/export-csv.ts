import type { WatchedNotice } from './records';
import { formatDeadlineFr, formatMoneyFr, formatInstantFr } from './format-fr';
import { STATUS_LABELS_FR, VERDICT_LABELS_FR } from './status-labels';

/**
 * CSV export for French spreadsheets: UTF-8 with BOM (Excel then reads accents), `;` separator, CRLF rows, French
 * headers, one row per notice. Fields are quoted when needed, and a cell starting with = + - @ (or tab/CR) is
 * prefixed with ' so a hostile notice title cannot run as a formula (CSV injection).
 */

export const CSV_HEADERS = [
  'Source',
  'Identifiant',
  'Objet',
  'Acheteur',
  'Département',
  'Statut',
  'Verdict',
  'Score',
  'Date limite',
  'Valeur estimée',
  'Signaux',
  'Étiquettes',
  'Dernière note',
  'Modifications',
  'Lien',
  'Suivi depuis',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(record: WatchedNotice): string[] {
  return [
    record.source,
    record.id,
    record.title,
    record.buyerName,
    record.department,
    STATUS_LABELS_FR[record.status],
    VERDICT_LABELS_FR[record.verdict],
    String(record.score),
    formatDeadlineFr(record.deadline),
    formatMoneyFr(record.estimatedValue),
    [...new Set(record.flags.map((f) => f.title))].join(', '),
    record.tags.join(', '),
    record.lastNote,
    record.changes.map((c) => `${formatInstantFr(c.at)} ${c.field} : ${c.before} → ${c.after}`).join(' | '),
    record.url,
    formatInstantFr(record.firstSeen),
  ];
}

export function exportCsv(records: readonly WatchedNotice[]): string {
  const lines = [CSV_HEADERS.map(csvCell).join(';'), ...records.map((r) => csvRow(r).map(csvCell).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
