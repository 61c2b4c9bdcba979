import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, serveJson, type LaunchedExtension } from './harness';

/**
 * Monitoring when the BOAMP API misbehaves: a 429 with Retry-After then success (retried, the run ends well), and
 * an API down (503 on every attempt): the options page shows the error and "jamais" as last success, and the next
 * check resumes and succeeds once the API is back.
 */
const pool = JSON.parse(readFileSync('test/fixtures/monitoring/boamp-v21-26records.assembled.json', 'utf8')) as { total_count: number; results: unknown[] };

let ext: LaunchedExtension;
let mode: 'down' | 'up' | 'rate-limited-once' = 'down';
let calls = 0;

beforeAll(async () => {
  ext = await launchExtension();
  await ext.context.route(/boamp-datadila\.opendatasoft\.com\/api\//, async (route) => {
    calls += 1;
    if (mode === 'down') return route.fulfill({ status: 503, body: 'Service Unavailable' });
    if (mode === 'rate-limited-once') {
      mode = 'up';
      return route.fulfill({ status: 429, headers: { 'Retry-After': '1', 'access-control-allow-origin': '*' }, body: '{}' });
    }
    const url = new URL(route.request().url());
    const offset = Number(url.searchParams.get('offset') ?? '0');
    const limit = Number(url.searchParams.get('limit') ?? '10');
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ total_count: pool.total_count, results: pool.results.slice(offset, offset + limit) }),
    });
  });
  await serveJson(ext.context, 'https://api.ted.europa.eu/v3/notices/search', { notices: [], totalNoticeCount: 0 });
});

afterAll(async () => {
  await ext?.close();
});

describe('monitoring errors in the browser', () => {
  it('API down: error shown, no success recorded; API back after a 429: the check resumes and succeeds', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    await page.getByTestId('run-now').click();
    await expect.poll(() => page.getByTestId('options-message').textContent(), { timeout: 40_000 }).toContain('Vérification interrompue : API BOAMP : HTTP 503');
    expect(calls).toBe(4); // 1 + 3 retries
    expect(await page.getByTestId('last-error').textContent()).toContain('HTTP 503');
    expect(await page.getByTestId('last-success').textContent()).toContain('jamais');

    mode = 'rate-limited-once';
    await page.getByTestId('run-now').click();
    await expect.poll(() => page.getByTestId('options-message').textContent(), { timeout: 40_000 }).toContain('7 nouvelles opportunités');
    expect(calls).toBe(4 + 2);
    await expect.poll(() => page.getByTestId('last-error').count()).toBe(0);
    expect(await page.getByTestId('last-success').textContent()).not.toContain('jamais');
  });
});
