import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { NoticeSchema, type Notice } from '@/lib/notice/schema';
import { extractFromDocument, textSource } from '@/lib/sources/text';

/**
 * The 42 boamp.fr notice pages of Aug–Sep 2020 (test/fixtures/boamp-avis-2020, see SOURCES.md).
 * Golden values below were read by hand in each page (h1, "I.1) NOM ET ADRESSES", "Valeur totale estimée",
 * "Descripteur principal", "Lot nº", "IV.2.2) Date limite…"); the others are checked for invariants.
 */
const DIR = join(__dirname, '../../../fixtures/boamp-avis-2020');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.html')).sort();

function load(file: string): Notice {
  const doc = new DOMParser().parseFromString(readFileSync(join(DIR, file), 'utf8'), 'text/html') as unknown as Document;
  return extractFromDocument(doc, new URL(`https://www.boamp.fr/avis/detail/${file}`));
}

interface Golden {
  file: string;
  id: string;
  title: string;
  buyer: string;
  siret?: string;
  deadline?: string;
  value?: number;
  mainCpv: string;
  lots: number;
  procedure?: string;
  department?: string;
}

const GOLDEN: Golden[] = [
  { file: 'T455776160.html', id: '20-102039', title: 'Conception et mise à jour des plans de sécurité incendie sur divers groupes du département de la Seine-Maritime (Marché réservé)', buyer: 'HABITAT 76', siret: '78110744600028', deadline: '2020-09-15T16:00:00+02:00', value: 500_000, mainCpv: '51700000', lots: 0, procedure: 'Procédure ouverte', department: '76' },
  { file: 'T455627042.html', id: '20-99899', title: 'Entretien des colonnes aériennes, semi-enterrées et enterrées pour déchets ménagers', buyer: 'Communauté du Pays Voironnais', siret: '24380098400029', deadline: '2020-09-25T12:00:00+02:00', value: 316_000, mainCpv: '90500000', lots: 3 },
  { file: 'T455626942.html', id: '20-99771', title: 'Traitements et nettoyages (4 lots)', buyer: 'CA PAU BEARN PYRENEES', siret: '20006725400017', deadline: '2020-09-18T23:59:00+02:00', mainCpv: '90921000', lots: 4 },
  { file: 'T455776178.html', id: '20-102352', title: 'Collecte, transport, tri des produits des collectes sélectives et reprise des produits triés', buyer: 'Eurométropole de Strasbourg', deadline: '2020-09-22T12:00:00+02:00', value: 33_000_000, mainCpv: '90511100', lots: 2, department: '67' },
  { file: 'T455753576.html', id: '20-102070', title: "Mission d'architecte conseil", buyer: 'COMMUNE DE CARCASSONNE', deadline: '2020-09-10T17:00:00+02:00', mainCpv: '71210000', lots: 0, procedure: 'Procédure adaptée', department: '11' },
  { file: 'T455627089.html', id: '20-96685', title: "Services d'insertion et de qualification professionnelles - entretien d'espaces publics et naturels", buyer: 'Communauté Communes Pévèle Carembault', siret: '20004196000010', deadline: '2020-09-21T12:00:00+02:00', mainCpv: '80530000', lots: 0 },
  { file: 'T455790485.html', id: '20-102447', title: 'Accord cadre à bons de commande pour des prestations de levés topographiques', buyer: 'CA DU PAYS BASQUE', siret: '20006710600019', deadline: '2020-09-18T12:00:00+02:00', mainCpv: '71351810', lots: 7 },
  { file: 'T455710517.html', id: '20-100253', title: 'Fourniture de dispositifs medicaux: protheses orthopediques et osteosynthese', buyer: 'Centre Hospitalier de Blois', deadline: '2020-09-18T12:00:00+02:00', value: 1_485_645, mainCpv: '33183200', lots: 46 },
  { file: 'T455627067.html', id: '20-100126', title: 'PROTEC-SEMAPHORES', buyer: 'DIRISI', deadline: '2020-09-15T12:00:00+02:00', value: 3_000_000, mainCpv: '35120000', lots: 3 },
  { file: 'T455767578.html', id: '20-102549', title: 'Passée conformément à la procédure adaptée', buyer: 'POLE EMPLOI', deadline: '2020-09-14T18:00:00+02:00', mainCpv: '85312300', lots: 0, procedure: 'Procédure adaptée', department: '972' },
  { file: 'T455627021.html', id: '20-99745', title: "Concours de maîtrise d'oeuvre relatif à la réalisation d'un gymnase territorial", buyer: 'Département de Mayotte', siret: '22985000300018', deadline: '2020-09-18T12:00:00+02:00', mainCpv: '71000000', lots: 0, procedure: 'Concours', department: '976' },
  { file: 'T455651775.html', id: '20-100875', title: "Etude de faisabilité et de dimensionnement pour le développement de plateforme(s) d'économie circulaire dans le BTP", buyer: 'EST ENSEMBLE', mainCpv: '79311000', lots: 0, procedure: 'Procédure adaptée', department: '93' },
];

