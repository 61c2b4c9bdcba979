import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadNoticesFromFile } from '@/lib/cli/load-input';
import { emptyNotice, type Notice } from '@/lib/notice/schema';
import { reportToMarkdown, selfCheck } from '@/lib/self-check';
import { SelfCheckReportSchema } from '@/lib/self-check/types';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.(?:json|jsonl|xml|html)$/.test(p) && !/expected|labels|golden/.test(p)) out.push(p);
  }
  return out;
}

describe('selfCheck never throws and always returns a valid report', () => {
  it('on every real notice of the fixtures (and within a time budget per notice)', () => {
    const notices: Notice[] = [];
    for (const dir of ['test/fixtures/boamp', 'test/fixtures/boamp-avis-2020', 'test/fixtures/eforms', 'test/fixtures/atexo', 'test/fixtures/aws']) {
      for (const p of filesUnder(dir)) {
        try {
          notices.push(...loadNoticesFromFile(p));
        } catch {
          // Files that hold no notice (search answers) are not this test's subject.
        }
      }
    }
    expect(notices.length).toBeGreaterThan(100);
    const start = performance.now();
    for (const n of notices) {
      for (const date of [undefined, '2026-09-15']) {
        const r = selfCheck(n, date);
        expect(r.warnings.filter((w) => /erreur interne/.test(w))).toEqual([]);
        expect(SelfCheckReportSchema.safeParse(r).success).toBe(true);
        expect(r.checks).toHaveLength(14);
      }
    }
    const perNotice = (performance.now() - start) / (notices.length * 2);
    console.log(`selfCheck: ${notices.length} real notices, ${perNotice.toFixed(2)} ms per report`);
    expect(perNotice).toBeLessThan(200);
  });

  it('on generated hostile notices (random texts, values, lots, criteria)', () => {
    const text = fc.string({ maxLength: 300 });
    fc.assert(
      fc.property(
        text,
        text,
        fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: undefined }),
        fc.array(fc.record({ title: text, amount: fc.option(fc.double({ min: 0, max: 1e8, noNaN: true }), { nil: undefined }) }), { maxLength: 5 }),
        fc.array(fc.record({ name: text, weight: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }) }), { maxLength: 5 }),
        fc.constantFrom('Procédure adaptée', 'Procédure ouverte', 'Procédure restreinte', '', 'xyz'),
        (title, fullText, value, lots, criteria, procedure) => {
          const n: Notice = {
            ...emptyNotice('text', 'gen', 'https://example.org/', 'generated'),
            noticeType: 'contract',
            title,
            fullText,
            procedure,
            publishedAt: '2026-09-01',
            deadline: '2026-09-20',
            ...(value !== undefined ? { estimatedValue: { amount: value, currency: 'EUR' } } : {}),
            lots: lots.map((l, i) => ({ id: `LOT-${i}`, title: l.title, cpv: [], criteria: [], ...(l.amount !== undefined ? { estimatedValue: { amount: l.amount, currency: 'EUR' } } : {}) })),
            criteria: criteria.map((c) => ({ type: 'other' as const, name: c.name, ...(c.weight !== undefined ? { weight: c.weight } : {}) })),
          };
          const r = selfCheck(n);
          expect(SelfCheckReportSchema.safeParse(r).success).toBe(true);
          expect(r.warnings.filter((w) => /erreur interne/.test(w))).toEqual([]);
          expect(typeof reportToMarkdown(r)).toBe('string');
        },
      ),
      { numRuns: 150 },
    );
  });
});
