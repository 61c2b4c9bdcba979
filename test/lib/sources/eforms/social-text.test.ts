/**
 * The text readings that refine codes: which `res-ws` reservation, which criterion is social, which winner is an
 * insertion structure. End-to-end cases edit real SDK notices in memory (the edit is written in each test).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEformsXml } from '@/lib/sources/eforms';
import { criterionTypeFromText, reservedFromWsText, winnerLooksInsertion } from '@/lib/sources/eforms/social-text';

const SDK = join(__dirname, '../../../fixtures/eforms/sdk');
const read = (f: string): string => readFileSync(join(SDK, f), 'utf8');

describe('reservedFromWsText', () => {
  it('SIAE side, disability side, both or neither', () => {
    expect(reservedFromWsText('Marché réservé aux structures d’insertion par l’activité économique (article L. 2113-13)')).toBe('siae');
    expect(reservedFromWsText('Lot réservé aux entreprises adaptées et aux ESAT (L2113-12)')).toBe('disability');
    expect(reservedFromWsText('Réservé aux SIAE, aux EA et aux ESAT')).toBe('siae-or-disability');
    expect(reservedFromWsText('Entretien des espaces verts')).toBe('siae-or-disability');
  });
});

describe('criterionTypeFromText', () => {
  it('social, environmental, or undefined', () => {
    expect(criterionTypeFromText('Performance en matière d’insertion professionnelle des publics en difficulté')).toBe('social');
    expect(criterionTypeFromText('Nombre d’heures d’insertion proposées')).toBe('social');
    expect(criterionTypeFromText('Performances en matière de protection de l’environnement')).toBe('environmental');
    expect(criterionTypeFromText('Valeur technique')).toBeUndefined();
  });
});

describe('winnerLooksInsertion', () => {
  it('recognises insertion structures by name, not ordinary companies', () => {
    expect(winnerLooksInsertion('Régie de Quartier Pont-Rouge')).toBe(true);
    expect(winnerLooksInsertion('ESAT Les Ateliers du Bocage')).toBe(true);
    expect(winnerLooksInsertion('Chantier d’insertion Les Jardins de Cocagne')).toBe(true);
    expect(winnerLooksInsertion('ID Verde SASU')).toBe(false);
    expect(winnerLooksInsertion('Espaces Verts Lemire')).toBe(false);
  });
});

describe('end to end on edited real notices', () => {
  it('pin-cfc-social_24 with a French lot description naming the SIAE → reserved siae', () => {
    // Edit: the lot description (BT-24-Lot, "Lot description text") replaced by a French SIAE sentence.
    const xml = read('pin-cfc-social_24.xml').replace(
      /(<cac:ProcurementProjectLot>[\s\S]*?<cac:ProcurementProject>[\s\S]*?<cbc:Description languageID="ENG">)[^<]*/,
      '$1Lot réservé aux structures d’insertion par l’activité économique (SIAE)',
    );
    const n = parseEformsXml(xml);
    expect(n.lots[0]!.description).toBe('Lot réservé aux structures d’insertion par l’activité économique (SIAE)');
    expect(n.lots[0]!.reserved).toBe('siae');
    expect(n.reserved).toBe('siae');
  });
  it('can_24_FRA_comments with a Régie de Quartier as winner of lot 2 → insertionStructure', () => {
    // Edit: the winner name "ID Verde SASU" replaced.
    const n = parseEformsXml(read('can_24_FRA_comments.xml').replace('ID Verde SASU', 'Régie de Quartier Rouen Grammont'));
    expect(n.awards?.map((a) => [a.lotId, a.winner, a.insertionStructure])).toEqual([
      ['LOT-0001', 'Espaces Verts Lemire', undefined],
      ['LOT-0002', 'Régie de Quartier Rouen Grammont', true],
    ]);
  });
  it('cn_24_maximal with a French BT-70 clause → execution conditions and full text carry it', () => {
    // Edit: the BT-70 text "Terms Performance ---" replaced by a French insertion clause.
    const clause = 'Clause d’insertion (article L2112-2) : 5 % des heures travaillées réservées à des personnes éloignées de l’emploi';
    const n = parseEformsXml(read('cn_24_maximal.xml').split('Terms Performance ---').join(clause));
    expect(n.lots[0]!.executionConditions).toBe(clause);
    expect(n.fullText).toContain(clause);
  });
});
