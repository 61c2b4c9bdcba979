import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILED_SIGNALS } from '@/lib/rules/mechanisms';
import { noticeSegments, scanSignals, scanSignalsFully, type Hit } from '@/lib/rules/text-signals';
import { makeNotice } from './notice-factory';

/**
 * The windowed engine (regexes run only around trigger words) must find exactly what running every regex over the
 * whole text finds. Checked on the real BOAMP 2020 pages of test/fixtures/boamp-avis-2020 (tags stripped) and on
 * the real objets of the labelled set.
 */
const ROOT = join(__dirname, '../../..');

function pageTexts(): string[] {
  const dir = join(ROOT, 'test/fixtures/boamp-avis-2020');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) =>
      readFileSync(join(dir, f), 'utf8')
        .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&nbsp;/g, ' '),
    );
}

function objetTexts(): string[] {
  const raw: unknown = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/labelled/notices/boamp-objets/boamp-objets_2017-2024.json'), 'utf8'));
  return Array.isArray(raw) ? raw.map((r: { objet?: unknown }) => (typeof r.objet === 'string' ? r.objet : '')) : [];
}

const key = (h: Hit) => `${h.signal}@${h.segment.field}:${h.start}-${h.end}:${h.negated}`;

describe('windowed scan = full scan', () => {
  const texts = [...pageTexts(), ...objetTexts()];
  it('has real texts to check', () => {
    expect(texts.length).toBeGreaterThan(100);
  });
  it('same hits on every real text', () => {
    let total = 0;
    for (const t of texts) {
      const segs = noticeSegments(makeNotice(t, { title: t.slice(0, 120) }));
      const a = scanSignals(segs, COMPILED_SIGNALS).map(key).sort();
      const b = scanSignalsFully(segs, COMPILED_SIGNALS).map(key).sort();
      expect(a).toEqual(b);
      total += b.length;
    }
    expect(total).toBeGreaterThan(50);
  });
});
