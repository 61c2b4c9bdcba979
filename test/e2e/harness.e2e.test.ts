import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, serveJson, type LaunchedExtension } from './harness';

// The harness itself: the extension loads, the network is closed unless routed, routes answer at real URLs.
describe('E2E harness', () => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('loads the extension and exposes its service worker', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    const name = await ext.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }).chrome.runtime.getManifest().name);
    expect(name).toBe('Régie Radar');
  });

  it('aborts unrouted requests and serves routed ones, from pages and from the service worker', async () => {
    await serveJson(ext.context, 'https://routed.example/data.json', { hello: 'monde' });
    const page = await ext.context.newPage();
    const blocked = await page.goto('https://unrouted.example/').then(
      () => 'loaded',
      () => 'blocked',
    );
    expect(blocked).toBe('blocked');
    expect(ext.blockedRequests).toContain('https://unrouted.example/');
    const fromWorker = await ext.serviceWorker.evaluate(async () => {
      const r = await fetch('https://routed.example/data.json');
      return (await r.json()) as { hello: string };
    });
    expect(fromWorker.hello).toBe('monde');
    await page.close();
  });
});
