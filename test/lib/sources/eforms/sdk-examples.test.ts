/**
 * Golden tests on the 15 official eForms SDK 1.15.1 example notices. Expected values were read in the XML files
 * (and checked with an independent ElementTree reading of the SDK XPaths), not produced by the parser.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { NoticeSchema, type Notice } from '@/lib/notice/schema';
import { isEformsXml, mapEforms, parseEformsDocument, parseEformsXml } from '@/lib/sources/eforms';
import { xmlToTree } from '@/lib/sources/eforms/xml-tree';

const DIR = join(__dirname, '../../../fixtures/eforms/sdk');
const read = (f: string): string => readFileSync(join(DIR, f), 'utf8');
const parse = (f: string): Notice => parseEformsXml(read(f));
const weights = (n: Notice, lot: number): Array<[string, number | undefined]> =>
  n.lots[lot]!.criteria.map((c) => [c.type, c.weight]);

describe('eForms SDK examples: every file', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.xml'));
  it('has the 15 examples', () => expect(files).toHaveLength(15));
  for (const f of files) {
    it(`${f}: is eForms, parses to a valid Notice, no reader warning`, () => {
      const xml = read(f);
      expect(isEformsXml(xml)).toBe(true);
      const n = parseEformsXml(xml);
      expect(() => NoticeSchema.parse(n)).not.toThrow();
      expect(n.source).toBe('ted');
      expect(n.raw.format).toBe('eforms-xml');
      expect((n.raw.warnings ?? []).filter((w) => w.startsWith('xml:'))).toEqual([]);
      expect(n.title.length).toBeGreaterThan(0);
      expect(n.lots.length).toBeGreaterThan(0);
    });
    it(`${f}: the DOM adapter (linkedom) gives the same Notice as the built-in reader`, () => {
      const xml = read(f);
      const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
      expect(parseEformsDocument(doc)).toEqual(parseEformsXml(xml));
    });
  }
});

describe('cn_24_FRA_comments.xml (Rouen Habitat, green spaces, 2 lots)', () => {
  const n = parse('cn_24_FRA_comments.xml');
  it('identity, type, procedure', () => {
    expect(n.id).toBe('da4d46e9-490b-41ff-a2ae-8166d356a619-01');
    expect(n.noticeType).toBe('contract');
    expect(n.procedure).toBe('Procédure ouverte');
    expect(n.contractNature).toBe('services');
    expect(n.publishedAt).toBe('2019-05-10');
  });
  it('French title, buyer (CompanyID of 9 digits is not a SIRET), place with département', () => {
    expect(n.title).toBe("Service d'entretien de remise en état et de nettoyage des espaces verts");
    expect(n.buyer).toEqual({ name: 'Rouen Habitat', kind: 'public-body' });
    expect(n.place).toEqual({ nuts: 'FRD22', department: '76' });
  });
  it('lots, CPV, deadline with its offset, reservation none, criteria 60/40', () => {
    expect(n.lots.map((l) => l.id)).toEqual(['LOT-0001', 'LOT-0002']);
    expect(n.lots[0]!.title).toBe('Agence centre');
    expect(n.cpv).toEqual([{ code: '77310000', main: true }]);
    expect(n.deadline).toBe('2019-06-24T18:00:00+02:00'); // XML: 2019-06-24Z 16:00:00Z, shown in Paris time
    expect(n.reserved).toBe('none');
    expect(n.lots.map((l) => l.reserved)).toEqual(['none', 'none']);
    expect(weights(n, 0)).toEqual([['price', 60], ['quality', 40]]);
    expect(n.socialSignals).toEqual([]);
  });
});

describe('deadline offsets', () => {
  it('mapEforms keeps the XML offset; the Notice shows the same instant in Paris time', () => {
    const root = xmlToTree(read('cn_24_FRA_comments.xml')).root!;
    expect(mapEforms(root).deadline).toBe('2019-06-24T16:00:00Z');
    expect(Date.parse(parse('cn_24_FRA_comments.xml').deadline!)).toBe(Date.parse('2019-06-24T16:00:00Z'));
  });
});

describe('can_24_FRA_comments.xml (award of the same procedure)', () => {
  const n = parse('can_24_FRA_comments.xml');
  it('award notice with winners and amounts per lot', () => {
    expect(n.noticeType).toBe('award');
    expect(n.awards).toEqual([
      { lotId: 'LOT-0001', winner: 'Espaces Verts Lemire', amount: { amount: 95414, currency: 'EUR' } },
      { lotId: 'LOT-0002', winner: 'ID Verde SASU', amount: { amount: 26500, currency: 'EUR' } },
    ]);
  });
  it('per-lot criteria differ (40/60 then 60/40); reservation unknown (BT-71 is forbidden in award notices)', () => {
    expect(weights(n, 0)).toEqual([['price', 40], ['quality', 60]]);
    expect(weights(n, 1)).toEqual([['price', 60], ['quality', 40]]);
    expect(n.reserved).toBe('unknown');
  });
});

describe('can_24_minimal.xml / cn_24_minimal.xml', () => {
  it('CAN minimal: single LOT-0000, one price criterion weighted only in its text ("contribue for 40 %"), one winner', () => {
    const n = parse('can_24_minimal.xml');
    expect(n.lots.map((l) => l.id)).toEqual(['LOT-0000']);
    expect(weights(n, 0)).toEqual([['price', 40]]);
    expect(n.awards?.map((a) => [a.lotId, a.winner, a.amount?.amount])).toEqual([['LOT-0000', 'Espaces Verts Lemire', 95414]]);
  });
  it('CN minimal: LOT-0000, deadline +02:00, CPV 72230000, NUTS FRD22', () => {
    const n = parse('cn_24_minimal.xml');
    expect(n.lots.map((l) => l.id)).toEqual(['LOT-0000']);
    expect(n.deadline).toBe('2020-02-04T09:00:00+01:00'); // XML: 2020-02-04+02:00 10:00:00+02:00
    expect(n.cpv).toEqual([{ code: '72230000', main: true }]);
    expect(n.place.nuts).toBe('FRD22');
    expect(n.buyer.kind).toBe('other');
  });
});

describe('cn_24_maximal.xml (res-pub-ser, BT-736, BT-06/775, BT-70, lots group)', () => {
  const n = parse('cn_24_maximal.xml');
  it('version 03 in the id; lots group GLO-0001 skipped', () => {
    expect(n.id).toBe('14549263-b47b-4e59-96a1-2d0d13e19343-03');
    expect(n.lots.map((l) => l.id)).toEqual(['LOT-0001', 'LOT-0002']);
  });
  it('BT-71 res-pub-ser on LOT-0001 only → ess; notice reserved ess', () => {
    expect(n.lots.map((l) => l.reserved)).toEqual(['ess', 'none']);
    expect(n.reserved).toBe('ess');
  });
  it('signals, strategic codes and execution conditions', () => {
    expect(n.socialSignals).toEqual(
      expect.arrayContaining(['BT-71:res-pub-ser', 'BT-736:yes', 'BT-06:env-imp', 'BT-775:acc-all', 'BT-774:clim-mitig', 'BT-776:proc-innov']),
    );
    expect(n.lots[0]!.strategic).toEqual(['env-imp', 'acc-all']);
    expect(n.lots[0]!.executionConditions).toBe('Terms Performance ---');
  });
  it('values, CPV, criteria, deadline (requests to participate)', () => {
    expect(n.estimatedValue).toEqual({ amount: 9999999.99, currency: 'EUR' });
    expect(n.lots[0]!.estimatedValue).toEqual({ amount: 9999999.99, currency: 'EUR' });
    expect(n.cpv.map((c) => [c.code, c.main])).toEqual([['79710000', true], ['79720000', false], ['75121000', false]]);
    expect(weights(n, 1)).toEqual([['cost', 60], ['quality', 40]]);
    expect(n.deadline).toBe('2023-05-22T21:59:32+02:00'); // XML: 2023-05-22+01:00 20:59:32+01:00
    expect(n.procedure).toBe('Procédure négociée avec publication préalable / concurrentielle avec négociation');
  });
});

describe('can_24_maximal.xml', () => {
  const n = parse('can_24_maximal.xml');
  it('award, strategic codes kept (allowed in CAN), additional lot CPV, no reservation', () => {
    expect(n.noticeType).toBe('award');
    expect(n.lots.map((l) => l.id)).toEqual(['LOT-0001', 'LOT-0002']);
    expect(n.lots[0]!.strategic).toEqual(['env-imp', 'acc-all']);
    expect(n.lots[0]!.cpv).toEqual([{ code: '75121000', main: true }, { code: '33185200', main: false }]);
    expect(n.reserved).toBe('unknown');
    expect(n.awards?.length).toBeGreaterThan(0);
  });
});

describe('cn_24_open.xml and its change notice', () => {
  it('open CN: 5 weighted criteria, value, CPV', () => {
    const n = parse('cn_24_open.xml');
    expect(weights(n, 0).map((w) => w[1])).toEqual([15, 5, 3, 2, 75]);
    expect(n.estimatedValue).toEqual({ amount: 500000, currency: 'EUR' });
    expect(n.cpv.map((c) => c.code)).toEqual(['71630000', '71314100', '50300000', '31600000']);
    expect(n.deadline).toBe('2020-04-03T13:00:00+02:00'); // XML: 2020-04-03+01:00 12:00:00+01:00
    expect(n.buyer).toEqual({ name: 'Renfrewshire Council', kind: 'local-authority' });
  });
  it('"Community benefits" criteria are read as social', () => {
    const n = parse('cn_24_open.xml');
    expect(n.lots[0]!.criteria.filter((c) => c.type === 'social').length).toBeGreaterThanOrEqual(2);
  });
  it('change notice: correction, moved deadline', () => {
    const n = parse('change-cn_24_open_dates.xml');
    expect(n.noticeType).toBe('correction');
    expect(n.deadline).toBe('2020-06-12T13:00:00+02:00'); // XML: 2020-06-12+01:00 12:00:00+01:00
    expect(n.socialSignals).toContain('eforms:change');
  });
});

describe('cn_24_multilingual.xml', () => {
  const n = parse('cn_24_multilingual.xml');
  it('French texts preferred among 24 languages, English kept in the full text', () => {
    expect(n.title).toBe('Fourniture de services informatiques liés aux systèmes informatiques OP (EUR-Lex, N-Lex, Search Layer, etc.)');
    expect(n.buyer.name).toBe("Office des publications de l'Union européenne");
    expect(n.fullText).toContain('Provision of IT services');
  });
  it('value, weights 70/30, UTC deadline shown in Paris time', () => {
    expect(n.estimatedValue).toEqual({ amount: 4500000, currency: 'EUR' });
    expect(weights(n, 0)).toEqual([['quality', 70], ['price', 30]]);
    expect(n.deadline).toBe('2020-02-03T14:00:00+01:00'); // XML: 2020-02-03Z 13:00:00Z
  });
});

describe('light-regime (social) notices', () => {
  it('cn-social_24: oth-single, social CPVs de-duplicated, weights found in the text (60 %, 40 %)', () => {
    const n = parse('cn-social_24.xml');
    expect(n.procedure).toBe('Autre procédure en une seule étape');
    expect(n.cpv.map((c) => c.code)).toEqual(['85311300', '85310000', '85300000', '85000000', '80000000']);
    expect(weights(n, 0)).toEqual([['quality', 60], ['price', 40]]);
    expect(n.deadline).toBe('2020-01-06T12:00:00+01:00'); // XML: 2020-01-06+01:00 12:00:00+01:00
  });
  it('cn-social_25: BT-775 opp + acc-all without BT-06, BT-736 yes, BWP currency', () => {
    const n = parse('cn-social_25.xml');
    expect(n.lots[0]!.strategic).toEqual(['opp', 'acc-all']);
    expect(n.socialSignals).toEqual(expect.arrayContaining(['eforms:subtype:cn-social', 'BT-775:opp', 'BT-775:acc-all', 'BT-736:yes']));
    expect(n.socialSignals.some((s) => s.startsWith('BT-06:'))).toBe(false);
    expect(n.estimatedValue).toEqual({ amount: 1231, currency: 'BWP' });
    expect(n.contractNature).toBe('supplies');
    expect(n.lots[0]!.reserved).toBe('none');
    expect(n.deadline).toBe('2023-08-11T14:00:00+02:00'); // XML: 2023-08-11+03:00 15:00:00+03:00
  });
  it('can-social_24: 3 lots, the one selected winner (BT-142 selec-w) of LOT-0002', () => {
    const n = parse('can-social_24.xml');
    expect(n.lots.map((l) => [l.id, l.cpv[0]?.code])).toEqual([['LOT-0001', '75210000'], ['LOT-0002', '75210000'], ['LOT-0003', '18000000']]);
    expect(n.awards).toEqual([{ lotId: 'LOT-0002', winner: 'Kapa', amount: { amount: 100000, currency: 'EUR' } }]);
    expect(n.socialSignals).toEqual(['eforms:subtype:can-social']);
  });
  it('pin-cfc-social_24: PIN as call for competition, BT-71 res-ws, BT-630 deadline', () => {
    const n = parse('pin-cfc-social_24.xml');
    expect(n.noticeType).toBe('contract');
    expect(n.lots[0]!.reserved).toBe('siae-or-disability');
    expect(n.reserved).toBe('siae-or-disability');
    expect(n.socialSignals).toEqual(['eforms:subtype:pin-cfc-social', 'BT-71:res-ws']);
    expect(n.deadline).toBe('2023-05-31T14:00:00+02:00'); // XML: 2023-05-31+03:00 15:00:00+03:00 (BT-630)
    expect(n.cpv).toEqual([{ code: '85000000', main: true }]);
  });
  it('pin-rtl_24: prior notice, three social objectives, Greek NUTS without département', () => {
    const n = parse('pin-rtl_24.xml');
    expect(n.noticeType).toBe('prior');
    expect(n.lots[0]!.strategic).toEqual(['et-eq', 'acc-all', 'opp']);
    expect(n.place).toEqual({ nuts: 'EL301' });
    expect(n.deadline).toBeUndefined();
  });
  it('pin-rtl_81: works, res-ws with reserved execution', () => {
    const n = parse('pin-rtl_81.xml');
    expect(n.contractNature).toBe('works');
    expect(n.socialSignals).toEqual(['BT-71:res-ws', 'BT-736:yes']);
    expect(n.cpv).toEqual([{ code: '45520000', main: true }]);
  });
});
