#!/usr/bin/env node
// Prints each content script's size (raw and gzip) after a build, against the 60 kB gzip target (DESIGN.md).
// Usage: node scripts/bundle-sizes.mjs [outDir...]  (default: $WXT_OUT_DIR or .output, every <browser>-mv* build in it).
// Exit code 0 always: the target is reported, not enforced, so a build never fails on it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const TARGET_GZIP = 60 * 1024;
const roots = process.argv.slice(2);
if (roots.length === 0) roots.push(process.env.WXT_OUT_DIR ?? '.output');
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

for (const root of roots) {
  if (!existsSync(root)) continue;
  const builds = statSync(root).isDirectory() && existsSync(join(root, 'manifest.json')) ? [root] : readdirSync(root).map((d) => join(root, d)).filter((d) => existsSync(join(d, 'manifest.json')));
  for (const build of builds) {
    const dir = join(build, 'content-scripts');
    if (!existsSync(dir)) continue;
    console.log(`[bundle-sizes] ${build}`);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
      const bytes = readFileSync(join(dir, file));
      const gz = gzipSync(bytes, { level: 9 }).length;
      const verdict = gz <= TARGET_GZIP ? 'ok' : 'OVER TARGET';
      console.log(`  ${file.padEnd(24)} ${kb(bytes.length).padStart(10)} raw ${kb(gz).padStart(9)} gzip  (target ≤ 60 kB: ${verdict})`);
    }
  }
}
