import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadNoticesFromString } from '@/lib/cli/load-input';
import { loadSelfCheckInput } from '@/lib/self-check/load-input';
import { selfCheckPagePath } from '@/lib/self-check/page-url';

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const read = (p: string) => readFileSync(`test/fixtures/${p}`, 'utf8');

describe('loadSelfCheckInput — same parsers as the CLI, HTML parser injected', () => {
  it.each([
    ['eforms/sdk/cn_24_maximal.xml', 'eforms-xml'],
    ['boamp/records/exports-json_2026-01_pdl_4full_TRANSCRIBED.json', 'boamp-records'],
    ['boamp/xml/test-pub-5.xml', 'boamp-dila-xml'],
    ['boamp-avis-2020/T455776160.html', 'html'],
  ])('%s reads as %s, with the same notices as the CLI', (path, format) => {
    const content = read(path);
    const fileName = path.split('/').pop() ?? '';
    const loaded = loadSelfCheckInput({ content, fileName, parseHtml });
    expect(loaded.format).toBe(format);
    const cli = loadNoticesFromString(content, { fileName });
    expect(loaded.notices.map((n) => [n.id, n.title])).toEqual(cli.map((n) => [n.id, n.title]));
  });
  it('plain pasted text goes to the text source', () => {
    const loaded = loadSelfCheckInput({ content: 'Objet du marché : nettoyage des locaux. Procédure adaptée. Date limite de réception des offres : 12 mars 2026.', parseHtml });
    expect(loaded.format).toBe('text');
    expect(loaded.notices[0]?.fullText).toMatch(/nettoyage des locaux/);
  });
  it('empty or binary input: no notice and a French reason, no exception', () => {
    expect(loadSelfCheckInput({ content: '   ', parseHtml }).problem).toMatch(/vide/);
    expect(loadSelfCheckInput({ content: '%PDF\u0000\u0001\u0002\u0003\u0004\u0005\u0006', parseHtml }).problem).toMatch(/pas un texte lisible/);
  });
});

describe('selfCheckPagePath', () => {
  it('passes the tab id and its URL, encoded; nothing for no tab', () => {
    expect(selfCheckPagePath({ id: 42, url: 'https://www.boamp.fr/pages/avis/?q=idweb:"26-5927"' })).toBe(
      '/self-check.html?tab=42&url=https%3A%2F%2Fwww.boamp.fr%2Fpages%2Favis%2F%3Fq%3Didweb%3A%2226-5927%22',
    );
    expect(selfCheckPagePath()).toBe('/self-check.html');
    expect(selfCheckPagePath({ id: -1, url: 'https://x/' })).toBe('/self-check.html');
  });
});
