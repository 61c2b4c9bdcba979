import { liveQuery } from 'dexie';
import type { WatchlistDb } from './db';
import { REMINDER_ALARM, noticeKeyOfReminder, runReminders, type ReminderDeps } from './reminder-runner';
import { forgetTab } from './repository';

/**
 * The only place that touches browser APIs for the watchlist, and they are passed in (structural types, so the
 * entrypoint hands over `browser` and tests a fake): reminder alarm, notifications that open the notice, the
 * toolbar badge (deadlines in the next 7 days), and tab clean-up.
 */
export interface WatchlistBrowser {
  alarms: {
    create(name: string, info: { when: number }): unknown;
    clear(name: string): unknown;
    onAlarm: { addListener(cb: (alarm: { name: string }) => void): void };
  };
  notifications: {
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): unknown;
    clear(id: string): unknown;
    onClicked: { addListener(cb: (id: string) => void): void };
  };
  action: {
    setBadgeText(details: { text: string }): unknown;
    setBadgeBackgroundColor(details: { color: string }): unknown;
    setTitle(details: { title: string }): unknown;
  };
  tabs: {
    create(props: { url: string }): unknown;
    onRemoved: { addListener(cb: (tabId: number) => void): void };
  };
  runtime: {
    getURL(path: string): string;
    onStartup: { addListener(cb: () => void): void };
    onInstalled: { addListener(cb: () => void): void };
  };
}

/** A 1×1 red PNG, used only when the extension icon cannot be loaded. */
const FALLBACK_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mO8LrKuHgAFpgI1YnO9jgAAAABJRU5ErkJggg==';

export function wireWatchlistBackground(browser: WatchlistBrowser, db: () => WatchlistDb): void {
  const deps: ReminderDeps = {
    now: Date.now,
    notify: async (n) => {
      const options = { type: 'basic' as const, iconUrl: browser.runtime.getURL('/icon/128.png'), title: n.title, message: n.message };
      try {
        await browser.notifications.create(n.id, options);
      } catch {
        // Chrome refuses a notification whose icon cannot be loaded: fall back to a built-in one rather than lose it.
        await browser.notifications.create(n.id, { ...options, iconUrl: FALLBACK_ICON });
      }
    },
    scheduleAlarm: async (when) => {
      if (when === undefined) await browser.alarms.clear(REMINDER_ALARM);
      else await browser.alarms.create(REMINDER_ALARM, { when });
    },
    setBadge: async (count) => {
      await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
      await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
      // The badge number explained on hover.
      await browser.action.setTitle({
        title: count > 0 ? `Régie Radar — ${count} date${count > 1 ? 's' : ''} limite${count > 1 ? 's' : ''} dans les 7 jours` : 'Régie Radar',
      });
    },
  };
  // Serialise runs: a start-up catch-up and an alarm arriving together must not race.
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(() => runReminders(db(), deps)).catch((error: unknown) => console.error('Régie Radar: rappels', error));
    return running;
  };

  browser.runtime.onStartup.addListener(() => {
    // Tab ids restart with the browser: what was seen in "tab 12" yesterday is not in today's tab 12.
    void db().tabNotices.clear().catch(() => undefined);
    void run();
  });
  browser.runtime.onInstalled.addListener(() => void run());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void run();
  });
  browser.notifications.onClicked.addListener((id) => {
    const key = noticeKeyOfReminder(id);
    if (!key) return;
    void (async () => {
      const watched = await db().watched.get(key);
      const url = watched && /^https?:\/\//.test(watched.url)
        ? watched.url
        : browser.runtime.getURL(`/watchlist.html#${encodeURIComponent(key)}`);
      await browser.tabs.create({ url });
      await browser.notifications.clear(id);
    })();
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(db(), tabId).catch(() => undefined));
  // Any write to the watchlist, from any extension context (popup, page, background), reschedules and re-badges:
  // the observed values change with every add/delete (count), status change and refresh (latest keys). Debounced so a
  // bulk import triggers one run, not one per write.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    if (pending !== undefined) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      void run();
    }, 1500);
  };
  liveQuery(() =>
    Promise.all([
      db().watched.count(),
      db().watched.orderBy('statusChangedAt').last(),
      db().watched.orderBy('lastSeen').last(),
      db().settings.get('reminders'),
    ]).then(([count, status, seen, settings]) => `${count}|${status?.key}:${status?.statusChangedAt}|${seen?.key}:${seen?.lastSeen}|${JSON.stringify(settings?.value)}`),
  ).subscribe({
    next: soon,
    error: (error: unknown) => console.error('Régie Radar: suivi', error),
  });
  void run();
}
