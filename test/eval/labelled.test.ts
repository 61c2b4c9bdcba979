import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '@/lib/rules';
import { DEFAULT_PROFILE } from '@/lib/rules/profile';
import { PROJECT_ROOT } from '@/lib/cli/corpus';
import {
  entryKey,
  loadKnownMisses,
  loadLabelledSets,
  missKey,
  noticeForEntry,
  raisedFlags,
} from '@/lib/cli/labelled-set';

/**
 * Regression guard of the labelled set (test/fixtures/labelled): every labelled expectation holds, except the
 * ones listed in known-misses.json — and each of those must STILL be a miss, so the list can only shrink
 * honestly (when a rule improves, remove its entry).
 */

const sets = loadLabelledSets();
const knownMisses = loadKnownMisses();
const known = new Set(knownMisses.map(missKey));

describe('labelled set files', () => {
  it('hold at least 150 text/page notices and 100 structured records, every fixture present', () => {
    const count = (kind: string) => sets.filter((s) => s.kind === kind).reduce((a, s) => a + s.entries.length, 0);
    expect(count('text')).toBeGreaterThanOrEqual(150);
    expect(count('structured')).toBeGreaterThanOrEqual(100);
    for (const s of sets) for (const e of s.entries) expect(() => readFileSync(join(PROJECT_ROOT, e.fixture))).not.toThrow();
  });

  it('list every known miss against an existing labelled expectation', () => {
    const labelled = new Set(
      sets.flatMap((s) => s.entries.flatMap((e) => Object.keys(e.labels).map((flag) => missKey({ ...e, flag })))),
    );
    for (const m of knownMisses) expect(labelled.has(missKey(m)), missKey(m)).toBe(true);
  });
});

for (const set of sets) {
  describe(`labelled set ${set.set} (${set.kind})`, () => {
    for (const entry of set.entries) {
      it(entryKey(entry), async () => {
        const notice = await noticeForEntry(entry);
        expect(typeof notice, typeof notice === 'string' ? notice : '').not.toBe('string');
        if (typeof notice === 'string') return;
        const raised = raisedFlags(evaluate(notice, DEFAULT_PROFILE, entry.date));
        const problems: string[] = [];
        for (const [flag, label] of Object.entries(entry.labels)) {
          const got = raised.has(flag);
          const isKnownMiss = known.has(missKey({ ...entry, flag }));
          if (isKnownMiss && got === label.expected) {
            problems.push(`${flag}: now correct (${label.expected}) — remove it from known-misses.json`);
          } else if (!isKnownMiss && got !== label.expected) {
            problems.push(`${flag}: expected ${label.expected}, got ${got} — ${label.why}`);
          }
        }
        expect(problems).toEqual([]);
      });
    }
  });
}
