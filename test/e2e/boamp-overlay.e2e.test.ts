import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { failRoute, launchExtension, serveFixture, serveJson, type LaunchedExtension } from './harness';

/**
 * The boamp.fr overlay in Debian's Chromium with the built extension: real pages served at their real URLs,
 * the BOAMP API answered from real records (assembled into a v2.1 envelope), everything else blocked.
 */

const FIX = 'test/fixtures/boamp-page';
const SEARCH_URL = 'https://www.boamp.fr/pages/recherche/';
const API = 'https://boamp-datadila.opendatasoft.com/api/explore/v2.1/catalog/datasets/boamp/records**';
const CARD_IDS = ['26-12', '26-13', '26-43', '26-52', '26-57', '26-63', '26-71', '26-70', '26-18', '26-62'];

interface Envelope {
  total_count: number;
  results: Array<{ idweb: string }>;
}
const RECORDS = JSON.parse(readFileSync(`${FIX}/api-v21_26-3091_26-5927.assembled.json`, 'utf8')) as Envelope;

/** Answers like the API: the records whose idweb the ODSQL `where` names. */
function apiAnswer(url: URL): Envelope {
  const where = url.searchParams.get('where') ?? '';
  const results = RECORDS.results.filter((r) => where.includes(`"${r.idweb}"`));
  return { total_count: results.length, results };
}

async function messageFromExtensionPage(ext: LaunchedExtension, message: unknown): Promise<unknown> {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('popup.html'));
  const answer = await page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  );
  await page.close();
  return answer;
}

const panel = (page: Page) => page.locator('regie-radar-panel');

