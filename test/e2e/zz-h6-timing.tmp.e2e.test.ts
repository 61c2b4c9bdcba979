import { it } from 'vitest';
import { launchExtension, serveFixture, serveJson } from './harness';
it('timing', async () => {
  const ext = await launchExtension();
  await serveFixture(ext.context, 'https://www.boamp.fr/pages/recherche/**', 'test/fixtures/boamp-page/pages-recherche_rendered_2026-01-04.trimmed.html');
  await serveJson(ext.context, 'https://boamp-datadila.opendatasoft.com/**', { total_count: 0, results: [] });
  const page = await ext.context.newPage();
  page.on('console', (m) => { if (m.text().includes('[rr]')) console.log('CONSOLE', m.text()); });
  for (let i = 0; i < 3; i++) {
    await page.goto('https://www.boamp.fr/pages/recherche/');
    await page.locator('regie-radar-badge[data-verdict]').first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(1500);
    console.log('CONSOLE ---');
  }
  await ext.close();
});
