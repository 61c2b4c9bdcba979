import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, serveFixture, serveJson, type LaunchedExtension } from './harness';

/**
 * The buyer self-check page in real Chromium with the built extension (shared harness: Debian Chromium, network
 * closed): a real BOAMP record file dropped on the page gives the report; the Markdown export downloads; the print
 * stylesheet hides the input controls and the PDF is produced; a pasted text also works; a PDF-like binary is refused.
 * Build first: WXT_OUT_DIR=/tmp/h9-out npm run build:chrome; run with EXTENSION_DIR=/tmp/h9-out/chrome-mv3.
 */

let ext: LaunchedExtension;

beforeAll(async () => {
  ext = await launchExtension();
});

afterAll(async () => {
  await ext?.close();
});

/** Drop a file on the drop zone the way a user's drag and drop does (DataTransfer with a File). */
async function dropFile(page: Page, fileName: string, content: string, mime: string): Promise<void> {
  await page.evaluate(
    ({ fileName, content, mime }) => {
      const zone = document.querySelector('[data-testid="self-check-drop"]');
      if (!zone) throw new Error('no drop zone');
      const dt = new DataTransfer();
      dt.items.add(new File([content], fileName, { type: mime }));
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    },
    { fileName, content, mime },
  );
}

describe('self-check page', () => {
  it('a dropped real BOAMP record file gives the report, with statuses, Markdown export and a clean print', async () => {
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(ext.extensionUrl('self-check.html'));
    await page.getByText('Vérifier un avis (acheteur)').waitFor();
    const content = readFileSync('test/fixtures/boamp/records/exports-json_2026-01_pdl_4full_TRANSCRIBED.json', 'utf8');
    await dropFile(page, 'boamp_202601.json', content, 'application/json');
    await page.locator('[data-testid="self-check-report"]').waitFor({ timeout: 15_000 });
    // Four records in the file: the picker lists them; choose 26-5927 (street sweeping, 1 000 000 €).
    const select = page.locator('select');
    expect(await select.locator('option').count()).toBe(4);
    await select.selectOption({ index: 3 });
    await page.locator('.sc-report__title', { hasText: 'Balayage mécanisé des voiries' }).waitFor();
    const allotment = page.locator('[data-check="check-allotment-justification"]');
    expect(await allotment.getAttribute('data-status')).toBe('a-revoir');
    expect(await allotment.innerText()).toContain('CCP art. L2113-11');
    expect(await page.locator('[data-check="check-criteria-weights"]').getAttribute('data-status')).toBe('ok');
    expect(await page.locator('[data-check="check-eu-social-environmental"]').getAttribute('data-status')).toBe('non-applicable');
    // A reference date after 22 August 2026: the Climate-law check becomes "Manquant".
    await page.locator('[data-testid="self-check-date"]').fill('2026-09-15');
    await page.locator('[data-check="check-eu-social-environmental"][data-status="manquant"]').waitFor();
    expect(await page.locator('[data-suggestion="suggest-insertion-clause"]').count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="self-check-markdown"]').click()]);
    expect(download.suggestedFilename()).toBe('auto-controle-26-5927.md');
    const path = await download.path();
    const md = readFileSync(path, 'utf8');
    expect(md).toContain('# Auto-contrôle de l’avis : Balayage mécanisé des voiries');
    expect(md).toContain('### Manquant — Au-dessus des seuils européens');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-testid="self-check-drop"]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="self-check-markdown"]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="self-check-report"]').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('a dropped eForms XML and a pasted text are read; a binary file is refused in French', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('self-check.html'));
    await dropFile(page, 'cn_24_maximal.xml', readFileSync('test/fixtures/eforms/sdk/cn_24_maximal.xml', 'utf8'), 'application/xml');
    await page.locator('[data-check="check-ess-reservation"][data-status="a-revoir"]').waitFor({ timeout: 15_000 });
    await dropFile(page, 'avis.pdf', '%PDF-1.4\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007', 'application/pdf');
    await page.locator('[data-testid="self-check-problem"]').waitFor();
    expect(await page.locator('[data-testid="self-check-problem"]').innerText()).toMatch(/pas un texte lisible/);
    await page.locator('[data-testid="self-check-text"]').fill(
      'Objet du marché : entretien ménager des parties communes. Marché réservé aux structures d’insertion par l’activité économique (SIAE). Procédure adaptée. Date limite de réception des offres : 12 mars 2026.',
    );
    await page.locator('[data-testid="self-check-run"]').click();
    await page.locator('[data-check="check-reserved-share"][data-status="a-revoir"]').waitFor({ timeout: 15_000 });
    await page.close();
  }, 60_000);

  it('opened for a boamp.fr tab (?tab=&url=), checks the notice the overlay read on that tab', async () => {
    // H6's real boamp.fr notice shell and the real API records 26-3091 / 26-5927, served at their real URLs.
    const FIX = 'test/fixtures/boamp-page';
    const records = JSON.parse(readFileSync(`${FIX}/api-v21_26-3091_26-5927.assembled.json`, 'utf8')) as { results: Array<{ idweb: string }> };
    await serveFixture(ext.context, /^https:\/\/www\.boamp\.fr\/pages\/avis/, `${FIX}/avis-shell.synthetic.html`);
    await serveJson(ext.context, 'https://boamp-datadila.opendatasoft.com/api/explore/v2.1/catalog/datasets/boamp/records**', (url) => {
      const where = url.searchParams.get('where') ?? '';
      const results = records.results.filter((r) => where.includes(`"${r.idweb}"`));
      return { total_count: results.length, results };
    });
    const noticeUrl = 'https://www.boamp.fr/pages/avis/?q=idweb:26-5927';
    const tab = await ext.context.newPage();
    await tab.goto(noticeUrl);
    await expect.poll(() => tab.locator('regie-radar-panel').getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    // Without the "tabs" permission the extension cannot read tab URLs: the notice tab is the active one (just opened),
    // as when the user clicks the toolbar button on it.
    const tabId = await ext.serviceWorker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } }).chrome;
      const [active] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      return active?.id;
    });
    expect(typeof tabId).toBe('number');
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl(`self-check.html?tab=${tabId}&url=${encodeURIComponent(noticeUrl)}`));
    await page.locator('.sc-report__title', { hasText: 'Balayage mécanisé des voiries' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.sc-origin').innerText()).toBe('Source : avis de l’onglet courant.');
    expect(await page.locator('[data-check="check-allotment-justification"]').getAttribute('data-status')).toBe('a-revoir');
    await page.close();
    await tab.close();
  }, 60_000);
});
