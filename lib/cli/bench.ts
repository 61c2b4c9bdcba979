import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { evaluate } from '@/lib/rules';
import { DEFAULT_PROFILE } from '@/lib/rules/profile';
import { loadNoticesFromString } from '@/lib/cli/load-input';
import { PROJECT_ROOT, fixtureFamilies, sharedCorpusAvailable, sharedCorpusFamilies, type CorpusFamily } from './corpus';

/**
 * `npm run bench`: notices/second for parse + assess over every corpus notice available (per input family and
 * overall; warm-up, then a timed loop of at least `--seconds` per family, one core), peak memory, and the gzip
 * size of each built content script — each figure printed next to its DESIGN.md target.
 */

const TARGET_PER_SECOND = 5000;
const TARGET_GZIP_KB = 60;

interface LoadedFile {
  file: string;
  content: string;
}

interface FamilyResult {
  id: string;
  files: number;
  notices: number;
  rounds: number;
  seconds: number;
  perSecond: number;
  parseShare: number;
  /** Notices per second of CPU time used by this process: the one-core figure even on a busy machine. */
  perCpuSecond: number;
  /** Rates of each half alone, to tell the parsers' cost from the rules core's. */
  parsePerSecond: number;
  assessPerSecond: number;
}

let peakRss = 0;
let peakHeap = 0;
function sampleMemory(): void {
  const m = process.memoryUsage();
  if (m.rss > peakRss) peakRss = m.rss;
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
}

/** One pass over the family: parse every file (content already in memory: no disk time), assess every notice. */
function onePass(files: LoadedFile[]): { notices: number; parseMs: number; assessMs: number } {
  let notices = 0;
  let parseMs = 0;
  let assessMs = 0;
  for (const f of files) {
    const t0 = performance.now();
    const parsed = loadNoticesFromString(f.content, { fileName: f.file });
    const t1 = performance.now();
    for (const n of parsed) evaluate(n, DEFAULT_PROFILE);
    const t2 = performance.now();
    parseMs += t1 - t0;
    assessMs += t2 - t1;
    notices += parsed.length;
  }
  sampleMemory();
  return { notices, parseMs, assessMs };
}

function benchFamily(fam: CorpusFamily, minSeconds: number): FamilyResult {
  const files = fam.files.map((file) => ({ file, content: readFileSync(file, 'utf8') }));
  // Warm-up: let the JIT compile the parsers and rules before timing.
  const warm = onePass(files);
  onePass(files);
  let rounds = 0;
  let notices = 0;
  let parseMs = 0;
  let assessMs = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < minSeconds * 1000 || rounds < 3) {
    const r = onePass(files);
    rounds += 1;
    notices += r.notices;
    parseMs += r.parseMs;
    assessMs += r.assessMs;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    id: fam.id,
    files: files.length,
    notices: warm.notices,
    rounds,
    seconds,
    perSecond: notices / seconds,
    perCpuSecond: notices / Math.max(1e-9, cpuSeconds),
    parseShare: parseMs / Math.max(1e-9, parseMs + assessMs),
    parsePerSecond: notices / Math.max(1e-9, parseMs / 1000),
    assessPerSecond: notices / Math.max(1e-9, assessMs / 1000),
  };
}

// Same output directory as wxt.config.ts (WXT_OUT_DIR lets parallel builds write elsewhere).
const CONTENT_SCRIPTS_DIR = join(resolve(PROJECT_ROOT, process.env.WXT_OUT_DIR ?? '.output'), 'chrome-mv3/content-scripts');

function contentScriptSizes(): { file: string; bytes: number; gzip: number }[] {
  const dir = CONTENT_SCRIPTS_DIR;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => {
      const buf = readFileSync(join(dir, f));
      return { file: f, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    });
}

