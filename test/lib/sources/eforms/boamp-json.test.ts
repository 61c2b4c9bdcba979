/**
 * BOAMP records whose `donnees` is eForms JSON (26-5927, 26-5857, 26-2565; real records transcribed in the corpus).
 * Expected values read in the JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEformsJson, type EformsMapped } from '@/lib/sources/eforms';

const DIR = join(__dirname, '../../../fixtures/eforms/boamp');
function record(id: string): { donnees: string } {
  return JSON.parse(readFileSync(join(DIR, `${id}.TRANSCRIBED.json`), 'utf8')) as { donnees: string };
}
function mapped(id: string): EformsMapped {
  const donnees = JSON.parse(record(id).donnees) as { EFORMS: unknown };
  return parseEformsJson(donnees.EFORMS);
}

describe('26-5927 (Aizenay, street sweeping, 1 lot as an object)', () => {
  const m = mapped('26-5927');
  it('ids, type, dates', () => {
    expect(m.ids).toEqual({
      noticeId: '89f47d10-f571-4dbb-87f5-321ecaebac85',
      version: '01',
      procedureId: 'eac997e1-21c4-4604-b166-cc97e02f9589',
      publicationNumber: '00035723-2026',
    });
    expect([m.rootName, m.noticeTypeCode, m.formType, m.subtype]).toEqual(['ContractNotice', 'cn-standard', 'competition', '16']);
    expect(m.noticeType).toBe('contract');
    expect(m.subtypeLabel).toBe('Avis de marché – directive générale, régime ordinaire');
    expect(m.publishedAt).toBe('2026-01-19');
    expect(m.deadline).toBe('2026-02-20T12:00:00+01:00');
  });
  it('buyer with SIRET, value, CPV, place', () => {
    expect(m.title).toBe('Balayage mécanisé des voiries et nettoyage des avaloirs');
    expect(m.buyer).toEqual({ name: "VILLE D'AIZENAY", siret: '21850003100016', kind: 'public-body' });
    expect(m.estimatedValue).toEqual({ amount: 1000000, currency: 'EUR' });
    expect(m.cpv).toEqual([{ code: '90612000', main: true }, { code: '90641000', main: false }]);
    expect(m.place).toEqual({ nuts: 'FRG05', department: '85', city: 'AIZENAY' });
    expect(m.procedure).toBe('Procédure ouverte');
    expect(m.contractNature).toBe('services');
  });
  it('one lot, reservation none, criteria 40 % price / 60 % quality (per-exa)', () => {
    expect(m.lots.map((l) => l.id)).toEqual(['LOT-0001']);
    expect(m.reserved).toBe('none');
    expect(m.lots[0]!.reserved).toBe('none');
    expect(m.criteria).toEqual([
      { type: 'price', name: 'Prix des prestations', weight: 40 },
      { type: 'quality', name: 'Valeur Techniques', weight: 60 },
    ]);
    expect(m.socialSignals).toEqual([]);
    expect(m.warnings).toEqual([]);
  });
  it('the full text holds the place description (human text, not codes)', () => {
    expect(m.fullTextParts.join('\n')).toContain('Saint-Etienne-Du-Bois');
  });
});

describe('26-5857 (CNRS, 5 lots as an array)', () => {
  const m = mapped('26-5857');
  it('5 lots, all BT-71 none, one deadline in UTC with milliseconds', () => {
    expect(m.lots.map((l) => l.id)).toEqual(['LOT-0001', 'LOT-0002', 'LOT-0003', 'LOT-0004', 'LOT-0005']);
    expect(m.lots[3]!.title).toBe('Lot 4 : Nacelle');
    expect(m.lots.every((l) => l.reserved === 'none')).toBe(true);
    expect(m.reserved).toBe('none');
    expect(m.deadline).toBe('2026-02-20T12:00:00.000Z');
  });
  it('criteria given by name only; "Développement durable" is environmental', () => {
    expect(m.lots[0]!.criteria.map((c) => [c.type, c.name, c.weight])).toEqual([
      ['quality', 'Valeur technique de l’offre', undefined],
      ['price', 'Prix', undefined],
      ['environmental', 'Développement durable', undefined],
      ['quality', 'Qualité du SAV et garantie', undefined],
      ['quality', "Délai de livraison et d'installation", undefined],
    ]);
  });
  it('buyer CNRS with SIRET, supplies, CPV, Loire-Atlantique', () => {
    expect(m.buyer.name).toBe('CNRS');
    expect(m.buyer.siret).toBe('18008901306657');
    expect(m.contractNature).toBe('supplies');
    expect(m.cpv).toEqual([{ code: '42997300', main: true }]);
    expect(m.place).toMatchObject({ nuts: 'FRG01', department: '44' });
  });
});

describe('26-2565 (award, Région Pays de la Loire)', () => {
  const m = mapped('26-2565');
  it('award with winner, SIRET and amount', () => {
    expect(m.noticeType).toBe('award');
    expect(m.subtype).toBe('29');
    expect(m.awards).toEqual([
      {
        lotId: 'LOT-0001',
        winner: "CHAMBRE D'AGRICULTURE DE REGION PAYS DE LA LOIRE",
        siret: '13003148700015',
        amount: { amount: 240000, currency: 'EUR' },
      },
    ]);
  });
  it('points weights (poi-exa 70/30) converted to percentages; value from the lot', () => {
    expect(m.lots[0]!.criteria.map((c) => [c.type, c.weight])).toEqual([['quality', 70], ['price', 30]]);
    expect(m.lots[0]!.estimatedValue).toEqual({ amount: 230000, currency: 'EUR' });
    expect(m.estimatedValue).toEqual({ amount: 230000, currency: 'EUR' });
    expect(m.buyer).toEqual({ name: 'REGION DES PAYS DE LA LOIRE', siret: '23440003400026', kind: 'local-authority' });
    expect(m.publishedAt).toBe('2026-01-09');
  });
});

describe('parseEformsJson input shapes', () => {
  it('accepts the donnees string, the donnees object and the EFORMS object alike', () => {
    const rec = record('26-5927');
    const fromString = parseEformsJson(rec.donnees);
    const fromDonnees = parseEformsJson(JSON.parse(rec.donnees));
    const fromEforms = mapped('26-5927');
    expect(fromString).toEqual(fromEforms);
    expect(fromDonnees).toEqual(fromEforms);
  });
  it('returns an empty mapping with a warning for anything else', () => {
    for (const bad of [null, 42, 'pas du json', [], { FNSimple: {} }, { EFORMS: { Autre: {} } }]) {
      const m = parseEformsJson(bad);
      expect(m.lots).toEqual([]);
      expect(m.warnings.length).toBeGreaterThan(0);
    }
  });
});
