/**
 * Whole-corpus test: every BOAMP record of the shared corpus (../shared/corpus, when present; the copies in
 * test/fixtures/boamp otherwise) parses without throwing, passes NoticeSchema and meets the structural
 * invariants; prints the per-family field coverage.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoticeSchema, type Notice } from '@/lib/notice/schema';
import { parseBoampXml, splitBoampRecords, parseBoampRecord } from '@/lib/sources/boamp';
import { fieldCoverage, formatCoverage } from '@/lib/sources/boamp/coverage';
import { asArray, child } from '@/lib/sources/boamp/records/xml-json';

const SHARED = resolve(__dirname, '../../../../../shared/corpus/boamp');
const FIX = join(__dirname, '../../../fixtures/boamp');
const useShared = existsSync(join(SHARED, 'api-records'));
const apiDir = useShared ? join(SHARED, 'api-records') : join(FIX, 'records');
const xmlDir = useShared ? join(SHARED, 'legacy-xml-v230') : join(FIX, 'xml');
// Includes the 10 000-record 6-field export (no donnees: read from the top-level fields alone).
const apiFiles = readdirSync(apiDir).filter((f) => /\.(json|jsonl)$/.test(f));

/** How many lots the record itself declares, read straight from donnees (the invariant's reference). */
function recordLotCount(record: unknown): number | undefined {
  const f = (record as { donnees?: unknown }).donnees;
  if (typeof f !== 'string') return undefined;
  const d: unknown = JSON.parse(f);
  const candidates = [
    child(d, 'OBJET', 'LOTS', 'LOT'),
    child(d, 'FNSimple', 'initial', 'lots', 'lot'),
    child(d, 'MAPA', 'initial', 'lots', 'lot'),
    child(d, 'LOTS', 'NUM_LOT'),
  ];
  const eforms = child(d, 'EFORMS');
  if (eforms && typeof eforms === 'object') for (const v of Object.values(eforms)) candidates.push(child(v, 'cac:ProcurementProjectLot'));
  return candidates.reduce<number>((max, c) => Math.max(max, asArray(c).length), 0);
}

function checkInvariants(n: Notice, record?: unknown): string[] {
  const problems: string[] = [];
  if (!NoticeSchema.safeParse(n).success) problems.push('schema');
  if (n.title.trim() === '') problems.push('empty title');
  if (record !== undefined) {
    const count = recordLotCount(record);
    if (count !== undefined && count !== n.lots.length) problems.push(`lots ${n.lots.length} ≠ ${count}`);
  }
  for (const c of [...n.cpv, ...n.lots.flatMap((l) => l.cpv)]) if (!/^\d{8}$/.test(c.code)) problems.push(`cpv ${c.code}`);
  if (n.cpv.filter((c) => c.main).length > 1) problems.push('several main CPV');
  const amounts = [n.estimatedValue, ...n.lots.map((l) => l.estimatedValue), ...(n.awards ?? []).map((a) => a.amount)];
  for (const m of amounts) if (m && !(m.amount > 0)) problems.push(`amount ${m.amount}`);
  if (n.deadline && n.publishedAt && n.deadline.slice(0, 10) < n.publishedAt) problems.push('deadline before publication');
  for (const c of [...n.criteria, ...n.lots.flatMap((l) => l.criteria)]) {
    if (c.weight !== undefined && (c.weight < 0 || c.weight > 100)) problems.push(`weight ${c.weight}`);
  }
  return problems;
}

describe(`BOAMP whole corpus (${useShared ? 'shared corpus' : 'fixture copies'})`, () => {
  const all: Notice[] = [];
  for (const file of apiFiles) {
    it(`${file}: every record parses and meets the invariants`, () => {
      const { records } = splitBoampRecords(readFileSync(join(apiDir, file), 'utf8'));
      expect(records.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const r of records) {
        const n = parseBoampRecord(r);
        all.push(n);
        const problems = checkInvariants(n, r);
        if (problems.length > 0) failures.push(`${n.id}: ${problems.join(', ')}`);
      }
      expect(failures).toEqual([]);
    });
  }
  it('DILA XML: every notice parses and meets the invariants', () => {
    const files = readdirSync(xmlDir).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBe(19);
    const failures: string[] = [];
    for (const f of files) {
      const n = parseBoampXml(readFileSync(join(xmlDir, f), 'utf8'));
      all.push(n);
      const problems = checkInvariants(n);
      if (n.id === 'inconnu') problems.push('no id');
      if (problems.length > 0) failures.push(`${f}: ${problems.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });
  it('coverage per field per family (printed)', () => {
    const coverage = fieldCoverage(all);
    console.log(`\nCouverture des champs BOAMP par famille (${all.length} avis)\n${formatCoverage(coverage)}`);
    const byFamily = new Map(coverage.map((c) => [c.family, c]));
    // Fields every family must give (they come from the top-level fields when donnees lacks them).
    for (const c of coverage) {
      expect(c.fields.title, c.family).toBe(1);
      expect(c.fields.publishedAt, c.family).toBe(1);
      expect(c.fields.fullText, c.family).toBe(1);
    }
    expect(byFamily.get('top-level')?.count ?? 0).toBe(useShared ? 10_000 : 0);
    // Deadlines belong to contract notices (awards and corrections have none): measure them there, so the share
    // means the same on the whole corpus and on the small fixture copies.
    const fnsContracts = all.filter((n) => n.raw.format === 'boamp-api:FNSimple' && n.noticeType === 'contract');
    expect(fnsContracts.length).toBeGreaterThan(0);
    expect(fnsContracts.filter((n) => n.deadline).length / fnsContracts.length).toBeGreaterThan(0.9);
    // CPV share of the legacy API records (the DILA XML test files often have none in the notice itself).
    const legacyApi = all.filter((n) => n.raw.format === 'boamp-api:legacy-v230');
    expect(legacyApi.length).toBeGreaterThan(0);
    expect(legacyApi.filter((n) => n.cpv.length > 0).length / legacyApi.length).toBeGreaterThan(0.95);
  });
});
