import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DOMParser } from 'linkedom';
import { NoticeSchema } from '@/lib/notice/schema';
import { extractFromDocument, extractFromText, textSource, visibleText } from '@/lib/sources/text';
import { parseCriterionLine } from '@/lib/sources/text/criteria';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

// A pasted notice in the shape of the MAPA / FNSimple text (hand-written, SYNTHETIC: labels as notices write them).
const PASTED = `Avis d'appel public à la concurrence
Nom et adresse officiels de l'organisme acheteur : Ville de Montreuil.
Objet du marché : Entretien des espaces verts et nettoyage des cours d'immeubles.
Code CPV principal : 77310000-6 Réalisation et entretien d'espaces verts
Objets supplémentaires : 90910000-9
Lieu d'exécution : Montreuil (93100).
Procédure adaptée ouverte.
Valeur estimée hors TVA : entre 40 000 et 90 000 €
Lot n° 1 : Espaces verts du quartier Bel-Air
Code CPV : 77310000
Montant estimatif : 30 000 € HT
LOT 2 - Nettoyage des cours
Critères d'attribution :
Prix : 40 %
1. Valeur technique (60 %)
Date limite de réception des offres : lundi 5 octobre 2026 à 12 h 00
Le marché est réservé aux structures d'insertion par l'activité économique (article L. 2113-13 du code de la commande publique).`;

describe('extractFromText on a pasted notice', () => {
  const n = extractFromText(PASTED, 'https://example.org/avis/42');
  it('reads the labelled fields', () => {
    expect(n.title).toBe("Entretien des espaces verts et nettoyage des cours d'immeubles.");
    expect(n.buyer.name).toBe('Ville de Montreuil');
    expect(n.noticeType).toBe('contract');
    expect(n.procedure).toBe('Procédure adaptée ouverte');
    expect(n.deadline).toBe('2026-10-05T12:00:00+02:00');
    expect(n.estimatedValue).toEqual({ amount: 40_000, currency: 'EUR', max: 90_000 });
    expect(n.cpv[0]).toEqual({ code: '77310000', main: true, label: "Réalisation et entretien d'espaces verts" });
    expect(n.cpv.map((c) => c.code)).toContain('90910000');
    expect(n.cpv.filter((c) => c.main)).toHaveLength(1);
    expect(n.place.department).toBe('93');
    expect(n.contractNature).toBe('services');
    expect(n.reserved).toBe('siae');
    expect(n.id).toBe('example.org:42');
    expect(n.raw.format).toBe('text:plain');
    expect(n.fullText).toContain('L. 2113-13');
  });
  it('reads lot headings "Lot n° 1 : …" and "LOT 2 - …"', () => {
    expect(n.lots.map((l) => [l.id, l.title])).toEqual([
      ['1', 'Espaces verts du quartier Bel-Air'],
      ['2', 'Nettoyage des cours'],
    ]);
    expect(n.lots[0]?.estimatedValue?.amount).toBe(30_000);
    expect(n.lots[0]?.cpv[0]?.code).toBe('77310000');
  });
  it('reads criteria with weights', () => {
    const all = [...n.criteria, ...n.lots.flatMap((l) => l.criteria)];
    expect(all).toContainEqual({ type: 'price', name: 'Prix', weight: 40 });
    expect(all).toContainEqual({ type: 'quality', name: 'Valeur technique', weight: 60 });
  });
  it('is valid against the Notice schema', () => {
    expect(NoticeSchema.safeParse(n).success).toBe(true);
  });
});

describe('criteria lines', () => {
  it('reads the written forms', () => {
    expect(parseCriterionLine('Prix : 40 %')).toEqual({ type: 'price', name: 'Prix', weight: 40 });
    expect(parseCriterionLine('1. Valeur technique (60 %)')).toEqual({ type: 'quality', name: 'Valeur technique', weight: 60 });
    expect(parseCriterionLine('1. Valeur technique / Pondération : 30.0')).toEqual({ type: 'quality', name: 'Valeur technique', weight: 30 });
    expect(parseCriterionLine("Critère 4 : Pertinence des mesures proposées pour la réalisation d'heures d'insertion / Pondération : 5")).toEqual({
      type: 'social',
      name: "Pertinence des mesures proposées pour la réalisation d'heures d'insertion",
      weight: 5,
    });
    expect(parseCriterionLine('- valeur technique (coefficient de pondération 0.60) : 60 %;')).toEqual({ type: 'quality', name: 'valeur technique', weight: 60 });
    expect(parseCriterionLine('Coût global / Pondération : 50')?.type).toBe('cost');
    expect(parseCriterionLine('Performances en matière de protection de l\'environnement / Pondération : 10')?.type).toBe('environmental');
    expect(parseCriterionLine('Le prix n\'est pas le seul critère d\'attribution')).toBeUndefined();
  });
  it('does not take percentages outside a criteria block for criteria', () => {
    const n = extractFromText('Objet : Travaux de peinture\nAvance : 30 %\nRetenue de garantie : 5 %');
    expect(n.criteria).toEqual([]);
  });
});

