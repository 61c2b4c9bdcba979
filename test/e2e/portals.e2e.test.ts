import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, serveFixture, timeFromDomReadyTo, type LaunchedExtension } from './harness';

/**
 * The buyer-portal overlay in Debian's Chromium with the built extension: real saved PLACE (Atexo, Symfony and
 * Prado) and AWS pages served at their real URLs (the 2020 PLACE fragments carry no URL: served at a consultation
 * URL of the right shape), everything else blocked — including the BOAMP API the AWS page's link would use, so the
 * overlay must fall back to the page. Then "Analyser cette page" injected into a page no source reads.
 */

const PLACE = 'https://www.marches-publics.gouv.fr';
const AWS = 'https://www.marches-publics.info';
const MAXI_LIST = 'https://marches.maximilien.fr/?page=entreprise.EntrepriseAdvancedSearch&AllCons';
const ANALYSE_URL = 'https://api.ted.europa.eu/e2e-brouillon/avis-2020.html';
const panel = (page: Page) => page.locator('regie-radar-panel');

async function openReady(ext: LaunchedExtension, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await expect.poll(() => panel(page).getAttribute('data-state'), { timeout: 25_000 }).toBe('ready');
  return page;
}

describe('buyer portals overlay (E2E)', () => {
  let ext: LaunchedExtension;

  beforeAll(async () => {
    ext = await launchExtension();
    await serveFixture(ext.context, `${PLACE}/entreprise/consultation/2992873?orgAcronyme=d4t`, 'test/fixtures/atexo/place-2026-symfony/place_2992873_d4t.recap.excerpt.html');
    await serveFixture(
      ext.context,
      `${PLACE}/index.php?page=entreprise.EntrepriseDemandeTelechargementDce&refConsultation=625746&orgAcronyme=x7c`,
      'test/fixtures/atexo/place-2020-prado/place_dce_625746_x7c__doc35692049.html',
    );
    // The lots popup of that Prado page (same origin, fetched by the content script): a synthetic page, none was saved.
    await serveFixture(ext.context, `${PLACE}/index.php?page=commun.PopUpDetailLots&orgAccronyme=x7c&refConsultation=625746&lang=fr`, 'test/fixtures/atexo/popup-detail-lots.synthetic.html');
    await serveFixture(ext.context, `${PLACE}/entreprise/consultation/455753506?orgAcronyme=p1e`, 'test/fixtures/atexo/place-2020-symfony/T455753506.html');
    await serveFixture(ext.context, MAXI_LIST, 'test/fixtures/atexo/prado-resultats.synthetic.html');
    await serveFixture(ext.context, `${AWS}/Annonces/MPI-pub-2024110345.htm`, 'test/fixtures/aws/MPI-pub-2024110345.AAPCGenere.excerpt.html');
    await serveFixture(ext.context, `${AWS}/Annonces/lister`, 'test/fixtures/aws/aws-lister.synthetic.html');
    // "Analyser cette page" relies on activeTab, which only a real click on the toolbar grants; headless E2E cannot
    // click it, so the page is served on a host the extension already holds (the TED API host) — no source reads it.
    await serveFixture(ext.context, ANALYSE_URL, 'test/fixtures/boamp-avis-2020/T455776160.html');
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('PLACE Symfony page (2026): panel with title, buyer, deadline, CPV and the two lots', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${PLACE}/entreprise/consultation/2992873?orgAcronyme=d4t`);
    const ms = await timeFromDomReadyTo(page, 'regie-radar-panel[data-state="ready"] .rr-badge');
    console.log(`[portals E2E] PLACE Symfony: DOM ready → panel badge ${ms} ms`);
    const p = panel(page);
    expect(await p.locator('[data-testid="rr-title"]').textContent()).toBe(
      'Assistance à maîtrise d’ouvrage pour la conception et la passation de marchés publics de développement d’outils de gestion et de visualisation de données sur l’eau sur le bassin versant Marais poitevin',
    );
    expect(await p.locator('[data-field="buyer"] dd').textContent()).toBe('Etablissement Public du Marais Poitevin');
    expect(await p.locator('[data-field="deadline"] dd').textContent()).toContain('22 juin 2026');
    expect(await p.locator('[data-field="cpv"] dd').textContent()).toContain('71241000');
    expect(await p.locator('table.rr-lots tbody tr').count()).toBe(2);
    expect(await p.locator('.rr-badge').first().getAttribute('data-verdict')).toMatch(/^(opportunity|maybe|no)$/);
    await page.close();
  });

  it('PLACE Prado DCE page (2020): panel read from the Prado ids, lots fetched from the popup', async () => {
    const page = await openReady(ext, `${PLACE}/index.php?page=entreprise.EntrepriseDemandeTelechargementDce&refConsultation=625746&orgAcronyme=x7c`);
    const p = panel(page);
    expect(await p.locator('[data-testid="rr-title"]').textContent()).toBe("AOO Prestations d'assurance Risques Statutaires pour les 4 Etablissements du GHT de l'Artois");
    expect(await p.locator('[data-field="buyer"] dd').textContent()).toBe('CH BETHUNE - service marchés');
    expect(await p.locator('[data-field="deadline"] dd').textContent()).toContain('16 septembre 2020');
    expect(await p.locator('table.rr-lots tbody tr').count()).toBe(4);
    await page.close();
  });

  it('PLACE "insertion professionnelle" subject (trap): read and assessed, not reserved', async () => {
    const page = await openReady(ext, `${PLACE}/entreprise/consultation/455753506?orgAcronyme=p1e`);
    const p = panel(page);
    expect(await p.locator('[data-testid="rr-title"]').textContent()).toMatch(/^Prestations de service d'insertion professionnelle/);
    expect(await p.locator('[data-flag="reserved-siae"]').count()).toBe(0);
    await page.close();
  });

  it('Atexo result list on another instance (Maximilien, synthetic rows): one badge per consultation', async () => {
    const page = await ext.context.newPage();
    await page.goto(MAXI_LIST);
    await expect.poll(() => page.locator('regie-radar-badge[data-verdict]').count(), { timeout: 25_000 }).toBe(2);
    expect(await page.locator('regie-radar-badge[data-id="atexo:marches.maximilien.fr:a1b:2990001"]').count()).toBe(1);
    await page.close();
  });

  it('AWS notice page: BOAMP record unreachable → the page itself, with lots, criteria and the watch button', async () => {
    const page = await openReady(ext, `${AWS}/Annonces/MPI-pub-2024110345.htm`);
    const p = panel(page);
    expect(await p.locator('[data-testid="rr-title"]').textContent()).toBe(
      "Accord-cadre relatif à la fourniture de produits d'entretien, d'hygiène et de petits équipements pour la commune de CHAVENAY (78)",
    );
    expect(await p.locator('[data-field="buyer"] dd').textContent()).toBe('COMMUNE DE CHAVENAY');
    expect(await p.locator('[data-field="deadline"] dd').textContent()).toContain('17 mai 2024');
    expect(await p.locator('table.rr-lots tbody tr').count()).toBe(2);
    await p.locator('[data-testid="rr-watch"]').click();
    await expect.poll(() => p.locator('[data-testid="rr-watch"]').textContent()).toContain('Suivi');
    await page.close();
  });

  it('AWS result list: one badge per row', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${AWS}/Annonces/lister`);
    await expect.poll(() => page.locator('regie-radar-badge[data-verdict]').count(), { timeout: 25_000 }).toBe(3);
    expect(await page.locator('regie-radar-badge[data-id="aws:MPI-pub-2024110345"]').count()).toBe(1);
    expect(await panel(page).count()).toBe(0);
    await page.close();
  });

  it('"Analyser cette page" on a page no source reads: text source, same panel, result back to the caller', async () => {
    const url = ANALYSE_URL;
    const page = await ext.context.newPage();
    await page.goto(url);
    // No content script reads this page: no panel until asked.
    await page.waitForTimeout(1500);
    expect(await panel(page).count()).toBe(0);
    await page.bringToFront();
    // What the popup button does (lib/analyse-page/run-in-tab.ts): inject the unlisted script into the active tab.
    const result = (await ext.serviceWorker.evaluate(async (u) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: unknown): Promise<{ id: number; url?: string }[]> }; scripting: { executeScript(o: unknown): Promise<{ result?: unknown }[]> } } }).chrome;
      const tabs = await c.tabs.query({ active: true });
      const tab = tabs.find((t) => t.url === u) ?? tabs[0];
      const frames = await c.scripting.executeScript({ target: { tabId: tab!.id }, files: ['/analyse-page.js'] });
      return frames[0]?.result;
    }, url)) as { ok: boolean; source?: string; title?: string };
    console.log(`[portals E2E] analyse-page result: ${JSON.stringify(result)}`);
    expect(result.ok).toBe(true);
    expect(result.source).toBe('text');
    // The page is the real BOAMP 2020 notice 20-102039, "(Marché réservé)" to ateliers protégés and SIAE.
    expect(result.title).toBe('Conception et mise à jour des plans de sécurité incendie sur divers groupes du département de la Seine-Maritime (Marché réservé)');
    await expect.poll(() => panel(page).getAttribute('data-state'), { timeout: 25_000 }).toBe('ready');
    expect(await panel(page).locator('[data-testid="rr-title"]').textContent()).toBe(result.title);
    // Styled although injected: the CSS is put into the shadow root.
    expect(await panel(page).locator('.rr-panel').evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    await page.close();
  });
});