describe('boamp.fr overlay (E2E)', () => {
  let ext: LaunchedExtension;
  const apiRequests: string[] = [];

  beforeAll(async () => {
    ext = await launchExtension();
    await serveFixture(ext.context, `${SEARCH_URL}**`, `${FIX}/pages-recherche_rendered_2026-01-04.trimmed.html`);
    await serveFixture(ext.context, /^https:\/\/www\.boamp\.fr\/pages\/avis/, `${FIX}/avis-shell.synthetic.html`);
    await serveJson(ext.context, API, (url) => {
      apiRequests.push(url.href);
      return apiAnswer(url);
    });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('puts a badge on every result card, from one batched API query', async () => {
    apiRequests.length = 0;
    const page = await ext.context.newPage();
    await page.goto(SEARCH_URL);
    const badges = page.locator('regie-radar-badge[data-verdict]');
    await expect.poll(() => badges.count(), { timeout: 20_000 }).toBe(10);
    const ids = await badges.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids).toEqual(CARD_IDS);
    // each badge sits inside its own card
    const inCards = await badges.evaluateAll((els) => els.every((e) => e.parentElement?.classList.contains('card-notification')));
    expect(inCards).toBe(true);
    const ms = Number(await badges.first().getAttribute('data-rr-ms'));
    console.log(`[e2e] boamp.fr search page, fresh browser: DOMContentLoaded → first badge ${ms} ms`);
    expect(ms).toBeGreaterThan(0);
    // one query for the 10 ids (none of them is in the recorded answer: every badge stays row-based)
    await expect.poll(() => apiRequests.length).toBe(1);
    const where = new URL(apiRequests[0] ?? '').searchParams.get('where') ?? '';
    for (const id of CARD_IDS) expect(where).toContain(`"${id}"`);
    expect(await badges.evaluateAll((els) => els.map((e) => e.getAttribute('data-source')))).toEqual(Array(10).fill('row'));
    // the card with the "Critères sociaux" icon explains it in its tooltip (hover)
    const social = page.locator('regie-radar-badge[data-id="26-52"]');
    await social.locator('button').hover();
    const tip = social.locator('[role="tooltip"]');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/clause sociale/i);
    // the page's own content is untouched
    expect(await page.locator('div.card-notification').count()).toBe(10);
    // warm run (service worker awake, records cached): the time a user sees when paging through results
    await page.reload();
    await expect.poll(() => badges.count(), { timeout: 20_000 }).toBe(10);
    console.log(`[e2e] boamp.fr search page, warm: DOMContentLoaded → first badge ${await badges.first().getAttribute('data-rr-ms')} ms`);
    await page.close();
  });

  it('shows the panel of a notice from its API record, and "Suivre" writes to the watchlist', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://www.boamp.fr/pages/avis?q=idweb:"26-3091"');
    await expect.poll(() => panel(page).getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    console.log(`[e2e] boamp.fr notice page (API record): DOMContentLoaded → panel ${await panel(page).getAttribute('data-rr-ms')} ms`);
    const p = panel(page);
    expect(await p.locator('[data-testid="rr-title"]').textContent()).toBe(
      'Prestations de ménage des locaux et vitreries, gestion des consommables d\u2019hygiène'.replace('\u2019', "'"),
    );
    expect(await p.locator('[data-field="buyer"] dd').textContent()).toBe('Institut Public Ocens');
    expect(await p.locator('[data-field="deadline"] dd').textContent()).toContain('13 février 2026 à 12 h 00');
    expect(await p.locator('[data-field="cpv"] dd').textContent()).toMatch(/90910000\s*Services de nettoyage/);
    expect(await p.locator('table.rr-lots tbody tr').count()).toBe(3);
    expect(await p.locator('.rr-badge').first().getAttribute('data-verdict')).toBe('maybe');
    expect(await p.locator('[data-flag="regie-trade"]').count()).toBeGreaterThan(0);
    expect(await p.locator('a.rr-link').first().getAttribute('href')).toBe('https://www.boamp.fr/pages/avis/?q=idweb:26-3091');

    await p.locator('[data-testid="rr-watch"]').click();
    await expect.poll(() => p.locator('[data-testid="rr-watch"]').textContent()).toContain('Suivi');
    const state = await messageFromExtensionPage(ext, { type: 'watchlist.state', payload: { key: { source: 'boamp', id: '26-3091' } } });
    expect(state).toEqual({ ok: true, value: expect.objectContaining({ watched: true }) });
    await page.close();
  });

  it('remembers the collapsed state and is keyboard operable', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://www.boamp.fr/pages/avis/?q=idweb:26-5927');
    await expect.poll(() => panel(page).getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    const toggle = panel(page).locator('.rr-panel__toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await panel(page).locator('.rr-panel__body').isVisible()).toBe(false);
    await page.reload();
    await expect.poll(() => panel(page).getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    expect(await panel(page).locator('.rr-panel__toggle').getAttribute('aria-expanded')).toBe('false');
    // unfold again for the next tests
    await panel(page).locator('.rr-panel__toggle').click();
    await expect.poll(() => panel(page).locator('.rr-panel__toggle').getAttribute('aria-expanded')).toBe('true');
    await page.close();
  });

  it('follows client-side navigation: search page → notice without reload', async () => {
    const page = await ext.context.newPage();
    await page.goto(SEARCH_URL);
    await expect.poll(() => page.locator('regie-radar-badge[data-verdict]').count(), { timeout: 20_000 }).toBe(10);
    await page.evaluate(() => history.pushState({}, '', '/pages/avis?q=idweb:"26-5927"'));
    await expect.poll(() => panel(page).getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    expect(await page.locator('regie-radar-badge').count()).toBe(0);
    expect(await panel(page).locator('[data-testid="rr-title"]').textContent()).toBe('Balayage mécanisé des voiries et nettoyage des avaloirs');
    expect(await panel(page).locator('[data-field="value"] dd').textContent()).toBe('1\u202f000\u202f000\u00a0€\u00a0HT');
    await page.close();
  });

  it('falls back to the page when the API fails, and a quote click highlights the words', async () => {
    const fallback = await launchExtension();
    try {
      await serveFixture(fallback.context, 'https://www.boamp.fr/avis/detail/20-99771', 'test/fixtures/boamp-avis-2020/T455626942.html', 'text/html; charset=utf-8');
      await failRoute(fallback.context, API, 500);
      const page = await fallback.context.newPage();
      await page.goto('https://www.boamp.fr/avis/detail/20-99771');
      const p = panel(page);
      await expect.poll(() => p.getAttribute('data-state'), { timeout: 25_000 }).toBe('ready');
      expect(await p.locator('.rr-notes').textContent()).toMatch(/Lu sur la page/);
      expect(await p.locator('[data-testid="rr-title"]').textContent()).toBe('Traitements et nettoyages (4 lots)');
      expect(await p.locator('.rr-badge').first().getAttribute('data-verdict')).toBe('opportunity');
      expect(await p.locator('table.rr-lots tbody tr').count()).toBe(4);
      const quote = p.locator('[data-flag="social-clause"] button.rr-quote--link').first();
      expect(await quote.textContent()).toMatch(/clause obligatoire d.insertion/);
      await quote.click();
      const highlighted = page.locator('[data-regie-radar-highlight]');
      await expect.poll(() => highlighted.count()).toBeGreaterThan(0);
      expect(await highlighted.first().textContent()).toMatch(/clause obligatoire d.insertion/);
      await page.close();
    } finally {
      await fallback.close();
    }
  });
});
