/**
 * Field coverage of parsed notices, per family ("deadline found: 99.6 % of FNSimple records"), for
 * `npm run eval` and the whole-corpus test. The family is the `raw.format` suffix ("boamp-api:FNSimple" →
 * "FNSimple"), so XML and API records of the same schema count together.
 */
import type { Notice } from '@/lib/notice/schema';

export const COVERAGE_FIELDS = [
  'title',
  'description',
  'buyer.name',
  'buyer.siret',
  'buyer.kind',
  'noticeType',
  'procedure',
  'contractNature',
  'publishedAt',
  'deadline',
  'estimatedValue',
  'cpv',
  'place.department',
  'place.nuts',
  'place.city',
  'lots',
  'criteria',
  'criteria.weight',
  'reserved',
  'socialSignals',
  'awards',
  'fullText',
] as const;
export type CoverageField = (typeof COVERAGE_FIELDS)[number];

const PRESENT: Readonly<Record<CoverageField, (n: Notice) => boolean>> = {
  title: (n) => n.title.trim() !== '',
  description: (n) => (n.description ?? '').trim() !== '',
  'buyer.name': (n) => n.buyer.name.trim() !== '',
  'buyer.siret': (n) => n.buyer.siret !== undefined,
  'buyer.kind': (n) => n.buyer.kind !== undefined,
  noticeType: (n) => n.noticeType !== 'other',
  procedure: (n) => n.procedure !== undefined,
  contractNature: (n) => n.contractNature !== undefined,
  publishedAt: (n) => n.publishedAt !== undefined,
  deadline: (n) => n.deadline !== undefined,
  estimatedValue: (n) => n.estimatedValue !== undefined || n.lots.some((l) => l.estimatedValue !== undefined),
  cpv: (n) => n.cpv.length > 0,
  'place.department': (n) => n.place.department !== undefined,
  'place.nuts': (n) => n.place.nuts !== undefined,
  'place.city': (n) => n.place.city !== undefined,
  lots: (n) => n.lots.length > 0,
  criteria: (n) => n.criteria.length > 0 || n.lots.some((l) => l.criteria.length > 0),
  'criteria.weight': (n) => [...n.criteria, ...n.lots.flatMap((l) => l.criteria)].some((c) => c.weight !== undefined),
  reserved: (n) => n.reserved !== 'unknown',
  socialSignals: (n) => n.socialSignals.length > 0,
  awards: (n) => (n.awards ?? []).length > 0,
  fullText: (n) => n.fullText.trim() !== '',
};

export interface FamilyCoverage {
  family: string;
  count: number;
  /** Share (0–1) of notices where the field is filled. */
  fields: Record<CoverageField, number>;
  /** Notices with at least one parser warning. */
  withWarnings: number;
}

export function familyOfNotice(n: Notice): string {
  const i = n.raw.format.indexOf(':');
  return i === -1 ? n.raw.format : n.raw.format.slice(i + 1);
}

export function fieldCoverage(notices: readonly Notice[]): FamilyCoverage[] {
  const groups = new Map<string, Notice[]>();
  for (const n of notices) {
    const f = familyOfNotice(n);
    groups.set(f, [...(groups.get(f) ?? []), n]);
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([family, list]) => {
      const fields = {} as Record<CoverageField, number>;
      for (const field of COVERAGE_FIELDS) fields[field] = list.filter(PRESENT[field]).length / list.length;
      return { family, count: list.length, fields, withWarnings: list.filter((n) => (n.raw.warnings ?? []).length > 0).length };
    });
}

/** A plain-text table (French), one line per field, one column per family. */
export function formatCoverage(coverage: readonly FamilyCoverage[]): string {
  const header = ['champ', ...coverage.map((c) => `${c.family} (${c.count})`)];
  const rows = COVERAGE_FIELDS.map((f) => [
    f,
    ...coverage.map((c) => `${(c.fields[f] * 100).toFixed(1).replace('.', ',')} %`),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
