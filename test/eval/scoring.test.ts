import { describe, expect, it } from 'vitest';
import type { Assessment, Flag } from '@/lib/rules/types';
import { raisedFlags, scoreByFlag, type Judgement } from '@/lib/cli/labelled-set';

const flag = (id: string, severity: Flag['severity'], title: string): Flag => ({
  id,
  severity,
  title,
  explanation: '',
  legalBasis: [],
  evidence: [],
});

describe('raisedFlags', () => {
  it('collects notice- and lot-level ids, but not a warning that only says a flag is expected and absent', () => {
    const a: Assessment = {
      verdict: 'maybe',
      score: 50,
      flags: [
        flag('social-clause', 'warning', 'Clause sociale attendue mais absente'),
        flag('regie-trade', 'info', 'Métier de Régie : nettoyage'),
      ],
      lots: [{ lotId: '2', verdict: 'opportunity', flags: [flag('small-lots', 'info', 'Petit lot')] }],
    };
    expect([...raisedFlags(a)].sort()).toEqual(['regie-trade', 'small-lots']);
  });

  it('counts a warning that is a finding (not an absence) as raised', () => {
    const a: Assessment = { verdict: 'no', score: 0, flags: [flag('reserved-prison', 'warning', 'Réservé aux détenus')], lots: [] };
    expect(raisedFlags(a).has('reserved-prison')).toBe(true);
  });
});

describe('scoreByFlag', () => {
  it('computes support, TP/FP/FN, precision and recall per flag, null when undefined', () => {
    const j = (expected: boolean, got: boolean): Judgement => ({
      set: 's',
      kind: 'text',
      fixture: 'f',
      flag: 'social-clause',
      expected,
      got,
      why: 'w',
    });
    const s = scoreByFlag([j(true, true), j(true, false), j(false, true), j(false, false), j(true, true)]);
    const clause = s.find((x) => x.flag === 'social-clause');
    expect(clause).toMatchObject({ labelled: 5, support: 3, tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(clause?.precision).toBeCloseTo(2 / 3);
    expect(clause?.recall).toBeCloseTo(2 / 3);
    const prison = s.find((x) => x.flag === 'reserved-prison');
    expect(prison).toMatchObject({ labelled: 0, precision: null, recall: null });
  });
});
