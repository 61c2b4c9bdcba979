import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate } from '@/lib/rules';
import { AssessmentSchema } from '@/lib/rules/types';
import { normalizeWithMap } from '@/lib/notice/normalize';
import { fastNormalizeWithMap } from '@/lib/rules/fast-normalize';
import { makeLot, makeNotice } from './notice-factory';

describe('evaluate never throws and always returns a valid Assessment', () => {
  it('arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const a = evaluate(x);
        expect(AssessmentSchema.safeParse(a).success).toBe(true);
        expect(a.verdict).toBe('no');
      }),
      { numRuns: 300 },
    );
  });
  it('mutated valid notices (random texts, lots, signals, dates)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'abcéèàôœ’ .;:()%0123456789lLrR-°réservé SIAE clause sociale lots 1, 2 et 3 insertion'.split('')), maxLength: 400 });
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(fc.string({ maxLength: 6 }), text), { maxLength: 4 }),
        fc.array(fc.constantFrom('BT-71:res-ws', 'BT-775:opp', 'decp:Marché réservé', 'boamp:ATELIERS_PROTEGES', 'junk'), { maxLength: 3 }),
        fc.option(fc.integer({ min: 0, max: 10_000_000 })),
        fc.option(fc.constantFrom('2019-05-01', '2026-03-31', '2026-04-01', '2026-08-22', 'garbage')),
        (t, lots, signals, value, date) => {
          const n = makeNotice(t, {
            lots: lots.map(([id, d]) => makeLot(id || 'x', { description: d })),
            socialSignals: signals,
            ...(value !== null ? { estimatedValue: { amount: value, currency: 'EUR' } } : {}),
          });
          const a = evaluate(n, undefined, date ?? undefined);
          expect(AssessmentSchema.safeParse(a).success).toBe(true);
          for (const f of a.flags) for (const e of f.evidence) expect((e.quote ?? '').length).toBeLessThanOrEqual(210);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('a bad profile falls back to the default one', () => {
    // @ts-expect-error deliberately invalid profile crossing a boundary
    const a = evaluate(makeNotice('Nettoyage'), { trades: 'nope' });
    expect(AssessmentSchema.safeParse(a).success).toBe(true);
  });
});

describe('fastNormalizeWithMap equals normalizeWithMap', () => {
  it('on French-like strings', () => {
    const unit = fc.constantFrom(...'aAéÉèÈêàÀçÇôœŒæß’‘`´\u00a0\u202f\t\n –—-.,;:ÿüïîL2113-13 '.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (s) => {
        const a = normalizeWithMap(s);
        const b = fastNormalizeWithMap(s);
        expect(b.text).toBe(a.text);
        expect(Array.from(b.map)).toEqual(a.map);
      }),
      { numRuns: 500 },
    );
  });
});
