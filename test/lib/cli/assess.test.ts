import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AssessmentSchema } from '@/lib/rules/types';
import { NoticeSchema } from '@/lib/notice/schema';
import { decodeBytes, InputError, loadNoticesFromFile, loadNoticesFromString } from '@/lib/cli/load-input';
import { INPUT_FORMATS } from '@/lib/cli/input-formats';

const ROOT = join(__dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = promisify(execFile);

async function assess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['lib/cli/assess.ts', ...args], { cwd: ROOT, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('assess CLI (child process)', () => {
  it('prints {notice, assessment} as JSON on stdout and nothing else for a saved BOAMP page', async () => {
    const r = await assess(['test/fixtures/boamp-avis-2020/T455776160.html', '--date', '2020-08-20']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { notice: unknown; assessment: unknown };
    const notice = NoticeSchema.parse(out.notice);
    expect(notice.id).toBe('20-102039');
    expect(notice.deadline).toBe('2020-09-15T16:00:00+02:00');
    // Labels are filled from the CPV table.
    expect(notice.cpv[0]).toEqual({ code: '51700000', main: true, label: "Services d'installation de matériel de protection contre l'incendie" });
    const assessment = AssessmentSchema.parse(out.assessment);
    expect(assessment.judgedAt).toBe('2020-08-20');
  }, 180_000);

  it('exits 1 with a message on stderr and nothing on stdout for a missing file', async () => {
    const r = await assess(['test/fixtures/nope/absent.html']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/fichier introuvable/);
  }, 180_000);

  it('exits 1 on a bad --date', async () => {
    const r = await assess(['test/fixtures/boamp-avis-2020/T455776160.html', '--date', '2020-02-31']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/date invalide/);
  }, 180_000);
});

describe('loadNoticesFromString: format chosen by content', () => {
  it('BOAMP API response (JSON) → one Notice per record', () => {
    const content = readFileSync(join(FIX, 'boamp/records/v21-records_2024-07_MAPA_2full.json'), 'utf8');
    const notices = loadNoticesFromString(content, { fileName: 'x.json' });
    expect(notices).toHaveLength(2);
    expect(notices.map((n) => n.source)).toEqual(['boamp', 'boamp']);
  });

  it('BOAMP JSON Lines → one Notice per line', () => {
    const content = readFileSync(join(FIX, 'boamp/records/pdl-digital-selection.jsonl'), 'utf8');
    expect(loadNoticesFromString(content, { fileName: 'x.jsonl' })).toHaveLength(content.trim().split('\n').length);
  });

  it('eForms XML → one Notice', () => {
    const content = readFileSync(join(FIX, 'eforms/sdk/cn_24_minimal.xml'), 'utf8');
    const [n, ...rest] = loadNoticesFromString(content, { fileName: 'cn.xml' });
    expect(rest).toHaveLength(0);
    expect(n?.raw.format).toBe('eforms-xml');
  });

  it('DILA BOAMP XML → one Notice', () => {
    const content = readFileSync(join(FIX, 'boamp/xml/test-pub-2.xml'), 'utf8');
    const notices = loadNoticesFromString(content, { fileName: 'test-pub-2.xml' });
    expect(notices).toHaveLength(1);
    expect(notices[0]?.source).toBe('boamp');
  });

  it('HTML page → text source; plain text → text source', () => {
    const html = readFileSync(join(FIX, 'boamp-avis-2020/T455627042.html'), 'utf8');
    const [page] = loadNoticesFromString(html, { fileName: 'T455627042.html' });
    expect(page?.source).toBe('text');
    expect(page?.raw.format).toBe('html:text');
    expect(page?.lots).toHaveLength(3);
    const [text] = loadNoticesFromString('Objet du marché : Nettoyage des vitres\nDate limite de réception des offres : 15/12/2026 12:00', {});
    expect(text?.raw.format).toBe('text:plain');
    expect(text?.deadline).toBe('2026-12-15T12:00:00+01:00');
  });

  it('the text/HTML format is last and accepts anything', () => {
    expect(INPUT_FORMATS[INPUT_FORMATS.length - 1]?.id).toBe('page-or-text');
  });

  it('rejects empty, binary and record-less JSON content with exit code 2', () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return 0;
      } catch (e) {
        return e instanceof InputError ? e.exitCode : -1;
      }
    };
    expect(code(() => loadNoticesFromString('   ', {}))).toBe(2);
    expect(code(() => loadNoticesFromString('\u0000\u0001\u0002\u0003'.repeat(100), {}))).toBe(2);
    expect(code(() => loadNoticesFromString('{"hello": "world"}', { fileName: 'x.json' }))).toBe(2);
    expect(code(() => loadNoticesFromFile(join(FIX, 'does-not-exist.html')))).toBe(1);
    expect(code(() => loadNoticesFromFile(FIX))).toBe(1);
  });

  it('decodes UTF-16LE files saved by a browser (the 2020 originals were)', () => {
    const text = 'Objet du marché : Réfection';
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(decodeBytes(utf16)).toBe(text);
    expect(decodeBytes(new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf8')))).toBe(text);
  });
});
