import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { evaluate } from '@/lib/rules';
import { DEFAULT_PROFILE } from '@/lib/rules/profile';
import type { Notice } from '@/lib/notice/schema';
import { loadNoticesFromString } from '@/lib/cli/load-input';
import {
  KNOWN_MISSES_FILE,
  loadKnownMisses,
  loadLabelledSets,
  missKey,
  noticeForEntry,
  raisedFlags,
  scoreByFlag,
  type FlagScore,
  type Judgement,
  type KnownMiss,
} from './labelled-set';
import { PROJECT_ROOT, fixtureFamilies, sharedCorpusAvailable, sharedCorpusFamilies } from './corpus';

/**
 * `npm run eval`: per-flag precision/recall of the rules on the labelled notices (test/fixtures/labelled), the
 * list of misses, and (issue 4) per-family field coverage of the structured parsers over the whole corpus.
 * Options: `--write-known-misses` rewrites test/fixtures/labelled/known-misses.json from the current misses;
 * `--no-coverage` skips the coverage part.
 */

export async function judgeLabelledSet(): Promise<{ judgements: Judgement[]; errors: string[] }> {
  const judgements: Judgement[] = [];
  const errors: string[] = [];
  for (const set of loadLabelledSets()) {
    for (const entry of set.entries) {
      const notice = await noticeForEntry(entry);
      if (typeof notice === 'string') {
        errors.push(notice);
        continue;
      }
      const raised = raisedFlags(evaluate(notice, DEFAULT_PROFILE, entry.date));
      for (const [flag, label] of Object.entries(entry.labels) as [Judgement['flag'], { expected: boolean; why: string }][]) {
        judgements.push({
          set: set.set,
          kind: set.kind,
          fixture: entry.fixture,
          ...(entry.record ? { record: entry.record } : {}),
          flag,
          expected: label.expected,
          got: raised.has(flag),
          why: label.why,
        });
      }
    }
  }
  return { judgements, errors };
}

const pct = (x: number | null): string => (x === null ? '   —  ' : `${(x * 100).toFixed(1).padStart(5)} %`);

function printTable(title: string, scores: FlagScore[]): void {
  console.log(`\n${title}`);
  console.log('flag                  labelled support   TP   FP   FN  precision  recall');
  for (const s of scores) {
    console.log(
      `${s.flag.padEnd(22)}${String(s.labelled).padStart(8)}${String(s.support).padStart(8)}${String(s.tp).padStart(5)}${String(s.fp).padStart(5)}${String(s.fn).padStart(5)}   ${pct(s.precision)}  ${pct(s.recall)}`,
    );
  }
  const tot = scores.reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
  const p = tot.tp + tot.fp ? tot.tp / (tot.tp + tot.fp) : null;
  const r = tot.tp + tot.fn ? tot.tp / (tot.tp + tot.fn) : null;
  console.log(`${'all flags (micro)'.padEnd(38)}${String(tot.tp).padStart(5)}${String(tot.fp).padStart(5)}${String(tot.fn).padStart(5)}   ${pct(p)}  ${pct(r)}`);
}

/** Fields whose presence is measured per family (issue 4: "deadline found: 99.6 % of FNSimple records"). */
const COVERAGE_FIELDS: [string, (n: Notice) => boolean][] = [
  ['title', (n) => n.title.trim().length > 0],
  ['buyer', (n) => n.buyer.name.trim().length > 0],
  ['noticeType', (n) => n.noticeType !== 'other'],
  ['publishedAt', (n) => !!n.publishedAt],
  ['deadline', (n) => !!n.deadline],
  ['estimatedValue', (n) => !!n.estimatedValue],
  ['cpv', (n) => n.cpv.length > 0],
  ['department', (n) => !!n.place.department],
  ['procedure', (n) => !!n.procedure],
  ['contractNature', (n) => !!n.contractNature],
  ['criteria', (n) => n.criteria.length > 0 || n.lots.some((l) => l.criteria.length > 0)],
  ['lots', (n) => n.lots.length > 0],
  ['fullText', (n) => n.fullText.trim().length > 0],
];

export function fieldCoverageByFormat(notices: Notice[]): Map<string, { count: number; found: Record<string, number> }> {
  const out = new Map<string, { count: number; found: Record<string, number> }>();
  for (const n of notices) {
    const fmt = n.raw.format;
    const row = out.get(fmt) ?? { count: 0, found: Object.fromEntries(COVERAGE_FIELDS.map(([k]) => [k, 0])) };
    row.count += 1;
    for (const [k, has] of COVERAGE_FIELDS) if (has(n)) row.found[k] = (row.found[k] ?? 0) + 1;
    out.set(fmt, row);
  }
  return out;
}

