import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWatchedRecord } from '@/lib/watchlist/repository';
import { formatDeadlineFr } from '@/lib/watchlist/format-fr';
import type { WatchedNotice } from '@/lib/watchlist/records';
import { loadBoampRecords, recordToNotice, syntheticAssessment } from '../lib/watchlist/seed-notices';
import { launchExtension, type LaunchedExtension } from './harness';

/**
 * The popup and the watchlist page in real Chromium with the built extension (H6's harness: Debian Chromium,
 * network closed): a note typed in the popup survives closing it mid-sentence, a broken backup is refused without
 * change, a rectified deadline shows in the detail view, CSV export, bulk status change, and timings with
 * 10 000 watched notices (printed, not asserted against a clock: benchmarks are not timed tests).
 * Build first: WXT_OUT_DIR=/tmp/h8-out npm run build:chrome; run with EXTENSION_DIR=/tmp/h8-out/chrome-mv3.
 */

/** The extension APIs used inside page.evaluate (they run in the extension page, not in Node). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: object): Promise<string> };
};

let ext: LaunchedExtension;
let context: BrowserContext;

beforeAll(async () => {
  ext = await launchExtension();
  context = ext.context;
});

afterAll(async () => {
  await ext?.close();
});

const url = (path: string) => ext.extensionUrl(path);
const records = loadBoampRecords();

/** Put list rows straight into the extension's IndexedDB (same store shapes the repository writes). */
async function seedRows(page: Page, rows: WatchedNotice[]) {
  for (let i = 0; i < rows.length; i += 2000) {
    await page.evaluate(async (chunk) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('regie-radar');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('watched', 'readwrite');
        for (const r of chunk) tx.objectStore('watched').put(r);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, rows.slice(i, i + 2000));
  }
}

