import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  daysLeft,
  findFrenchDates,
  formatDateFr,
  instantToParisIso,
  normalizeIsoDate,
  parisOffsetMinutes,
  parisWallTimeToIso,
  parseBoampDateTime,
  parseFrenchDateTime,
} from '@/lib/notice/dates';

describe('parseFrenchDateTime on real strings of the 2020 BOAMP pages', () => {
  const cases: Array<[string, string]> = [
    ['15 septembre 2020 - 16:00', '2020-09-15T16:00:00+02:00'],
    ['18 septembre 2020 - 23:59', '2020-09-18T23:59:00+02:00'],
    ['Date limite de réception des offres : 10 septembre 2020, à 17 heures.', '2020-09-10T17:00:00+02:00'],
    ['14/09/2020 à 18h00', '2020-09-14T18:00:00+02:00'],
    ['Date limite de réponse : 10/09/2020', '2020-09-10'],
    ['publié le 15/08/2020', '2020-08-15'],
    ['Date : 16 septembre 2020 - 10:00', '2020-09-16T10:00:00+02:00'],
    ["Date d'envoi du présent avis à la publication : 10 août 2020.", '2020-08-10'],
    // The brief's forms:
    ['15 septembre 2020 à 12 h 00', '2020-09-15T12:00:00+02:00'],
    ['15/09/2020 12:00', '2020-09-15T12:00:00+02:00'],
    ['lundi 5 octobre 2020 - 16:00', '2020-10-05T16:00:00+02:00'],
    ['1er décembre 2026 à 9 h 30', '2026-12-01T09:30:00+01:00'],
    ['1er decembre 2026', '2026-12-01'],
  ];
  for (const [text, iso] of cases) {
    it(text, () => expect(parseFrenchDateTime(text)).toBe(iso));
  }

  it('rejects impossible dates and returns nothing without a date', () => {
    expect(parseFrenchDateTime('31/02/2020')).toBeUndefined();
    expect(parseFrenchDateTime('30 février 2021')).toBeUndefined();
    expect(parseFrenchDateTime('Durée en mois : 12')).toBeUndefined();
  });

  it('finds every date of a text in order', () => {
    const found = findFrenchDates('à compter du 01/01/2021 jusqu\'au 31/12/2021');
    expect(found.map((f) => f.iso)).toEqual(['2021-01-01', '2021-12-31']);
  });
});

describe('Paris offset (EU summer-time rule)', () => {
  it('switches on the last Sunday of March and October at 01:00 UTC', () => {
    expect(parisOffsetMinutes(Date.UTC(2026, 2, 29, 0, 59))).toBe(60);
    expect(parisOffsetMinutes(Date.UTC(2026, 2, 29, 1, 0))).toBe(120);
    expect(parisOffsetMinutes(Date.UTC(2026, 9, 25, 0, 59))).toBe(120);
    expect(parisOffsetMinutes(Date.UTC(2026, 9, 25, 1, 0))).toBe(60);
  });

  it('agrees with the time-zone database of Intl on every hour of 2019–2027', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'shortOffset' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2027, 11, 31) }), (ms) => {
        const name = fmt.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
        expect(parisOffsetMinutes(ms)).toBe(name === 'GMT+2' ? 120 : 60);
      }),
      { numRuns: 2000 },
    );
  });

  it('wall time → ISO; the autumn overlap reads as summer time, the spring gap as winter time', () => {
    expect(parisWallTimeToIso({ year: 2026, month: 12, day: 1, hour: 12, minute: 0 })).toBe('2026-12-01T12:00:00+01:00');
    expect(parisWallTimeToIso({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 })).toBe('2026-10-25T02:30:00+02:00');
    expect(parisWallTimeToIso({ year: 2026, month: 10, day: 25, hour: 3, minute: 30 })).toBe('2026-10-25T03:30:00+01:00');
    expect(parisWallTimeToIso({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 })).toBe('2026-03-29T02:30:00+01:00');
    expect(parisWallTimeToIso({ year: 2026, month: 3, day: 29, hour: 3, minute: 30 })).toBe('2026-03-29T03:30:00+02:00');
    expect(parisWallTimeToIso({ year: 2026, month: 2, day: 30 })).toBeUndefined();
  });

  it('an instant in Paris ISO is the same instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const s = Math.floor(ms / 1000) * 1000;
        const iso = instantToParisIso(s);
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
        expect(Date.parse(iso ?? '')).toBe(s);
      }),
    );
  });
});

