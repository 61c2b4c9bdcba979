import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createDispatcher } from '@/lib/messaging/protocol';
import { recordHandlers, type RecordFetch } from '@/lib/overlay/record-handlers';
import { DEFAULT_PROFILE } from '@/lib/rules/profile';

// Real records (H4's copy of the corpus: 4 records of a January 2026 BOAMP export, transcribed).
const RECORDS = JSON.parse(readFileSync('test/fixtures/boamp/records/exports-json_2026-01_pdl_4full_TRANSCRIBED.json', 'utf8')) as Array<{ idweb: string }>;

/** A fake BOAMP API: answers the records the ODSQL `where` names, counts the calls. */
function fakeApi(options: { fail?: boolean } = {}) {
  const calls: string[] = [];
  const fetch: RecordFetch = async (url) => {
    calls.push(url);
    if (options.fail) throw new TypeError('Failed to fetch');
    const where = new URL(url).searchParams.get('where') ?? '';
    const results = RECORDS.filter((r) => where.includes(`"${r.idweb}"`));
    return { ok: true, status: 200, json: async () => ({ total_count: results.length, results }), text: async () => '' };
  };
  return { fetch, calls };
}

const labels = async () =>
  new Map([['90910000', { code: '90910000', checkDigit: '9', fr: 'Services de nettoyage', en: 'Cleaning services' }]]);

describe('overlay background handlers', () => {
  it('fetches several idwebs in ONE API query, assesses them, keeps the order asked, caches them', async () => {
    const api = fakeApi();
    let now = 0;
    const dispatch = createDispatcher(recordHandlers({ fetch: api.fetch, cpvLabels: labels, now: () => now, loadProfile: async () => DEFAULT_PROFILE }));
    const reply = await dispatch({ type: 'records.boamp', payload: { ids: ['26-5927', '26-3091', '26-99999'] } });
    expect(reply.ok).toBe(true);
    const value = (reply as { ok: true; value: { found: Array<{ notice: { id: string; title: string; cpv: Array<{ code: string; label?: string }> }; assessment: { verdict: string } }>; missing: string[] } }).value;
    expect(api.calls).toHaveLength(1);
    expect(value.found.map((f) => f.notice.id)).toEqual(['26-5927', '26-3091']);
    expect(value.missing).toEqual(['26-99999']);
    const menage = value.found[1];
    expect(menage?.notice.title).toBe("Prestations de ménage des locaux et vitreries, gestion des consommables d'hygiène");
    expect(menage?.notice.cpv.find((c) => c.code === '90910000')?.label).toBe('Services de nettoyage');
    expect(menage?.assessment.verdict).toBe('maybe');
    // second ask within the cache lifetime: no new API call
    now = 60_000;
    await dispatch({ type: 'records.boamp', payload: { ids: ['26-3091'] } });
    expect(api.calls).toHaveLength(1);
    // after expiry (6 h): asked again
    now = 7 * 3_600_000;
    await dispatch({ type: 'records.boamp', payload: { ids: ['26-3091'] } });
    expect(api.calls).toHaveLength(2);
  });

  it('reports a network failure as errors, without throwing', async () => {
    const dispatch = createDispatcher(recordHandlers({ fetch: fakeApi({ fail: true }).fetch, cpvLabels: labels }));
    const reply = await dispatch({ type: 'records.boamp', payload: { ids: ['26-3091'] } });
    expect(reply).toMatchObject({ ok: true, value: { found: [], missing: ['26-3091'] } });
    expect((reply as { ok: true; value: { errors: string[] } }).value.errors.join(' ')).toMatch(/API BOAMP/);
  });

  it('assesses notices read from a page, and rejects malformed ones', async () => {
    const dispatch = createDispatcher(recordHandlers({ fetch: fakeApi().fetch, cpvLabels: labels }));
    const bad = await dispatch({ type: 'records.assess', payload: { notices: [{ id: 'x' }] } });
    expect(bad.ok).toBe(false);
    const notice = {
      source: 'boamp', id: '26-43', url: 'https://www.boamp.fr/pages/avis/?q=idweb:26-43', title: "Prestations de nettoyage des tours et remparts d'Aigues-Mortes",
      buyer: { name: 'Centre des Monuments Nationaux' }, noticeType: 'contract', cpv: [{ code: '90910000', main: true }], place: {}, lots: [], criteria: [],
      reserved: 'unknown', socialSignals: [], fullText: '', raw: { format: 'html:boamp-card', fieldsUsed: [] },
    };
    const ok = await dispatch({ type: 'records.assess', payload: { notices: [notice] } });
    const results = (ok as { ok: true; value: { results: Array<{ notice: { cpv: Array<{ label?: string }> }; assessment: { flags: Array<{ id: string }> } }> } }).value.results;
    expect(results[0]?.notice.cpv[0]?.label).toBe('Services de nettoyage');
    expect(results[0]?.assessment.flags.some((f) => f.id === 'regie-trade')).toBe(true);
  });

  it('reads a TED notice from its eForms XML (official SDK example), keyed by publication number', async () => {
    const xml = readFileSync('test/fixtures/eforms/sdk/cn_24_FRA_comments.xml', 'utf8');
    const fetch: RecordFetch = async (url) => {
      expect(url).toBe('https://ted.europa.eu/en/notice/00123456-2026/xml');
      return { ok: true, status: 200, json: async () => ({}), text: async () => xml };
    };
    const dispatch = createDispatcher(recordHandlers({ fetch, cpvLabels: labels }));
    const reply = await dispatch({ type: 'records.ted', payload: { publicationNumber: '00123456-2026' } });
    const value = (reply as { ok: true; value: { found?: { notice: { source: string; id: string; title: string } } } }).value;
    expect(value.found?.notice.source).toBe('ted');
    expect(value.found?.notice.id).toBe('00123456-2026');
    expect(value.found?.notice.title).toBe("Service d'entretien de remise en état et de nettoyage des espaces verts");
    const refused = await dispatch({ type: 'records.ted', payload: { publicationNumber: '../etc' } });
    expect(refused.ok).toBe(false);
  });

  it('reads a boamp.fr page from the text and header the content script sends (API fallback)', async () => {
    const { DOMParser } = await import('linkedom');
    const { visibleText } = await import('@/lib/sources/text/visible-text');
    const { readBoampPageHeader } = await import('@/lib/sources/boamp/page-dom');
    const doc = new DOMParser().parseFromString(readFileSync('test/fixtures/boamp-avis-2020/T455626942.html', 'utf8'), 'text/html') as unknown as Document;
    const dispatch = createDispatcher(recordHandlers({ fetch: fakeApi().fetch, cpvLabels: labels }));
    const reply = await dispatch({
      type: 'records.boampPage',
      payload: { text: visibleText(doc), url: 'https://www.boamp.fr/avis/detail/20-99771', header: readBoampPageHeader(doc) },
    });
    const value = (reply as { ok: true; value: { notice: { id: string; title: string; lots: unknown[] }; assessment: { verdict: string; flags: Array<{ id: string }> } } }).value;
    expect(value.notice.id).toBe('20-99771');
    expect(value.notice.title).toBe('Traitements et nettoyages (4 lots)');
    expect(value.notice.lots).toHaveLength(4);
    expect(value.assessment.verdict).toBe('opportunity');
    expect(value.assessment.flags.some((f) => f.id === 'social-clause')).toBe(true);
  });
});