async function readNotes(page: Page): Promise<{ noticeKey: string; text: string }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('regie-radar');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const notes = await new Promise<{ noticeKey: string; text: string }[]>((resolve, reject) => {
      const req = db.transaction('notes').objectStore('notes').getAll();
      req.onsuccess = () => resolve(req.result as { noticeKey: string; text: string }[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return notes;
  });
}

describe('popup', () => {
  it('shows the notice detected in the tab, watches it, and keeps a note typed just before closing', async () => {
    const r = records[0];
    if (!r) throw new Error('fixture');
    const notice = recordToNotice(r);
    notice.deadline = new Date(Date.now() + 3 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const assessment = syntheticAssessment(notice);
    // Opened as a tab, the popup's "active tab" is itself: report the notice as its content script would.
    const page = await context.newPage();
    await page.goto(url('popup.html'));
    await page.waitForSelector('[data-ready="yes"]');
    const reply = await page.evaluate(
      async ({ notice, assessment }) => chrome.runtime.sendMessage({ type: 'watchlist.state', payload: { key: { source: notice.source, id: notice.id }, notice, assessment } }),
      { notice, assessment },
    );
    expect(reply).toEqual({ ok: true, value: { watched: false } });
    await page.reload();
    await page.waitForSelector('[data-testid="current-notice"]');
    expect(await page.textContent('h2')).toContain("DÉCHETTERIE D'ORANGE");
    expect(await page.textContent('[data-testid="verdict"]')).toContain('À regarder');
    await page.click('[data-testid="watch-toggle"]');
    await page.waitForSelector('[data-testid="watch-toggle"][aria-pressed="true"]');
    await page.selectOption('[data-testid="status-picker"]', 'go');

    // Type and close at once: no time for the debounced write.
    await page.fill('[data-testid="note-editor"]', 'Visite obligatoire le 12, appeler la CCPOP');
    await page.close({ runBeforeUnload: true });

    // Reopen: a new tab here, so report the notice for it again, as the content script does on every visit.
    const again = await context.newPage();
    await again.goto(url('popup.html'));
    await again.waitForSelector('[data-ready="yes"]');
    await again.evaluate(
      async ({ notice, assessment }) => chrome.runtime.sendMessage({ type: 'watchlist.state', payload: { key: { source: notice.source, id: notice.id }, notice, assessment } }),
      { notice, assessment },
    );
    await again.reload();
    await again.waitForSelector('[data-testid="note-editor"]');
    expect(await again.inputValue('[data-testid="note-editor"]')).toBe('Visite obligatoire le 12, appeler la CCPOP');
    await expect.poll(async () => (await readNotes(again)).map((n) => n.text)).toEqual(['Visite obligatoire le 12, appeler la CCPOP']);
    expect(await again.inputValue('[data-testid="status-picker"]')).toBe('go');
    // The toolbar badge counts it (deadline in 3 days, status go).
    await expect.poll(() => again.evaluate(() => chrome.action.getBadgeText({})), { timeout: 15_000 }).toBe('1');
    await again.close();
  });
});

describe('watchlist page', () => {
  it('shows a rectified deadline, the note and the status history in the detail view; exports CSV', async () => {
    const r = records[0];
    if (!r) throw new Error('fixture');
    const stored = await (async () => {
      const p = await context.newPage();
      await p.goto(url('popup.html'));
      await p.waitForSelector('[data-ready="yes"]');
      return p;
    })();
    // The notice is seen again (rectificatif): deadline moved by 7 days.
    const notice = recordToNotice(r);
    const newDeadline = new Date(Date.now() + 10 * 86_400_000);
    newDeadline.setUTCHours(10, 0, 0, 0);
    notice.deadline = newDeadline.toISOString().replace(/\.\d+Z$/, 'Z');
    const reply = await stored.evaluate(
      async ({ notice, assessment }) => chrome.runtime.sendMessage({ type: 'watchlist.state', payload: { key: { source: notice.source, id: notice.id }, notice, assessment } }),
      { notice, assessment: syntheticAssessment(notice) },
    );
    expect(reply).toEqual({ ok: true, value: { watched: true, status: 'go', changedFields: ['deadline'] } });
    await stored.close();

    const page = await context.newPage();
    await page.goto(url(`watchlist.html#${encodeURIComponent('boamp:24-76932')}`));
    await page.waitForSelector('[data-testid="detail-changes"]');
    const changes = await page.textContent('[data-testid="detail-changes"]');
    expect(changes).toContain('Date limite :');
    expect(changes).toContain(formatDeadlineFr(notice.deadline));
    expect(await page.textContent('[data-testid="detail-history"]')).toMatch(/À étudier.*Go/s);
    await page.waitForSelector('[data-testid="detail-notes"] textarea');
    expect(await page.inputValue('[data-testid="detail-notes"] textarea')).toBe('Visite obligatoire le 12, appeler la CCPOP');
    expect(await page.textContent('tr.changed')).toContain('modifié');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv.startsWith('\uFEFFSource;Identifiant;Objet;Acheteur;Département;Statut')).toBe(true);
    expect(csv).toContain("boamp;24-76932;MISSION DE MAITRISE D’ŒUVRE");
    expect(csv).toContain(';Go;À regarder;40;');
    await page.close();
  });

  it('refuses a broken backup with a clear message and changes nothing', async () => {
    const page = await context.newPage();
    await page.goto(url('watchlist.html'));
    await page.waitForSelector('[data-ready="yes"]');
    const before = await page.textContent('[data-testid="page-info"]');
    await page.setInputFiles('[data-testid="import-file"]', {
      name: 'sauvegarde.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"regie-radar-backup","version":1,"exportedAt":"2026-11-25","watched":[{"key":"boamp:'),
    });
    await page.waitForSelector('[data-testid="message"]');
    expect(await page.textContent('[data-testid="message"]')).toMatch(/^Import refusé — Le fichier n'est pas du JSON valide \(fichier tronqué ou abîmé \?\)/);
    await page.reload();
    await page.waitForSelector('[data-ready="yes"]');
    expect(await page.textContent('[data-testid="page-info"]')).toBe(before);
    await page.close();
  });

  it('stays fast with 10 000 watched notices: first render, filtering, bulk status change; popup too', async () => {
    const now = Date.now();
    const rows: WatchedNotice[] = [];
    for (let k = 0; rows.length < 10_000; k++) {
      for (const r of records) {
        if (rows.length >= 10_000) break;
        const n = recordToNotice(r, `-${k}`);
        // Real titles and buyers; deadlines spread from 10 days ago to 80 days ahead.
        n.deadline = new Date(now + ((rows.length % 90) - 10) * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
        rows.push(buildWatchedRecord(n, syntheticAssessment(n), now - 1000));
      }
    }
    const page = await context.newPage();
    await page.goto(url('watchlist.html'));
    await page.waitForSelector('[data-ready="yes"]');
    await seedRows(page, rows);

    const t0 = Date.now();
    await page.reload();
    await page.waitForSelector('[data-testid="watch-table"] tbody tr');
    const firstRender = Date.now() - t0; // first page of rows, from the deadline index
    await page.waitForSelector('[data-testid="watchlist"][data-ready="yes"]');
    const fullLoad = Date.now() - t0; // every row loaded and indexed for filtering
    const loadMs = await page.getAttribute('[data-testid="watchlist"]', 'data-load-ms');
    const firstRowsAt = await page.getAttribute('[data-testid="watchlist"]', 'data-first-rows-at');
    const readyAt = await page.getAttribute('[data-testid="watchlist"]', 'data-ready-at');
    expect(await page.textContent('[data-testid="page-info"]')).toMatch(/Page 1 \/ 201 — 10\s001 avis/);

    // Popup measured once the page is idle and the background's debounced reminder run is done.
    await page.waitForTimeout(2500);
    const popup = await context.newPage();
    const t2 = Date.now();
    await popup.goto(url('popup.html'));
    await popup.waitForSelector('[data-testid="next-deadlines"] li, [data-testid="current-notice"]');
    const popupRender = Date.now() - t2;
    await popup.waitForSelector('[data-ready-ms]');
    const popupReadyMs = await popup.getAttribute('[data-testid="popup"]', 'data-ready-ms');
    // Share of it spent loading the page and its scripts (the rest is the tab message and the two index queries).
    const popupDomReady = await popup.evaluate(() => Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? -1));

    const t1 = Date.now();
    await page.fill('[data-testid="filter-text"]', 'dechetterie');
    await page.waitForFunction(() => !/10\s001 avis/.test(document.querySelector('[data-testid="page-info"]')?.textContent ?? ''));
    const filterRoundTrip = Date.now() - t1; // includes the 150 ms typing debounce
    const filterMs = await page.getAttribute('[data-testid="watchlist"]', 'data-filter-ms');
    // + 1: the notice watched in the popup test (24-76932, "DÉCHETTERIE D'ORANGE").
    const expected = rows.filter((w) => /d[eé]chetterie/i.test(w.title) || /d[eé]chetterie/i.test(w.buyerName)).length + 1;
    expect(await page.textContent('[data-testid="page-info"]')).toContain(`${expected.toLocaleString('fr-FR')} avis`);

    await page.check('[data-testid="select-page"]');
    await page.selectOption('[data-testid="bulk-status"]', 'no-go');
    await page.click('[data-testid="bulk-apply"]');
    await page.waitForSelector('[data-testid="message"]');
    expect(await page.textContent('[data-testid="message"]')).toBe(`${Math.min(50, expected)} avis passés au statut « No-go ».`);

    console.log(
      `[h8 perf] 10 001 watched notices — watchlist page first rows ${firstRender} ms (in-page ${firstRowsAt} ms after navigation start), ` +
        `full list ready ${fullLoad} ms (in-page ${readyAt} ms; IndexedDB load + index ${loadMs} ms), ` +
        `text filter ${filterMs} ms in memory (${filterRoundTrip} ms with the 150 ms debounce), popup first render ${popupRender} ms (in-page ${popupReadyMs} ms after navigation start, of which ${popupDomReady} ms to DOMContentLoaded)`,
    );
    await popup.close();
    await page.close();
  });
});
