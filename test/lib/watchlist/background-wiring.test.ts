import { describe, expect, it, vi } from 'vitest';
import { wireWatchlistBackground, type WatchlistBrowser } from '@/lib/watchlist/background-wiring';
import { recordTabNotice, setReminderSettings, watchNotice } from '@/lib/watchlist/repository';
import { freshDb } from './fake-db';
import { loadBoampRecords, recordToNotice, syntheticAssessment } from './seed-notices';

type Listener<A extends unknown[]> = (...args: A) => void;

function fakeBrowser() {
  const listeners = {
    alarm: [] as Listener<[{ name: string }]>[],
    click: [] as Listener<[string]>[],
    removed: [] as Listener<[number]>[],
    startup: [] as Listener<[]>[],
    installed: [] as Listener<[]>[],
  };
  const calls = {
    notifications: [] as { id: string; iconUrl: string; title: string; message: string }[],
    cleared: [] as string[],
    badge: [] as string[],
    alarms: [] as (number | 'cleared')[],
    tabs: [] as string[],
    titles: [] as string[],
  };
  let iconBroken = true;
  const browser: WatchlistBrowser = {
    alarms: {
      create: (_name, info) => void calls.alarms.push(info.when),
      clear: () => void calls.alarms.push('cleared'),
      onAlarm: { addListener: (cb) => void listeners.alarm.push(cb) },
    },
    notifications: {
      create: async (id, o) => {
        // Chrome refuses a notification whose icon cannot be loaded (no icon file shipped yet).
        if (iconBroken && !o.iconUrl.startsWith('data:')) throw new Error('Unable to download all specified images.');
        calls.notifications.push({ id, iconUrl: o.iconUrl, title: o.title, message: o.message });
      },
      clear: (id) => void calls.cleared.push(id),
      onClicked: { addListener: (cb) => void listeners.click.push(cb) },
    },
    action: {
      setBadgeText: ({ text }) => void calls.badge.push(text),
      setBadgeBackgroundColor: () => undefined,
      setTitle: ({ title }) => void calls.titles.push(title),
    },
    tabs: {
      create: ({ url }) => void calls.tabs.push(url),
      onRemoved: { addListener: (cb) => void listeners.removed.push(cb) },
    },
    runtime: {
      getURL: (path) => `chrome-extension://test${path}`,
      onStartup: { addListener: (cb) => void listeners.startup.push(cb) },
      onInstalled: { addListener: (cb) => void listeners.installed.push(cb) },
    },
  };
  return { browser, listeners, calls, fixIcon: () => (iconBroken = false) };
}

describe('background wiring (fake browser APIs, fake-indexeddb)', () => {
  it('start-up catch-up shows one notification (fallback icon), click opens the notice, badge counts, tab clean-up', async () => {
    const { db } = freshDb('wiring');
    const record = loadBoampRecords()[0];
    if (!record) throw new Error('fixture');
    const notice = recordToNotice(record);
    // Deadline in 30 minutes: J-7 and J-2 (08:00 Paris) were missed while the browser was closed.
    notice.deadline = new Date(Date.now() + 30 * 60_000).toISOString();
    await setReminderSettings(db, { enabled: true, offsetsDays: [7, 2], hour: 8, minute: 0 });
    await watchNotice(db, notice, syntheticAssessment(notice), Date.now() - 86_400_000 * 10);
    await recordTabNotice(db, 12, notice, syntheticAssessment(notice), Date.now());

    const fake = fakeBrowser();
    wireWatchlistBackground(fake.browser, () => db);
    for (const cb of fake.listeners.startup) cb();
    for (const cb of fake.listeners.installed) cb();
    await vi.waitFor(() => expect(fake.calls.badge).toContain('1'), { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.calls.notifications).toHaveLength(1);
    expect(fake.calls.titles.at(-1)).toBe('Régie Radar — 1 date limite dans les 7 jours');
    const shown = fake.calls.notifications[0];
    expect(shown?.title).toMatch(/^Rappel J-2 — date limite \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    expect(shown?.iconUrl.startsWith('data:image/png;base64,')).toBe(true);
    expect(fake.calls.alarms.at(-1)).toBe('cleared'); // nothing left to ring for

    for (const cb of fake.listeners.click) cb(shown?.id ?? '');
    await vi.waitFor(() => expect(fake.calls.tabs).toEqual(['https://www.boamp.fr/pages/avis/?q=idweb:24-76932']));
    expect(fake.calls.cleared).toEqual([shown?.id]);

    for (const cb of fake.listeners.removed) cb(12);
    await vi.waitFor(async () => expect(await db.tabNotices.count()).toBe(0));
    db.close();
  });
});
