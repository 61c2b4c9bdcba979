/**
 * Robustness: truncated and mutated real records (`donnees` strings, whole JSON texts, DILA XML) never make the
 * parsers throw; they give a schema-valid partial Notice, with warnings when something was lost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoticeSchema } from '@/lib/notice/schema';
import { parseBoampRecord, parseBoampRecords, parseBoampXml } from '@/lib/sources/boamp';

const FIX = join(__dirname, '../../../fixtures/boamp');
const lines = readFileSync(join(FIX, 'records/pdl-digital-selection.jsonl'), 'utf8').trim().split('\n');
const records = [
  ...lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  ...(JSON.parse(readFileSync(join(FIX, 'records/exports-json_2026-01_pdl_4full_TRANSCRIBED.json'), 'utf8')) as Record<string, unknown>[]),
  ...(JSON.parse(readFileSync(join(FIX, 'records/v21-records_2024-07_MAPA_2full.json'), 'utf8')) as { results: Record<string, unknown>[] }).results,
];
const xml = readFileSync(join(FIX, 'xml/test-pub.xml'), 'utf8');

describe('BOAMP parsers never throw', () => {
  it('truncated donnees: partial Notice with a warning, top-level fields kept', () => {
    fc.assert(
      fc.property(fc.nat(records.length - 1), fc.double({ min: 0, max: 0.999, noNaN: true }), (i, cut) => {
        const r = records[i] ?? {};
        const donnees = String(r.donnees);
        const n = parseBoampRecord({ ...r, donnees: donnees.slice(0, Math.floor(donnees.length * cut)) });
        expect(NoticeSchema.safeParse(n).success).toBe(true);
        expect(n.id).toBe(r.idweb);
        expect(n.raw.warnings?.some((w) => w.includes('donnees'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('mutated donnees JSON (values replaced by odd types) still parses', () => {
    const odd = fc.oneof(fc.constant(null), fc.constant(''), fc.integer(), fc.string(), fc.array(fc.string()), fc.constant({}), fc.constant([[]]));
    fc.assert(
      fc.property(fc.nat(records.length - 1), fc.nat(), odd, (i, seed, replacement) => {
        const r = records[i] ?? {};
        const d: unknown = JSON.parse(String(r.donnees));
        // Replace the seed-th node of the tree by an odd value.
        let k = 0;
        const target = seed % 200;
        const mutate = (v: unknown): unknown => {
          if (k++ === target) return replacement;
          if (Array.isArray(v)) return v.map(mutate);
          if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([key, c]) => [key, mutate(c)]));
          return v;
        };
        const n = parseBoampRecord({ ...r, donnees: JSON.stringify(mutate(d)) });
        expect(NoticeSchema.safeParse(n).success).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('mutated top-level fields and garbage inputs', () => {
    fc.assert(
      fc.property(fc.nat(records.length - 1), fc.dictionary(fc.constantFrom('idweb', 'objet', 'dateparution', 'datelimitereponse', 'code_departement', 'criteres', 'titulaire', 'nature', 'gestion', 'famille'), fc.anything()), (i, over) => {
        const n = parseBoampRecord({ ...(records[i] ?? {}), ...over });
        expect(NoticeSchema.safeParse(n).success).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(NoticeSchema.safeParse(parseBoampRecord(v)).success).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => parseBoampRecords(s)).not.toThrow();
      }),
    );
  });

  it('truncated and corrupted XML: partial Notice with warnings', () => {
    fc.assert(
      fc.property(fc.nat(xml.length), fc.string({ maxLength: 5 }), (cut, junk) => {
        const n = parseBoampXml(xml.slice(0, cut) + junk);
        expect(NoticeSchema.safeParse(n).success).toBe(true);
        if (cut < xml.length - 20) expect((n.raw.warnings ?? []).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a truncated JSONL file keeps the complete records', () => {
    const text = lines.slice(0, 5).join('\n');
    const cut = text.slice(0, text.length - 100);
    const notices = parseBoampRecords(cut);
    expect(notices.length).toBe(4);
  });
});
