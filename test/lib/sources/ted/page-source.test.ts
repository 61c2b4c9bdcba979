/**
 * ted.europa.eu page source. No real TED page is saved anywhere we could find: the two pages are SYNTHETIC
 * (`*.synthetic.html`), so these tests only pin the minimal fallback behaviour (URL shapes, title, CPV, links).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { NoticeSchema } from '@/lib/notice/schema';
import { sourceForUrl } from '@/lib/sources/registry';
import { publicationNumberFromUrl, tedPageSource } from '@/lib/sources/ted';

const DIR = join(__dirname, '../../../fixtures/ted');
const doc = (f: string): Document =>
  new DOMParser().parseFromString(readFileSync(join(DIR, f), 'utf8'), 'text/html') as unknown as Document;
const NOTICE_URL = new URL('https://ted.europa.eu/fr/notice/-/detail/00035723-2026');
const LIST_URL = new URL('https://ted.europa.eu/fr/search/result?search-scope=ACTIVE&FT=nettoyage');

describe('URL shapes', () => {
  it('publication number from notice URLs only', () => {
    expect(publicationNumberFromUrl(NOTICE_URL)).toBe('00035723-2026');
    expect(publicationNumberFromUrl(new URL('https://ted.europa.eu/en/notice/-/detail/450591-2026'))).toBe('450591-2026');
    expect(publicationNumberFromUrl(LIST_URL)).toBeUndefined();
    expect(publicationNumberFromUrl(new URL('https://example.org/fr/notice/-/detail/00035723-2026'))).toBeUndefined();
  });
  it('detect: notice, list, or nothing', () => {
    const d = doc('notice-page.synthetic.html');
    expect(tedPageSource.detect(d, NOTICE_URL)).toBe('notice');
    expect(tedPageSource.detect(d, LIST_URL)).toBe('list');
    expect(tedPageSource.detect(d, new URL('https://ted.europa.eu/fr/'))).toBeNull();
  });
  it('is registered and matched by its URL patterns', () => {
    expect(sourceForUrl(NOTICE_URL)?.id).toBe('ted');
    expect(sourceForUrl(LIST_URL)?.id).toBe('ted');
    expect(sourceForUrl(new URL('https://ted.europa.eu/fr/'))?.id).not.toBe('ted');
  });
});

describe('extract (DOM fallback, synthetic page)', () => {
  const n = tedPageSource.extract(doc('notice-page.synthetic.html'), NOTICE_URL);
  it('title, id, URL, CPV codes from the text, valid Notice with a warning', () => {
    expect(NoticeSchema.safeParse(n).success).toBe(true);
    expect(n.id).toBe('00035723-2026');
    expect(n.url).toBe('https://ted.europa.eu/fr/notice/-/detail/00035723-2026');
    expect(n.title).toBe('France – Services de balayage des rues – Balayage mécanisé des voiries et nettoyage des avaloirs');
    expect(n.cpv.map((c) => [c.code, c.main])).toEqual([['90612000', true], ['90641000', false]]);
    expect(n.fullText).toContain('VILLE D\'AIZENAY');
    expect(n.fullText).not.toContain('Office des publications'); // footer is outside <main>
    expect(n.raw.warnings?.[0]).toContain('XML');
  });
  it('an empty document still gives a valid Notice', () => {
    const empty = new DOMParser().parseFromString('<html><body></body></html>', 'text/html') as unknown as Document;
    const e = tedPageSource.extract(empty, NOTICE_URL);
    expect(NoticeSchema.safeParse(e).success).toBe(true);
    expect(e.raw.warnings).toContain('titre introuvable sur la page');
  });
});

describe('extractList (synthetic result page)', () => {
  const items = tedPageSource.extractList!(doc('search-result.synthetic.html'), LIST_URL);
  it('one item per notice link, de-duplicated, badge on the row', () => {
    expect(items.map((i) => i.notice.id)).toEqual(['00035723-2026', '12345-2026']);
    expect(items.map((i) => i.element.tagName.toLowerCase())).toEqual(['tr', 'tr']);
    expect(items[1]!.notice.title).toBe('Entretien des espaces verts');
    expect(items[0]!.notice.cpv).toEqual([{ code: '90612000', main: true }]);
    for (const i of items) expect(NoticeSchema.safeParse(i.notice).success).toBe(true);
  });
});