describe('ISO and the BOAMP local-as-UTC quirk (research/boamp.md §2)', () => {
  it('normalizeIsoDate keeps real instants and shows them in Paris time', () => {
    // eForms: "EndTime 12:00:00+01:00" is converted by the API to 11:00+00:00: the same instant.
    expect(normalizeIsoDate('2026-02-20T11:00:00+00:00')).toBe('2026-02-20T12:00:00+01:00');
    expect(normalizeIsoDate('2019-07-19T12:00:00+01:00')).toBe('2019-07-19T13:00:00+02:00');
    expect(normalizeIsoDate('2026-01-19')).toBe('2026-01-19');
    expect(normalizeIsoDate('not a date')).toBeUndefined();
  });

  it('parseBoampDateTime reads a zero offset or no offset as Paris wall-clock time', () => {
    // MAPA record 24-76932: receptionOffres "2024-07-25T12:00:00" → datelimitereponse "…T12:00:00+00:00" = noon in Paris.
    expect(parseBoampDateTime('2024-07-25T12:00:00')).toBe('2024-07-25T12:00:00+02:00');
    expect(parseBoampDateTime('2024-07-25T12:00:00+00:00')).toBe('2024-07-25T12:00:00+02:00');
    // FNSimple dateReceptionOffres "2026-02-13T12:00:00Z".
    expect(parseBoampDateTime('2026-02-13T12:00:00Z')).toBe('2026-02-13T12:00:00+01:00');
    // A real offset (eForms) is kept.
    expect(parseBoampDateTime('2026-02-20T12:00:00+01:00')).toBe('2026-02-20T12:00:00+01:00');
    expect(parseBoampDateTime('2026-02-20')).toBe('2026-02-20');
    expect(parseBoampDateTime(null)).toBeUndefined();
    expect(parseBoampDateTime('2026-13-45T12:00:00Z')).toBeUndefined();
  });
});

describe('daysLeft and formatDateFr', () => {
  const now = Date.parse('2026-11-25T21:30:00+01:00');
  it('counts Paris calendar days', () => {
    expect(daysLeft('2026-11-25T23:00:00+01:00', now)).toBe(0);
    expect(daysLeft('2026-11-26T00:30:00+01:00', now)).toBe(1);
    expect(daysLeft('2026-12-01', now)).toBe(6);
    expect(daysLeft('2026-11-20T12:00:00+01:00', now)).toBe(-5);
    // 23:30 UTC on the 25th is already the 26th in Paris.
    expect(daysLeft('2026-11-26T10:00:00+01:00', Date.parse('2026-11-25T23:30:00Z'))).toBe(0);
    expect(daysLeft(undefined, now)).toBeUndefined();
    expect(daysLeft('n/a', now)).toBeUndefined();
  });

  it('writes dates the French way, in Paris time', () => {
    expect(formatDateFr('2020-09-15T16:00:00+02:00')).toBe('15 septembre 2020 à 16 h 00');
    expect(formatDateFr('2020-09-15T14:00:00Z')).toBe('15 septembre 2020 à 16 h 00');
    expect(formatDateFr('2026-12-01', { weekday: true })).toBe('mardi 1er décembre 2026');
    expect(formatDateFr('2026-08-22T09:05:00+02:00', { time: false })).toBe('22 août 2026');
    expect(formatDateFr('garbage')).toBe('');
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        for (const d of findFrenchDates(s)) expect(d.iso).toMatch(/^\d{4}-\d{2}-\d{2}/);
        parseBoampDateTime(s);
        formatDateFr(s);
        daysLeft(s, 0);
      }),
    );
  });
});