describe('text source on the 42 BOAMP 2020 pages', () => {
  it('has the 42 pages', () => {
    expect(FILES).toHaveLength(42);
  });

  for (const g of GOLDEN) {
    it(`reads ${g.file} (${g.id}) like the page says`, () => {
      const n = load(g.file);
      expect(n.id).toBe(g.id);
      expect(n.title.startsWith(g.title)).toBe(true);
      expect(n.buyer.name).toBe(g.buyer);
      if (g.siret) expect(n.buyer.siret).toBe(g.siret);
      expect(n.deadline).toBe(g.deadline);
      expect(n.estimatedValue?.amount).toBe(g.value);
      expect(n.cpv.find((c) => c.main)?.code).toBe(g.mainCpv);
      expect(n.lots).toHaveLength(g.lots);
      if (g.procedure) expect(n.procedure).toBe(g.procedure);
      if (g.department) expect(n.place.department).toBe(g.department);
    });
  }

  it('reads lots with their own CPV, value and weighted criteria (T455627042, lot 1 and 2)', () => {
    const n = load('T455627042.html');
    const [lot1, lot2] = n.lots;
    expect(lot1?.id).toBe('1');
    expect(lot1?.title).toBe('Lavage intérieur et extérieur des colonnes');
    expect(lot1?.cpv[0]).toMatchObject({ code: '90921000', main: true });
    expect(lot1?.estimatedValue?.amount).toBe(216_000);
    expect(lot1?.criteria).toEqual([
      { type: 'quality', name: 'Valeur technique', weight: 35 },
      { type: 'environmental', name: "Performances en matière de protection de l'environnement", weight: 5 },
      { type: 'price', name: 'PRIX', weight: 60 },
    ]);
    expect(lot2?.estimatedValue?.amount).toBe(20_000);
    expect(lot2?.cpv[0]?.code).toBe('90910000');
  });

  it('reads the insertion award criterion with its weight (T455627051: 5 %; T455776178 lot 2: 10)', () => {
    const a = load('T455627051.html');
    expect(a.criteria).toContainEqual({
      type: 'social',
      name: "Pertinence des mesures proposées pour la réalisation d'heures d'insertion pour l'exécution des prestations du marché",
      weight: 5,
    });
    expect(a.criteria).toContainEqual({ type: 'price', name: 'PRIX', weight: 60 });
    const b = load('T455776178.html');
    expect(b.lots[1]?.criteria).toContainEqual({ type: 'social', name: "Performances en matière d'insertion professionnelle des publics en difficulté", weight: 10 });
  });

  it('reads criteria written as "valeur technique (coefficient de pondération 0.60) : 60 %" (T455753576)', () => {
    expect(load('T455753576.html').criteria).toEqual([
      { type: 'quality', name: 'Valeur technique', weight: 60 },
      { type: 'price', name: 'Prix des prestations', weight: 40 },
    ]);
  });

  it('marks the standard-form reservation to sheltered workshops and insertion operators, and only that', () => {
    expect(load('T455776160.html').reserved).toBe('siae-or-disability');
    // "Le marché est réservé aux entreprises d'assurances" is a profession reservation, not a social one.
    for (const trap of ['T455628191.html', 'T455643640.html', 'T455732454.html', 'T455775576.html', 'T455776239.html']) {
      expect(load(trap).reserved, trap).toBe('unknown');
    }
    // Empty "III.1.5) Informations sur les marchés réservés :" says nothing.
    expect(load('T455776232.html').reserved).toBe('unknown');
    // MAPA form "Marché réservé : non."
    expect(load('T455651775.html').reserved).toBe('none');
  });

  it('reads the additional CPV of the MAPA form ("Objets supplémentaires : 80530000.")', () => {
    const n = load('T455767578.html');
    expect(n.cpv).toEqual([
      { code: '85312300', main: true },
      { code: '80530000', main: false },
    ]);
  });

  describe('invariants on every page', () => {
    for (const file of FILES) {
      it(file, () => {
        const n = load(file);
        expect(NoticeSchema.safeParse(n).success).toBe(true);
        expect(n.source).toBe('text');
        expect(n.id).toMatch(/^20-\d+$/);
        expect(n.title.length).toBeGreaterThan(5);
        expect(n.buyer.name.length).toBeGreaterThan(1);
        expect(n.noticeType).toBe('contract');
        expect(n.publishedAt).toMatch(/^2020-08-\d{2}$/);
        if (n.deadline) expect(n.deadline).toMatch(/^2020-(?:09|10)-\d{2}T\d{2}:\d{2}:00\+02:00$/);
        expect(n.cpv.filter((c) => c.main)).toHaveLength(1);
        expect(n.fullText).toContain(n.id);
        expect(n.fullText).not.toMatch(/<script|function\s*\(|googleTranslateElementInit/);
        const lotIds = n.lots.map((l) => l.id);
        expect(new Set(lotIds).size).toBe(lotIds.length);
        for (const c of [...n.criteria, ...n.lots.flatMap((l) => l.criteria)]) {
          if (c.weight !== undefined) expect(c.weight).toBeLessThanOrEqual(100);
        }
      });
    }
  });

  it('detects the pages as notices', () => {
    const doc = new DOMParser().parseFromString(readFileSync(join(DIR, 'T455776160.html'), 'utf8'), 'text/html') as unknown as Document;
    expect(textSource.detect(doc, new URL('https://example.org/'))).toBe('notice');
    const empty = new DOMParser().parseFromString('<p>Bonjour</p>', 'text/html') as unknown as Document;
    expect(textSource.detect(empty, new URL('https://example.org/'))).toBeNull();
  });
});