function printCoverage(): void {
  const shared = sharedCorpusAvailable();
  const families = (shared ? sharedCorpusFamilies() : fixtureFamilies()).filter((f) => /json|xml/.test(f.id));
  console.log(
    `\nField coverage of the structured parsers (issue 4), over ${shared ? 'every record of ../shared/corpus' : 'the copies in test/fixtures (../shared/corpus is absent)'}:`,
  );
  const notices: Notice[] = [];
  let failures = 0;
  for (const fam of families) {
    for (const file of fam.files) {
      try {
        notices.push(...loadNoticesFromString(readFileSync(file, 'utf8'), { fileName: file }));
      } catch (e) {
        failures += 1;
        console.log(`  ! ${relative(PROJECT_ROOT, file)}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  const cov = fieldCoverageByFormat(notices);
  const header = ['format (raw.format)'.padEnd(30), 'n'.padStart(5), ...COVERAGE_FIELDS.map(([k]) => k.slice(0, 10).padStart(11))];
  console.log(header.join(''));
  for (const [fmt, row] of [...cov.entries()].sort()) {
    const cells = COVERAGE_FIELDS.map(([k]) => `${((100 * (row.found[k] ?? 0)) / row.count).toFixed(1)}%`.padStart(11));
    console.log([fmt.slice(0, 29).padEnd(30), String(row.count).padStart(5), ...cells].join(''));
  }
  console.log(`  ${notices.length} notices parsed from ${families.reduce((a, f) => a + f.files.length, 0)} files; ${failures} files failed to load.`);
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const { judgements, errors } = await judgeLabelledSet();
  const known = new Set(loadKnownMisses().map(missKey));
  const entries = new Set(judgements.map((j) => `${j.fixture}#${j.record ?? ''}`));
  const byKind = (k: Judgement['kind']) => judgements.filter((j) => j.kind === k);
  console.log(
    `Labelled set: ${entries.size} notices (${new Set(byKind('text').map((j) => `${j.fixture}#${j.record ?? ''}`)).size} text/page, ${new Set(byKind('structured').map((j) => `${j.fixture}#${j.record ?? ''}`)).size} structured), ${judgements.length} flag expectations; ${errors.length} notices could not be loaded.`,
  );
  for (const e of errors) console.log(`  ! ${e}`);
  printTable('All labelled notices', scoreByFlag(judgements));
  printTable('Text/page path (issue 3: BOAMP 2020 pages, PLACE/AWS pages, objet-only records)', scoreByFlag(byKind('text')));
  printTable('Structured records (issue 4: BOAMP API records, eForms XML)', scoreByFlag(byKind('structured')));

  console.log('\nPer set (all flags, micro):');
  for (const set of [...new Set(judgements.map((j) => j.set))]) {
    const js = judgements.filter((j) => j.set === set);
    const tp = js.filter((j) => j.expected && j.got).length;
    const fp = js.filter((j) => !j.expected && j.got).length;
    const fn = js.filter((j) => j.expected && !j.got).length;
    console.log(
      `  ${set.padEnd(24)} ${String(js.length).padStart(5)} expectations  TP ${String(tp).padStart(3)}  FP ${String(fp).padStart(3)}  FN ${String(fn).padStart(3)}  precision ${pct(tp + fp ? tp / (tp + fp) : null)}  recall ${pct(tp + fn ? tp / (tp + fn) : null)}`,
    );
  }

  const misses = judgements.filter((j) => j.expected !== j.got);
  console.log(`\nMisses (${misses.length}; ${misses.filter((m) => known.has(missKey(m))).length} listed in known-misses.json):`);
  for (const m of misses) {
    console.log(`  ${m.fixture}${m.record ? `#${m.record}` : ''}  ${m.flag}  expected ${m.expected} got ${m.got}  — ${m.why}`);
  }
  if (args.has('--write-known-misses')) {
    const list: KnownMiss[] = misses.map((m) => ({
      fixture: m.fixture,
      ...(m.record ? { record: m.record } : {}),
      flag: m.flag,
      expected: m.expected,
    }));
    writeFileSync(KNOWN_MISSES_FILE, `${JSON.stringify(list, null, 1)}\n`);
    console.log(`\nWrote ${list.length} known misses to ${relative(PROJECT_ROOT, KNOWN_MISSES_FILE)}`);
  }
  if (!args.has('--no-coverage')) printCoverage();
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('lib/cli/eval.ts')) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exit(1);
  });
}
