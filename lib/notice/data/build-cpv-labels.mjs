// Regenerates cpv-2008-labels.ts from the corpus CSV (code;fr;en, `;`-separated, a field quoted only when it holds `;`).
// Usage: node lib/notice/data/build-cpv-labels.mjs [/work/shared/corpus/cpv/cpv_2008_fr_en.csv]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const csvPath = process.argv[2] ?? '/work/shared/corpus/cpv/cpv_2008_fr_en.csv';
const outPath = fileURLToPath(new URL('./cpv-2008-labels.ts', import.meta.url));

function splitRow(line) {
  const fields = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      const end = line.indexOf('"', i + 1);
      fields.push(line.slice(i + 1, end));
      i = end + 2;
    } else {
      const end = line.indexOf(';', i);
      fields.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return fields;
}

const lines = readFileSync(csvPath, 'utf8').split('\n').filter(Boolean);
if (lines[0] !== 'code;fr;en') throw new Error(`unexpected header: ${lines[0]}`);
const out = [];
for (const line of lines.slice(1)) {
  const [code, fr, en] = splitRow(line);
  const m = /^(\d{8})-(\d)$/.exec(code ?? '');
  if (!m || !fr || !en || fr.includes('|') || en.includes('|')) throw new Error(`bad row: ${line}`);
  out.push(`${m[1]}${m[2]}|${fr}|${en}`);
}
const header = `/**
 * CPV 2008 main vocabulary (Regulation (EC) No 213/2008): ${out.length.toLocaleString('fr-FR')} codes with check digit, French and English labels.
 * GENERATED from the corpus file cpv/cpv_2008_fr_en.csv by lib/notice/data/build-cpv-labels.mjs — do not edit.
 * One line per code: 8 digits + check digit, "|", French label, "|", English label.
 * Heavy (~650 kB): never import it statically from a content script; use \`loadCpvLabels()\` in lib/notice/cpv.ts.
 */
export const CPV_2008_TABLE: string =
  `;
writeFileSync(outPath, `${header}${JSON.stringify(out.join('\n'))};\n`);
console.log(`${out.length} codes → ${outPath}`);
