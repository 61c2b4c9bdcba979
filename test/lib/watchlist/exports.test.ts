import { describe, expect, it } from 'vitest';
import { csvCell, exportCsv, CSV_HEADERS } from '@/lib/watchlist/export-csv';
import { exportIcs, foldIcsLine, escapeIcsText } from '@/lib/watchlist/export-ics';
import { buildWatchedRecord } from '@/lib/watchlist/repository';
import { loadBoampRecords, recordToNotice, syntheticAssessment } from './seed-notices';

const records = loadBoampRecords();
const T0 = Date.parse('2024-07-03T09:00:00+02:00');

function watched(i: number) {
  const r = records[i];
  if (!r) throw new Error('fixture');
  const n = recordToNotice(r);
  return buildWatchedRecord(n, syntheticAssessment(n), T0);
}

describe('CSV export', () => {
  it('UTF-8 BOM, ; separator, CRLF, French headers, one row per notice with real values', () => {
    const row = watched(0);
    row.status = 'go';
    row.lastNote = 'Visite ; "obligatoire"\nle 12';
    row.estimatedValue = { amount: 1_250_000, currency: 'EUR' };
    const csv = exportCsv([row, watched(1)]);
    expect(csv.startsWith('\uFEFFSource;Identifiant;Objet;Acheteur;Département;Statut')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]?.split(';')).toEqual([...CSV_HEADERS]);
    expect(lines[1]).toContain("boamp;24-76932;MISSION DE MAITRISE D’ŒUVRE CRÉATION D'OUVRAGE");
    expect(lines[1]).toContain(';84;Go;À regarder;40;25/07/2024 14:00;1\u00a0250\u00a0000\u00a0€ HT;Métier de Régie;;"Visite ; ""obligatoire""');
    // The newline inside the quoted note stays in its cell (rows end with CRLF only).
    expect(lines[1]).toContain('"Visite ; ""obligatoire""\nle 12";;https://www.boamp.fr/pages/avis/?q=idweb:24-76932;03/07/2024 09:00');
    expect(lines[2]?.startsWith('boamp;24-76638;')).toBe(true);
    expect(lines.length).toBe(4);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('neutralises formula injection and quotes separators', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('Nettoyage des locaux')).toBe('Nettoyage des locaux');
  });
});

describe('ICS export', () => {
  it('is RFC 5545: CRLF, VTIMEZONE Europe/Paris, TZID times, escaped text, folded lines ≤ 75 octets', () => {
    const ics = exportIcs([watched(0), watched(1)], Date.parse('2026-11-25T10:00:00Z'));
    expect(ics.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris');
    expect(unfolded).toContain('UID:boamp-24-76932@regie-radar');
    expect(unfolded).toContain('DTSTART;TZID=Europe/Paris:20240725T133000\r\nDTEND;TZID=Europe/Paris:20240725T140000');
    expect(unfolded).toContain("SUMMARY:Date limite : MISSION DE MAITRISE D’ŒUVRE CRÉATION D'OUVRAGE D'INFRASTRUCTURE - RESTRUCTURATION DE LA DÉCHETTERIE D'ORANGE");
    expect(unfolded).toContain('DESCRIPTION:Acheteur : Université de Lorraine\\nStatut : À étudier\\nhttps://www.boamp.fr/pages/avis/?q=idweb:24-76638');
    expect(unfolded).toContain('DTSTAMP:20261125T100000Z');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(2);
  });

  it('folds on character boundaries (accents are 2 octets) and escapes ; , \\ and newlines', () => {
    const long = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldIcsLine(long);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(escapeIcsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('a date-only deadline is an all-day event; no deadline, no event', () => {
    const a = watched(2);
    a.deadline = '2026-12-01';
    const b = watched(3);
    delete b.deadline;
    const ics = exportIcs([a, b], 0);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261201');
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(1);
  });
});
