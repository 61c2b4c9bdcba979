/**
 * Golden test: 67 real BOAMP records (every family: legacy v110/v230/v240 and schema-less, FNSimple, MAPA,
 * eForms, DILA XML; with lots, social criteria, awards, corrections) against expectations from an independent
 * reading of the same records (test/fixtures/boamp/golden/read_expected.py, hand-checked where it disagreed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoticeSchema, type Notice } from '@/lib/notice/schema';
import { parseBoampRecords, parseBoampXml } from '@/lib/sources/boamp';

const FIX = join(__dirname, '../../../fixtures/boamp');

interface Expected {
  id: string;
  file?: string;
  noticeType: Notice['noticeType'];
  publishedAt: string;
  title: string;
  buyerName: string | null;
  socialCriteres: boolean;
  lotIds: string[];
  deadline?: string;
  cpvMain?: string;
  estimatedValue?: number;
  siret?: string;
  criteria?: [string, number | null][];
  reserved: 'none' | 'unknown' | 'reserved';
  winners?: string[];
}

function load(name: string): Expected[] {
  return JSON.parse(readFileSync(join(FIX, 'golden', `${name}.expected.json`), 'utf8')) as Expected[];
}

function compare(n: Notice, e: Expected): void {
  expect(() => NoticeSchema.parse(n)).not.toThrow();
  expect(n.id).toBe(e.id);
  expect(n.url).toBe(`https://www.boamp.fr/pages/avis/?q=idweb:${e.id}`);
  expect(n.noticeType).toBe(e.noticeType);
  expect(n.publishedAt).toBe(e.publishedAt);
  expect(n.title).toBe(e.title);
  if (e.buyerName) expect(n.buyer.name).toBe(e.buyerName);
  expect(n.socialSignals.includes('criteres:sociaux')).toBe(e.socialCriteres);
  expect(n.lots.map((l) => l.id)).toEqual(e.lotIds);
  expect(n.deadline).toBe(e.deadline);
  if (e.cpvMain) expect(n.cpv.find((c) => c.main)?.code).toBe(e.cpvMain);
  if (e.estimatedValue) expect(n.estimatedValue?.amount).toBe(e.estimatedValue);
  if (e.siret) expect(n.buyer.siret).toBe(e.siret);
  if (e.criteria) {
    expect(n.criteria.map((c) => [c.name, c.weight ?? null])).toEqual(e.criteria);
  }
  if (e.reserved === 'reserved') expect(['siae', 'disability', 'siae-or-disability', 'ess']).toContain(n.reserved);
  else expect(n.reserved).toBe(e.reserved);
  if (e.winners) expect((n.awards ?? []).map((a) => a.winner)).toEqual(e.winners);
  expect(n.fullText).toContain(n.title);
}

const API_FILES: [string, string][] = [
  ['pdl-digital-selection', 'records/pdl-digital-selection.jsonl'],
  ['v21-records_2024-07_MAPA_2full', 'records/v21-records_2024-07_MAPA_2full.json'],
  ['exports-json_2026-01_pdl_4full_TRANSCRIBED', 'records/exports-json_2026-01_pdl_4full_TRANSCRIBED.json'],
  ['v21-records_2006_v110_20full', 'records/v21-records_2006_v110_20full.json'],
];

describe('BOAMP golden records', () => {
  let total = 0;
  for (const [name, file] of API_FILES) {
    const expected = load(name);
    const notices = new Map(parseBoampRecords(readFileSync(join(FIX, file), 'utf8')).map((n) => [n.id, n]));
    for (const e of expected) {
      total++;
      it(`${name} · ${e.id}`, () => {
        const n = notices.get(e.id);
        expect(n, `notice ${e.id} parsed`).toBeDefined();
        if (n) compare(n, e);
      });
    }
  }
  for (const e of load('xml')) {
    total++;
    it(`xml · ${e.file ?? e.id}`, () => {
      compare(parseBoampXml(readFileSync(join(FIX, 'xml', e.file ?? ''), 'utf8')), e);
    });
  }
  it('covers at least 40 records', () => {
    expect(total).toBeGreaterThanOrEqual(40);
  });
});
