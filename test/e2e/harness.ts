/**
 * Shared E2E harness: loads the built, unpacked extension into Debian's Chromium (never a downloaded browser)
 * with playwright-core, and keeps the browser OFFLINE: every request is aborted unless a test routes it
 * (real pages and recorded API answers served at their real URLs).
 *
 * Usage (in a `*.e2e.test.ts` file):
 *   const ext = await launchExtension();
 *   await serveFixture(ext.context, 'https://www.boamp.fr/pages/recherche/', 'test/fixtures/x.html', 'text/html');
 *   await serveJson(ext.context, 'https://boamp-datadila.opendatasoft.com/api/**', json);
 *   const page = await ext.context.newPage(); await page.goto('https://www.boamp.fr/pages/recherche/');
 *   …
 *   await ext.close();
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), EXTENSION_DIR (default .output/chrome-mv3; build it
 * first, e.g. `WXT_OUT_DIR=/tmp/x npm run build:chrome` and `EXTENSION_DIR=/tmp/x/chrome-mv3`).
 *
 * Routing order: Playwright runs the most recently registered matching route first, so the catch-all abort
 * registered at launch only answers requests no later route handles.
 */
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface LaunchedExtension {
  context: BrowserContext;
  /** The extension's id (the host of its chrome-extension:// URLs). */
  extensionId: string;
  /** The MV3 background service worker (evaluate code in the extension origin with `serviceWorker.evaluate`). */
  serviceWorker: Worker;
  /** URL of an extension page, e.g. `extensionUrl('popup.html')`. */
  extensionUrl(path: string): string;
  /** Requests the catch-all route aborted (URLs), to assert that nothing tried to reach the internet unnoticed. */
  blockedRequests: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Unpacked extension directory; default EXTENSION_DIR or `.output/chrome-mv3`. */
  extensionDir?: string;
  /** Browser UI language (`--lang`), default fr-FR. */
  locale?: string;
  /** Let unrouted requests through instead of aborting them (never in committed tests). */
  allowNetwork?: boolean;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function extensionDir(): string {
  return resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3');
}

/** Launch Chromium with the extension loaded and the network closed. */
export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const dir = resolve(options.extensionDir ?? extensionDir());
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`E2E: no built extension in ${dir} — run \`npm run build:chrome\` (or set EXTENSION_DIR)`);
  }
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new Error(`E2E: Chromium not found at ${executablePath} (apt-get install -y chromium)`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'regie-radar-e2e-'));
  const locale = options.locale ?? 'fr-FR';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    locale,
    timezoneId: 'Europe/Paris',
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      `--lang=${locale}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const blockedRequests: string[] = [];
  if (!options.allowNetwork) {
    await context.route('**/*', async (route: Route) => {
      const url = route.request().url();
      // The extension's own pages and scripts are not the network: let them load.
      if (url.startsWith('chrome-extension://')) return route.continue();
      blockedRequests.push(url);
      await route.abort('internetdisconnected');
    });
  }
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    extensionUrl: (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    blockedRequests,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A fixture file's bytes; relative paths are from the project root (the directory tests run in). */
function fixtureBody(file: string): Buffer {
  return readFileSync(resolve(file));
}

/**
 * Serve a saved file at a real URL (or glob/RegExp pattern). `contentType` e.g. 'text/html; charset=utf-8'.
 * The file is read once, now, so a missing fixture fails the test at setup.
 */
export async function serveFixture(
  context: BrowserContext,
  url: string | RegExp,
  file: string,
  contentType = 'text/html; charset=utf-8',
  status = 200,
): Promise<void> {
  const body = fixtureBody(file);
  await context.route(url, (route) => route.fulfill({ status, contentType, body }));
}

/** Anything JSON.stringify accepts as a response body. */
export type JsonValue = string | number | boolean | null | object;

/** Serve a JSON value (or a function of the request URL returning one) at a URL pattern. */
export async function serveJson(
  context: BrowserContext,
  urlPattern: string | RegExp,
  json: JsonValue | ((url: URL) => unknown),
  status = 200,
): Promise<void> {
  await context.route(urlPattern, (route) => {
    const value = typeof json === 'function' ? json(new URL(route.request().url())) : json;
    return route.fulfill({
      status,
      contentType: 'application/json; charset=utf-8',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify(value),
    });
  });
}

/** Make a URL pattern fail (abort, like a network error), e.g. to test a fallback. */
export async function failRoute(context: BrowserContext, urlPattern: string | RegExp, status?: number): Promise<void> {
  await context.route(urlPattern, (route) =>
    status === undefined ? route.abort('connectionfailed') : route.fulfill({ status, body: 'error' }),
  );
}

/** Milliseconds from the page's DOMContentLoaded to `selector` being visible (Playwright locators pierce open shadow roots). */
export async function timeFromDomReadyTo(page: Page, selector: string, timeout = 20_000): Promise<number> {
  await page.locator(selector).first().waitFor({ state: 'visible', timeout });
  const visibleAt = await page.evaluate(() => performance.now());
  const domReady = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav?.domContentLoadedEventStart ?? 0;
  });
  return Math.max(0, visibleAt - domReady);
}
