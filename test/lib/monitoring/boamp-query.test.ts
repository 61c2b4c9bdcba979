import { describe, expect, it } from 'vitest';
import { addDays, buildBoampWhere, daysBetween } from '@/lib/monitoring/boamp-query';
import { buildTedWatchQuery } from '@/lib/monitoring/ted-query';
import { DEFAULT_PROFILE, type Profile } from '@/lib/rules/profile';

const regie93: Profile = { trades: ['nettoyage', 'espaces-verts'], departments: ['93', '94', '2a', 'zz'], iaeApproved: true, includeKeywords: ['insertion'] };

describe('BOAMP where clause from the profile', () => {
  it('filters on publication date, département codes (validated, canonical), natures and trade words', () => {
    const where = buildBoampWhere(regie93, ['contract'], { since: '2026-11-24' });
    expect(where).toBe(
      `dateparution >= date'2026-11-24' AND code_departement in ("93","94","2A") AND nature in ("APPEL_OFFRE") AND ` +
        `(descripteur_code in ("239","240","116") OR search(objet, "nettoyage") OR search(objet, "propreté") OR ` +
        `search(objet, "entretien des locaux") OR search(objet, "vitrerie") OR search(objet, "espaces verts") OR ` +
        `search(objet, "élagage") OR search(objet, "tonte") OR search(objet, "débroussaillage") OR search(objet, "désherbage") OR ` +
        `search(objet, "insertion"))`,
    );
  });

  it('adds an upper bound when the window is split, and takes only the day of an ISO date-time', () => {
    const where = buildBoampWhere({ ...DEFAULT_PROFILE, trades: ['dechets'] }, ['contract', 'award'], { since: '2026-11-20T08:00:00+01:00', until: '2026-11-22' });
    expect(where.startsWith(`dateparution >= date'2026-11-20' AND dateparution < date'2026-11-22' AND nature in ("APPEL_OFFRE","ATTRIBUTION","INTENTION_CONCLURE")`)).toBe(true);
    expect(where).toContain('descripteur_code in ("404")');
    expect(where).not.toContain('code_departement');
  });

  it('prior-information notices: excludes the unwanted known natures instead of guessing an unseen code', () => {
    const where = buildBoampWhere({ ...DEFAULT_PROFILE, trades: ['mediation'] }, ['contract', 'prior'], { since: '2026-11-01' });
    expect(where).toContain('not nature in ("ATTRIBUTION","INTENTION_CONCLURE","RECTIFICATIF","ANNULATION")');
  });

  it('escapes quotes in user keywords (no ODSQL injection)', () => {
    const where = buildBoampWhere({ ...DEFAULT_PROFILE, trades: [], includeKeywords: ['a") OR (1=1'] }, ['contract'], { since: '2026-11-01' });
    expect(where).toContain('search(objet, "a\\") OR (1=1")');
  });

  it('day arithmetic', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2); // across the DST change
  });
});

describe('TED watch query', () => {
  it('French buyers, CPV prefixes of the chosen trades with wildcards, since the day', () => {
    const q = buildTedWatchQuery({ ...DEFAULT_PROFILE, trades: ['nettoyage'] }, '2026-11-24T07:00:00Z');
    expect(q).toBe('buyer-country=FRA AND classification-cpv IN (9091* 906* 90921* 90923*) AND publication-date>=20261124 SORT BY publication-date DESC');
  });
});
