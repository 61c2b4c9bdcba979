import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { boampPageSource } from '@/lib/sources/boamp/page';
import { sourceForUrl } from '@/lib/sources/registry';

function load(path: string): Document {
  return new DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/html') as unknown as Document;
}

const SEARCH = 'test/fixtures/boamp-page/pages-recherche_rendered_2026-01-04.trimmed.html';

describe('boamp.fr page source — search results (rendered page, 4 Jan 2026)', () => {
  const doc = load(SEARCH);
  const url = new URL('https://www.boamp.fr/pages/recherche/');
  const items = boampPageSource.extractList?.(doc, url) ?? [];

  it('finds the 10 cards in page order, each once', () => {
    expect(boampPageSource.detect(doc, url)).toBe('list');
    expect(items.map((i) => i.notice.id)).toEqual(['26-12', '26-13', '26-43', '26-52', '26-57', '26-63', '26-71', '26-70', '26-18', '26-62']);
    expect(items.every((i) => i.element.classList.contains('card-notification'))).toBe(true);
  });

  it('reads a card by its labels', () => {
    const first = items[0]?.notice;
    expect(first?.title).toBe('Prestation de service de collecte, de traitement et valorisation des déchets - (7 lots)');
    expect(first?.buyer.name).toBe('CONSEIL DEPARTEMENTAL DU VAR');
    expect(first?.place.department).toBe('83');
    expect(first?.noticeType).toBe('contract');
    expect(first?.procedure).toBe('Procédure Ouverte');
    expect(first?.deadline).toBe('2026-02-05T16:00:00+01:00');
    expect(first?.publishedAt).toBe('2026-01-04');
    expect(first?.url).toBe('https://www.boamp.fr/pages/avis/?q=idweb:26-12');
    // "Département : 6" is Alpes-Maritimes
    expect(items.find((i) => i.notice.id === '26-18')?.notice.place.department).toBe('06');
    expect(items.find((i) => i.notice.id === '26-43')?.notice.noticeType).toBe('award');
  });

  it('keeps the "Critères sociaux" icon as a social signal, only where it is', () => {
    const social = items.filter((i) => i.notice.socialSignals.includes('criteres:sociaux')).map((i) => i.notice.id);
    expect(social).toEqual(['26-52', '26-57']);
  });
});

describe('boamp.fr page source — notice page fallback (2020 pages)', () => {
  it('reads a reserved notice by its labels, with BOAMP identity', () => {
    const doc = load('test/fixtures/boamp-avis-2020/T455776160.html');
    const url = new URL('https://www.boamp.fr/avis/detail/20-102039');
    expect(sourceForUrl(url)?.id).toBe('boamp');
    const n = boampPageSource.extract(doc, url);
    expect(n.source).toBe('boamp');
    expect(n.id).toBe('20-102039');
    expect(n.url).toBe('https://www.boamp.fr/pages/avis/?q=idweb:20-102039');
    expect(n.title).toBe(
      'Conception et mise à jour des plans de sécurité incendie sur divers groupes du département de la Seine-Maritime (Marché réservé)',
    );
    expect(n.buyer.name).toBe('HABITAT 76');
    expect(n.place.department).toBe('76');
    expect(n.publishedAt).toBe('2020-08-15');
    expect(n.reserved).toBe('siae-or-disability');
    expect(n.raw.format).toBe('html:boamp');
  });

  it('takes the id from the "Avis No" header when the URL has none', () => {
    const doc = load('test/fixtures/boamp-avis-2020/T455626942.html');
    const n = boampPageSource.extract(doc, new URL('https://www.boamp.fr/pages/avis/'));
    expect(n.id).toBe('20-99771');
    expect(n.title).toBe('Traitements et nettoyages (4 lots)');
    expect(n.lots).toHaveLength(4);
  });

  it('never throws on an empty or hostile page', () => {
    const empty = load('test/fixtures/boamp-page/empty.synthetic.html');
    const n = boampPageSource.extract(empty, new URL('https://www.boamp.fr/pages/avis/?q=idweb:26-12'));
    expect(n.id).toBe('26-12');
    expect(n.raw.warnings?.length).toBeGreaterThan(0);
    expect(boampPageSource.extractList?.(empty, new URL('https://www.boamp.fr/pages/recherche/'))).toEqual([]);
  });
});