describe('extractFromDocument', () => {
  it('uses visible text only and keeps block line breaks', () => {
    const doc = parse(`<html><head><title>Consultation 2026-17</title><style>.x{}</style><script>var a = "<p>Prix : 99 %</p>";</script></head>
      <body><nav>Menu</nav><h1>Nettoyage des locaux de la mairie annexe</h1>
      <div hidden>Date limite de réception des offres : 01/01/2020</div>
      <table><tr><th>Acheteur :</th><td>Commune de Saint-Denis</td></tr>
      <tr><th>Date limite de réception des offres</th><td>15/12/2026 12:00</td></tr>
      <tr><td>Code CPV principal</td><td>90919200</td></tr></table>
      <p>Critères d'attribution :<br>Prix : 40 %<br>Valeur technique : 60 %</p></body></html>`);
    const text = visibleText(doc);
    expect(text).not.toContain('var a');
    expect(text).not.toContain('01/01/2020');
    expect(text).toContain('Acheteur : | Commune de Saint-Denis');
    const n = extractFromDocument(doc, new URL('https://mairie.example/consultations/17'));
    expect(n.title).toBe('Nettoyage des locaux de la mairie annexe');
    expect(n.buyer.name).toBe('Commune de Saint-Denis');
    expect(n.deadline).toBe('2026-12-15T12:00:00+01:00');
    expect(n.cpv).toEqual([{ code: '90919200', main: true }]);
    expect(n.criteria).toEqual([
      { type: 'price', name: 'Prix', weight: 40 },
      { type: 'quality', name: 'Valeur technique', weight: 60 },
    ]);
    expect(n.raw.format).toBe('html:text');
    expect(n.reserved).toBe('unknown');
  });

  it('is the fallback source: no URL patterns of its own', () => {
    expect(textSource.id).toBe('text');
    expect(textSource.matches).toEqual([]);
  });

  it('gives an id even to an empty page', () => {
    const n = extractFromDocument(parse(''), undefined);
    expect(n.id).toMatch(/^text:[0-9a-f]{8}$/);
    expect(NoticeSchema.safeParse(n).success).toBe(true);
  });
});

describe('never throws (property tests)', () => {
  const labelWords = fc.constantFrom(
    'Objet du marché :', 'Date limite de réception des offres :', 'Lot n° 1 :', 'LOT 2 -', 'Valeur estimée hors TVA :', 'Code CPV principal :',
    'Critères d\'attribution :', 'Prix : 40 %', '90910000-9', '15 septembre 2020 à 12 h 00', 'II.2) | DESCRIPTION', 'Lot nº : 3', 'I.1) | NOM ET ADRESSES',
    'Le marché est réservé', 'Code NUTS : FR106', '\n', ' | ', '€', 'HT', 'entre', 'et',
  );
  const noisyText = fc.array(fc.oneof(labelWords, fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 10 })), { maxLength: 60 }).map((a) => a.join(' '));

  it('extractFromText returns a valid Notice for any text', () => {
    fc.assert(
      fc.property(noisyText, (text) => {
        const n = extractFromText(text, 'https://example.org/x');
        expect(NoticeSchema.safeParse(n).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('extractFromDocument returns a valid Notice for any HTML-ish input', () => {
    const tag = fc.constantFrom('div', 'p', 'table', 'tr', 'td', 'h1', 'script', 'style', 'br', 'li', 'span', 'title');
    const html = fc
      .array(fc.oneof(tag.map((t) => `<${t}>`), tag.map((t) => `</${t}>`), labelWords, fc.string({ maxLength: 20 })), { maxLength: 80 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(html, (h) => {
        const n = extractFromDocument(parse(h), new URL('https://example.org/'));
        expect(NoticeSchema.safeParse(n).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('survives deep nesting without a stack overflow', () => {
    const deep = `${'<div>'.repeat(5000)}Objet du marché : X${'</div>'.repeat(5000)}`;
    const n = extractFromDocument(parse(deep), undefined);
    expect(NoticeSchema.safeParse(n).success).toBe(true);
  });
});

describe('repairNotice', () => {
  it('drops or resets only the fields that break the contract', async () => {
    const { repairNotice } = await import('@/lib/sources/text/extract');
    const base = extractFromText('Objet du marché : Peinture des halls\nCode CPV principal : 45442100');
    const broken = {
      ...base,
      place: { department: 'ZZ' },
      lots: [
        { id: '1', title: 'ok', cpv: [], criteria: [] },
        { id: '2', title: 'bad', cpv: [{ code: 'x', main: true }], criteria: [] },
      ],
    };
    const warnings: string[] = [];
    const fixed = repairNotice(broken, warnings);
    expect(NoticeSchema.safeParse(fixed).success).toBe(true);
    expect(fixed.title).toBe('Peinture des halls');
    expect(fixed.cpv[0]?.code).toBe('45442100');
    expect(fixed.place).toEqual({});
    expect(fixed.lots.map((l) => l.id)).toEqual(['1']);
    expect(warnings.length).toBeGreaterThanOrEqual(2);
  });
});

describe('lots in a table', () => {
  it('reads "Lot 1 | titre | montant" rows', () => {
    const doc = parse(`<h1>Entretien des espaces extérieurs des résidences</h1><table>
      <tr><th>Lot</th><th>Intitulé</th><th>Montant estimé</th></tr>
      <tr><td>Lot 1</td><td>Tonte et taille</td><td>45 000 € HT</td></tr>
      <tr><td>Lot 2</td><td>Ramassage des encombrants</td><td>30 000 € HT</td></tr></table>`);
    const n = extractFromDocument(doc, undefined);
    expect(n.lots.map((l) => [l.id, l.title])).toEqual([
      ['1', 'Tonte et taille'],
      ['2', 'Ramassage des encombrants'],
    ]);
    expect(n.lots.map((l) => l.estimatedValue?.amount)).toEqual([45_000, 30_000]);
  });
});