function main(): void {
  const argSeconds = process.argv.indexOf('--seconds');
  const minSeconds = argSeconds > 0 ? Number(process.argv[argSeconds + 1]) || 1 : 1;
  const shared = sharedCorpusAvailable();
  const families = shared ? sharedCorpusFamilies() : fixtureFamilies();
  console.log(
    shared
      ? 'Corpus: ../shared/corpus (every notice of every family).'
      : 'Corpus: ../shared/corpus is absent — falling back to the copies in test/fixtures.',
  );
  sampleMemory();
  const results = families.map((f) => benchFamily(f, minSeconds));
  console.log('\nParse + assess, one core (target ≥ 5 000 notices/s):');
  console.log('family              files  notices  rounds  seconds   notices/s  per CPU-s  parse share  parse only/s  assess only/s');
  for (const r of results) {
    console.log(
      `${r.id.padEnd(20)}${String(r.files).padStart(5)}${String(r.notices).padStart(9)}${String(r.rounds).padStart(8)}${r.seconds.toFixed(2).padStart(9)}${Math.round(r.perSecond).toLocaleString('fr-FR').padStart(12)}${Math.round(r.perCpuSecond).toLocaleString('fr-FR').padStart(11)}${`${(r.parseShare * 100).toFixed(0)} %`.padStart(13)}${Math.round(r.parsePerSecond).toLocaleString('fr-FR').padStart(14)}${Math.round(r.assessPerSecond).toLocaleString('fr-FR').padStart(15)}`,
    );
  }
  // Overall: the rate of a corpus pass made of one pass per family (harmonic combination of per-family times).
  const totalNotices = results.reduce((a, r) => a + r.notices, 0);
  const totalTime = results.reduce((a, r) => a + r.notices / Math.max(1e-9, r.perSecond), 0);
  const overall = totalNotices / Math.max(1e-9, totalTime);
  const totalCpu = results.reduce((a, r) => a + r.notices / Math.max(1e-9, r.perCpuSecond), 0);
  const overallCpu = totalNotices / Math.max(1e-9, totalCpu);
  console.log(
    `${'overall'.padEnd(20)}${''.padStart(5)}${String(totalNotices).padStart(9)}${''.padStart(17)}${Math.round(overall).toLocaleString('fr-FR').padStart(12)}${Math.round(overallCpu).toLocaleString('fr-FR').padStart(11)}   target ≥ ${TARGET_PER_SECOND.toLocaleString('fr-FR')}/s: ${overallCpu >= TARGET_PER_SECOND ? 'met' : 'NOT met'}`,
  );
  const load = loadavg()[0] ?? 0;
  console.log(`(wall-clock rates depend on machine load: 1-min load average ${load.toFixed(1)} on ${cpus().length} CPUs; "per CPU-s" counts this process's CPU time only)`);
  console.log(`\nPeak memory: rss ${(peakRss / 1048576).toFixed(0)} MB, heapUsed ${(peakHeap / 1048576).toFixed(0)} MB`);
  const sizes = contentScriptSizes();
  if (sizes.length === 0) {
    console.log(`\nContent scripts: ${relative(PROJECT_ROOT, CONTENT_SCRIPTS_DIR)} not built (run \`npm run build:chrome\` first) — sizes not measured.`);
  } else {
    console.log(`\nContent scripts (${relative(PROJECT_ROOT, CONTENT_SCRIPTS_DIR)}, gzip -9; target ≤ ${TARGET_GZIP_KB} kB each):`);
    for (const s of sizes) {
      const kb = s.gzip / 1024;
      console.log(`  ${s.file.padEnd(28)} ${(s.bytes / 1024).toFixed(1).padStart(7)} kB raw ${kb.toFixed(1).padStart(7)} kB gzip  ${kb <= TARGET_GZIP_KB ? 'ok' : 'OVER TARGET'}`);
    }
  }
  console.log(`\n(files read from ${shared ? '../shared/corpus' : relative(PROJECT_ROOT, join(PROJECT_ROOT, 'test/fixtures'))})`);
}

main();
