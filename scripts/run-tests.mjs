#!/usr/bin/env node
// The one test command (README, .ci/run): type check, unit + corpus tests (Vitest), then E2E in Debian's Chromium.
// Prints a closing line "N passed, N failed" summing all of them; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'regie-radar-tests-'));
let passed = 0;
let failed = 0;

/** Latest modification time of what goes into the extension build. */
function newestSourceMtime() {
  let newest = statSync(join(root, 'wxt.config.ts')).mtimeMs;
  for (const dir of ['entrypoints', 'components', 'lib', 'assets', 'public']) {
    const base = join(root, dir);
    if (!existsSync(base)) continue;
    for (const f of readdirSync(base, { recursive: true })) newest = Math.max(newest, statSync(join(base, String(f))).mtimeMs);
  }
  return newest;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

function runVitest(name, extraArgs) {
  const out = join(tmp, `${name}.json`);
  const status = run('npx', ['vitest', 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) {
    console.error(`[tests] ${name}: Vitest produced no report (exit ${status})`);
    failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A suite that fails to load (syntax error, missing fixture) has no failed test but must fail the run.
  const brokenSuites = (report.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0);
  failed += brokenSuites.length;
  for (const s of brokenSuites) console.error(`[tests] ${name}: suite failed to run: ${s.name}\n${s.message ?? ''}`);
  if (status !== 0 && (report.numFailedTests ?? 0) === 0 && brokenSuites.length === 0) {
    console.error(`[tests] ${name}: Vitest exited ${status}`);
    failed += 1;
  }
}

// 1. Type check: strict TypeScript is part of the contract.
console.log('[tests] type check (tsc --noEmit)');
if (run('npx', ['tsc', '--noEmit']) === 0) passed += 1;
else failed += 1;

// 2. Unit and corpus tests.
runVitest('unit', []);

// 3. E2E in a real browser, when there are E2E tests.
const e2eDir = join(root, 'test', 'e2e');
const hasE2e = existsSync(e2eDir) && readdirSync(e2eDir, { recursive: true }).some((f) => String(f).endsWith('.e2e.test.ts'));
if (hasE2e) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.log('[tests] installing Debian chromium for E2E');
    if (process.getuid?.() === 0) {
      run('apt-get', ['update', '-qq']);
      run('apt-get', ['install', '-y', '-qq', 'chromium']);
    } else {
      console.error('[tests] chromium is missing: run `sudo apt-get install -y chromium`');
    }
  }
  // E2E must test the current code: (re)build when there is no build or a source is newer than it.
  const outDir = process.env.WXT_OUT_DIR ?? join(root, '.output');
  const manifest = join(outDir, 'chrome-mv3', 'manifest.json');
  if (!process.env.EXTENSION_DIR && (!existsSync(manifest) || newestSourceMtime() > statSync(manifest).mtimeMs)) {
    console.log('[tests] building the extension for E2E');
    if (run('npm', ['run', '--silent', 'build:chrome']) !== 0) failed += 1;
  }
  runVitest('e2e', ['-c', 'vitest.e2e.config.ts']);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
