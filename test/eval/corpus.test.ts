import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoticeSchema } from '@/lib/notice/schema';
import {
  LABELLED_DIR,
  LemarcheTenderSchema,
  boampObjetRecordToNotice,
  fixtureFamilies,
  lemarcheTenderToNotice,
  parseBoampObjetRecords,
  parseDecpMarches,
} from '@/lib/cli/corpus';

const notices = join(LABELLED_DIR, 'notices');

describe('corpus adapters (text path for records without a parser of their own)', () => {
  it('turns every 6-field BOAMP record of the labelled subset into a valid text Notice', () => {
    const list = parseBoampObjetRecords(readFileSync(join(notices, 'boamp-objets/boamp-objets_2017-2024.json'), 'utf8'));
    expect(list).toHaveLength(103);
    for (const n of list) expect(NoticeSchema.safeParse(n).success).toBe(true);
    // 18-157933, read in the record: objet and publication date.
    const n = list.find((x) => x.id === '18-157933');
    expect(n?.title).toBe('Accompagnement socio-professionnel des salariés en insertion 2019-2020');
    expect(n?.fullText).toBe(n?.title);
    expect(n?.url).toBe('https://www.boamp.fr/pages/avis/?q=idweb:18-157933');
    expect(n?.source).toBe('text');
  });

  it('keeps a record without objet or date valid (empty title, no date)', () => {
    const n = boampObjetRecordToNotice({ idweb: '24-1', objet: null, dateparution: 'hier' });
    expect(NoticeSchema.safeParse(n).success).toBe(true);
    expect(n.title).toBe('');
    expect(n.publishedAt).toBeUndefined();
  });

  it('returns no notice for broken JSON or a non-array instead of throwing', () => {
    expect(parseBoampObjetRecords('{not json')).toEqual([]);
    expect(parseBoampObjetRecords('{"idweb":"1"}')).toEqual([]);
  });

  it('maps le Marché de l\u2019inclusion tenders (the 2 platform dev fixtures) to text Notices', () => {
    const raw: unknown = JSON.parse(readFileSync(join(notices, 'lemarche/10_tenders.json'), 'utf8'));
    const tenders = (raw as unknown[]).map((t) => LemarcheTenderSchema.parse(t));
    const list = tenders.map((t) => lemarcheTenderToNotice(t, ['Espaces verts']));
    expect(list[0]?.title).toBe('Entretien des espaces verts de la commune de Grenoble (clôturé)');
    expect(list[0]?.deadline).toBe('2023-12-31');
    expect(list[0]?.publishedAt).toBe('2021-01-02');
    expect(list[0]?.fullText).toContain('Espaces verts');
    expect(list[0]?.reserved).toBe('unknown');
    for (const n of list) expect(NoticeSchema.safeParse(n).success).toBe(true);
  });

  it('lists the fixture families a fresh clone can bench', () => {
    const ids = fixtureFamilies().map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['portal-html', 'boamp-api-json', 'boamp-xml-v230', 'eforms-xml']));
    for (const f of fixtureFamilies()) expect(f.files.length).toBeGreaterThan(0);
  });
});

describe('DECP adapter (award data, official format v2 example)', () => {
  it('maps the example contracts to award Notices with the DECP social markers', () => {
    const list = parseDecpMarches(readFileSync(join(notices, 'decp/marches_avec_modifications.json'), 'utf8'));
    expect(list).toHaveLength(2);
    const n = list[0];
    // Values read in the file: id TEST2022, CPV 45000000-7, lieu 75000, montant 575000, titulaire 55204599900869.
    expect(n?.id).toBe('decp-TEST2022');
    expect(n?.noticeType).toBe('award');
    expect(n?.cpv).toEqual([{ code: '45000000', main: true }]);
    expect(n?.place.department).toBe('75');
    expect(n?.buyer.siret).toBe('21750001630066');
    expect(n?.socialSignals).toEqual(['decp:Clause sociale', 'decp:Critère social']);
    expect(n?.awards?.[0]).toEqual({ winner: '55204599900869', siret: '55204599900869', amount: { amount: 575000, currency: 'EUR' } });
    expect(n?.publishedAt).toBe('2024-05-25');
    for (const x of list) expect(NoticeSchema.safeParse(x).success).toBe(true);
  });

  it('returns no notice for JSON that is not a DECP marches file', () => {
    expect(parseDecpMarches('{"marches":{}}')).toEqual([]);
    expect(parseDecpMarches('[1,2')).toEqual([]);
  });
});
