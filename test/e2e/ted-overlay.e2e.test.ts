import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, serveFixture, type LaunchedExtension } from './harness';

/**
 * The TED overlay in Chromium. No real TED page was saved for the project: the pages are small synthetic ones
 * served at real TED URLs; the notice itself comes from an official eForms SDK example XML served at the
 * notice's XML address, as the background fetches it.
 */
const PUB = '00123456-2026';
const NOTICE_URL = `https://ted.europa.eu/en/notice/-/detail/${PUB}`;
const XML_URL = `https://ted.europa.eu/en/notice/${PUB}/xml`;

describe('TED overlay (E2E)', () => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension();
    await serveFixture(ext.context, XML_URL, 'test/fixtures/eforms/sdk/cn_24_FRA_comments.xml', 'application/xml');
    await serveFixture(ext.context, NOTICE_URL, 'test/fixtures/ted-page/notice-shell.synthetic.html');
    await serveFixture(ext.context, 'https://ted.europa.eu/en/search/result**', 'test/fixtures/ted-page/search-results.synthetic.html');
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the panel of a TED notice from its eForms XML', async () => {
    const page = await ext.context.newPage();
    await page.goto(NOTICE_URL);
    const panel = page.locator('regie-radar-panel');
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    console.log(`[e2e] TED notice page (XML record): DOMContentLoaded → panel ${await panel.getAttribute('data-rr-ms')} ms`);
    expect(await panel.locator('[data-testid="rr-title"]').textContent()).toBe("Service d'entretien de remise en état et de nettoyage des espaces verts");
    expect(await panel.locator('[data-field="buyer"] dd').textContent()).toBe('Rouen Habitat');
    expect(await panel.locator('.rr-badge').first().getAttribute('data-verdict')).toBe('maybe');
    expect(await panel.locator('table.rr-lots tbody tr').count()).toBe(2);
    expect(await panel.locator('[data-field="cpv"] dd').textContent()).toContain('77310000');
    expect(await panel.locator('.rr-notes').count()).toBe(0);
    await page.close();
  });

  it('badges each row of a TED results page', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://ted.europa.eu/en/search/result?query=espaces%20verts');
    const badges = page.locator('regie-radar-badge[data-verdict]');
    await expect.poll(() => badges.count(), { timeout: 20_000 }).toBe(2);
    expect(await badges.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual([PUB, '00654321-2026']);
    await page.close();
  });
});
