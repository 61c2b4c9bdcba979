/**
 * TED Search API v3: request builder, fetch-injected calls, response parsing: a real saved response (3 notices,
 * transcribed and trimmed) and `search-response.synthetic.json` for the shapes the real file lacks (long field names,
 * `{value}`; research/eforms.md §14; its first notice re-uses the values of the real notice 00035723-2026).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoticeSchema } from '@/lib/notice/schema';
import {
  buildTedSearchRequest,
  fetchTedNoticeXml,
  parseTedSearchPage,
  parseTedSearchResult,
  searchTed,
  TED_SEARCH_URL,
  tedNoticeXmlUrl,
  tedQueryForProcedure,
  tedQueryForPublication,
  tedQueryForWatch,
  type FetchLike,
} from '@/lib/sources/ted';

const realResponse = JSON.parse(
  readFileSync(join(__dirname, '../../../fixtures/ted/trf-ted-search-2026-10-08.TRANSCRIBED-trimmed.json'), 'utf8'),
) as unknown;
const response = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/ted/search-response.synthetic.json'), 'utf8')) as unknown;

describe('request builder', () => {
  it('POSTs query, fields, page, limit and scope as JSON', () => {
    const req = buildTedSearchRequest({ query: tedQueryForPublication('00035723-2026'), limit: 10 });
    expect(req.url).toBe(TED_SEARCH_URL);
    expect(req.init.method).toBe('POST');
    expect(req.init.headers['Content-Type']).toBe('application/json');
    const body = JSON.parse(req.init.body) as Record<string, unknown>;
    expect(body).toMatchObject({ query: 'publication-number="00035723-2026"', page: 1, limit: 10, scope: 'ALL' });
    expect(body.fields).toContain('TI');
    expect(body.fields).toContain('links');
    expect(body.fields).toContain('publication-number');
  });
  it('rejects a limit above the API cap', () => {
    expect(() => buildTedSearchRequest({ query: 'x', limit: 251 })).toThrow();
  });
  it('builds the watch and procedure queries', () => {
    expect(tedQueryForWatch({ cpv: ['90910000', '7731*'], since: '2026-11-24' })).toBe(
      'buyer-country=FRA AND classification-cpv IN (90910000 7731*) AND publication-date>=20261124 SORT BY publication-date DESC',
    );
    expect(tedQueryForProcedure('eac997e1-"x')).toBe('procedure-identifier="eac997e1-x"');
    expect(tedNoticeXmlUrl('00035723-2026')).toBe('https://ted.europa.eu/en/notice/00035723-2026/xml');
  });
});

describe('fetch-injected calls', () => {
  it('searchTed sends the built request and returns the JSON', async () => {
    const calls: Array<{ url: string; body?: string }> = [];
    const fake: FetchLike = async (url, init) => {
      calls.push({ url, ...(init.body !== undefined ? { body: init.body } : {}) });
      return { ok: true, status: 200, json: async () => response, text: async () => '' };
    };
    const json = await searchTed({ query: 'buyer-country=FRA' }, fake);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(TED_SEARCH_URL);
    expect(parseTedSearchResult(json)).toHaveLength(2);
  });
  it('errors carry a French message with the HTTP status', async () => {
    const fake: FetchLike = async () => ({ ok: false, status: 429, json: async () => ({}), text: async () => '' });
    await expect(searchTed({ query: 'x' }, fake)).rejects.toThrow('HTTP 429');
    await expect(fetchTedNoticeXml('00035723-2026', fake)).rejects.toThrow('00035723-2026');
  });
});

describe('response → Notice[]', () => {
  const page = parseTedSearchPage(response);
  it('keeps the notices with a publication number, with paging info', () => {
    expect(page.notices.map((n) => n.id)).toEqual(['00035723-2026', '00012345-2026']);
    expect(page.total).toBe(3);
    expect(page.warnings).toEqual(['avis TED sans numéro de publication ignoré']);
    for (const n of page.notices) expect(NoticeSchema.safeParse(n).success).toBe(true);
  });
  it('multilingual fields: French first; buyer, CPV de-duplicated, place with département', () => {
    const n = page.notices[0]!;
    expect(n.source).toBe('ted');
    expect(n.url).toBe('https://ted.europa.eu/fr/notice/-/detail/00035723-2026');
    expect(n.title).toBe('France – Services de balayage des rues – Balayage mécanisé des voiries et nettoyage des avaloirs');
    expect(n.fullText).toContain('Street-cleaning services');
    expect(n.buyer).toEqual({ name: "VILLE D'AIZENAY" });
    expect(n.noticeType).toBe('contract');
    expect(n.procedure).toBe('Procédure ouverte');
    expect(n.contractNature).toBe('services');
    expect(n.publishedAt).toBe('2026-01-19');
    expect(n.deadline).toBe('2026-02-20T12:00:00+01:00');
    expect(n.estimatedValue).toEqual({ amount: 1000000, currency: 'EUR' });
    expect(n.cpv).toEqual([{ code: '90612000', main: true }, { code: '90641000', main: false }]);
    expect(n.place).toEqual({ nuts: 'FRG05', department: '85', city: 'AIZENAY' });
    expect(n.reserved).toBe('unknown');
  });
  it('other shapes: {value}, plain strings, compact dates, earliest lot deadline, bad CPV warned', () => {
    const n = page.notices[1]!;
    expect(n.title).toBe('Entretien des espaces verts – lot réservé');
    expect(n.buyer.name).toBe('Paris Habitat');
    expect(n.noticeType).toBe('award');
    expect(n.publishedAt).toBe('2026-01-05');
    expect(n.deadline).toBe('2026-02-27');
    expect(n.cpv).toEqual([{ code: '77310000', main: true }]);
    expect(n.place).toEqual({ nuts: 'FR101', department: '75' });
    expect(n.raw.warnings).toEqual(['CPV illisible : pas un code']);
  });
  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        for (const n of parseTedSearchResult(v)) expect(NoticeSchema.safeParse(n).success).toBe(true);
        for (const n of parseTedSearchResult({ notices: [v, { 'publication-number': v, 'notice-title': v, 'classification-cpv': v }] })) {
          expect(NoticeSchema.safeParse(n).success).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('real response (3 Swedish notices of a saved TED API v3 search, short field aliases)', () => {
  const notices = parseTedSearchResult(realResponse);
  it('reads ND/TI/PD, organisation-name-buyer, buyer-city, main-classification-lot', () => {
    expect(notices.map((n) => n.id)).toEqual(['475939-2026', '476004-2026', '476409-2026']);
    const n = notices[1]!;
    expect(n.title).toBe('Suède – Services juridiques – Visselblåsarfunktion');
    expect(n.url).toBe('https://ted.europa.eu/fr/notice/-/detail/476004-2026');
    expect(n.buyer).toEqual({ name: 'Stadskontoret' });
    expect(n.publishedAt).toBe('2026-07-10');
    expect(n.place).toEqual({ city: 'Malmö' });
    expect(n.cpv).toEqual([
      { code: '79100000', main: true },
      { code: '79111000', main: false },
      { code: '79720000', main: false },
    ]);
    for (const x of notices) expect(NoticeSchema.safeParse(x).success).toBe(true);
  });
  it('deadline from date + time lists, in Paris time; total-value as the estimated value, with a warning', () => {
    const n = notices[1]!;
    expect(n.deadline).toBe('2026-08-25T23:59:00+02:00');
    expect(n.estimatedValue).toEqual({ amount: 7000000, currency: 'SEK' });
    expect(n.raw.warnings).toEqual(['valeur « total-value » de l’API TED (valeur totale estimée)']);
    expect(notices[0]!.estimatedValue).toEqual({ amount: 45000000, currency: 'SEK' });
  });
  it('the full text keeps French and English titles only', () => {
    const n = notices[0]!;
    expect(n.fullText).toContain('Équipement de commande');
    expect(n.fullText).toContain('Railways traffic-control equipment');
    expect(n.fullText).not.toContain('Trafikledningsutrustning');
  });
});
