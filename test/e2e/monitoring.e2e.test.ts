import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, serveJson, type LaunchedExtension } from './harness';

/**
 * Monitoring in Chromium with the built extension: the two APIs are served by `context.route` from the recorded
 * responses (26 real BOAMP records paged by offset/limit, one TED page), the run is started by the options page's
 * "Vérifier maintenant" button, and the notification (read in the service worker) and the inbox appear.
 */
const pool = JSON.parse(readFileSync('test/fixtures/monitoring/boamp-v21-26records.assembled.json', 'utf8')) as { total_count: number; results: unknown[] };
const ted = JSON.parse(readFileSync('test/fixtures/monitoring/ted-v3-search-4notices.assembled.json', 'utf8')) as object;

declare const chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } };

let ext: LaunchedExtension;
const boampUrls: string[] = [];

beforeAll(async () => {
  ext = await launchExtension();
  await serveJson(ext.context, /boamp-datadila\.opendatasoft\.com\/api\/explore\/v2\.1\/catalog\/datasets\/boamp\/records/, (url) => {
    boampUrls.push(url.toString());
    const limit = Number(url.searchParams.get('limit') ?? '10');
    const offset = Number(url.searchParams.get('offset') ?? '0');
    return { total_count: pool.total_count, results: pool.results.slice(offset, offset + limit) };
  });
  await serveJson(ext.context, 'https://api.ted.europa.eu/v3/notices/search', ted);
});

afterAll(async () => {
  await ext?.close();
});

describe('monitoring (veille) in the browser', () => {
  it('"Vérifier maintenant" queries the APIs, shows one notification and the inbox; dismiss and watch work; a second check adds nothing', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    await page.getByTestId('last-success').waitFor();
    await expect.poll(() => page.getByTestId('last-success').textContent()).toContain('jamais');
    await page.getByTestId('run-now').click();
    await expect.poll(() => page.getByTestId('options-message').textContent(), { timeout: 30_000 }).toContain('7 nouvelles opportunités');
    expect(boampUrls).toHaveLength(1);
    expect(new URL(boampUrls[0]!).searchParams.get('where')).toMatch(/^dateparution >= date'\d{4}-\d{2}-\d{2}'/);
    await expect.poll(() => page.getByTestId('inbox-item').count()).toBe(7);
    await expect.poll(() => page.getByTestId('inbox-count').textContent()).toContain('7 nouvelles');
    expect(await page.getByTestId('last-success').textContent()).not.toContain('jamais');

    const notifications = await ext.serviceWorker.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(notifications).filter((id) => id.startsWith('regie-radar-veille:'))).toHaveLength(1);

    // The TED copy of BOAMP 26-5927 is shown on the BOAMP row, not as an eighth row.
    const aizenay = page.locator('[data-key="boamp:26-5927"]');
    expect(await aizenay.textContent()).toContain('Aussi publié : ted:00035723-2026');
    await aizenay.getByTestId('inbox-watch').click();
    await aizenay.getByTestId('inbox-watched').waitFor();
    await page.locator('[data-key="boamp:26-3091"]').getByTestId('inbox-dismiss').click();
    await expect.poll(() => page.getByTestId('inbox-item').count()).toBe(6);

    await page.getByTestId('run-now').click();
    await expect.poll(() => page.getByTestId('options-message').textContent(), { timeout: 30_000 }).toContain('aucune nouvelle opportunité');
    await expect.poll(() => page.getByTestId('inbox-item').count()).toBe(6);
    const after = await ext.serviceWorker.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(after).filter((id) => id.startsWith('regie-radar-veille:'))).toHaveLength(1);

    // The watched notice is in the watchlist page.
    const list = await ext.context.newPage();
    await list.goto(ext.extensionUrl('watchlist.html'));
    await expect.poll(() => list.locator('body').textContent(), { timeout: 15_000 }).toContain('Balayage mécanisé des voiries');
  });
});
