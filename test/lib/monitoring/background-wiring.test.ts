import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openWatchlistDb } from '@/lib/watchlist/db';
import { setMonitoringSettings } from '@/lib/watchlist/monitoring-store';
import { endOfQuiet, MONITORING_ALARM, MONITORING_DEFERRED_ALARM, wireMonitoringBackground, type MonitoringBrowser } from '@/lib/monitoring/background-wiring';
import { DEFAULT_MONITORING_SETTINGS, inQuietHours } from '@/lib/monitoring/settings';
import { monitoringHandlers } from '@/lib/monitoring/handlers';
import { mockApis } from './mock-apis';

function fakeBrowser(granted = true) {
  const alarms: { name: string; info: unknown }[] = [];
  const cleared: string[] = [];
  const notes: { id: string; title: string }[] = [];
  const opened: string[] = [];
  const listeners: { alarm?: (a: { name: string }) => void; click?: (id: string) => void } = {};
  const browser: MonitoringBrowser = {
    alarms: {
      create: (name, info) => alarms.push({ name, info }),
      clear: (name) => cleared.push(name),
      onAlarm: { addListener: (cb) => (listeners.alarm = cb) },
    },
    notifications: {
      create: (id, o) => notes.push({ id, title: o.title }),
      clear: () => undefined,
      onClicked: { addListener: (cb) => (listeners.click = cb) },
    },
    tabs: { create: ({ url }) => opened.push(url) },
    runtime: { getURL: (p) => `chrome-extension://x${p}`, onStartup: { addListener: () => undefined }, onInstalled: { addListener: () => undefined } },
    permissions: { contains: async () => granted },
  };
  return { browser, alarms, cleared, notes, opened, listeners };
}

// 10:00 in Paris on 2026-11-25 (outside the default quiet hours 21 h–7 h); 23:00 inside them.
const DAY = Date.parse('2026-11-25T10:00:00+01:00');
const NIGHT = Date.parse('2026-11-25T23:00:00+01:00');

describe('monitoring background wiring', () => {
  it('quiet hours (Paris time, across midnight)', () => {
    expect(inQuietHours(DAY, { start: 21, end: 7 })).toBe(false);
    expect(inQuietHours(NIGHT, { start: 21, end: 7 })).toBe(true);
    expect(new Date(endOfQuiet(NIGHT, { start: 21, end: 7 })).toISOString()).toBe('2026-11-26T06:00:00.000Z');
  });

  it('"Vérifier maintenant" runs, notifies once; the click opens the inbox; the alarm follows the frequency', async () => {
    const db = openWatchlistDb('wiring', new IDBFactory(), IDBKeyRange);
    await setMonitoringSettings(db, { ...DEFAULT_MONITORING_SETTINGS, enabled: true, frequencyHours: 12 });
    const fb = fakeBrowser();
    let clock = DAY;
    const runtime = wireMonitoringBackground(fb.browser, () => db, mockApis().fetch, { now: () => clock, sleep: async (ms) => void (clock += ms) });
    const [runNow] = monitoringHandlers(() => runtime);
    const reply = await runNow!.run({}, {});
    expect(reply).toMatchObject({ ok: true, value: { status: 'ok', newItems: 7 } });
    expect(fb.notes).toHaveLength(1);
    expect(fb.notes[0]!.title).toBe('Régie Radar : 7 nouvelles opportunités');
    fb.listeners.click?.(fb.notes[0]!.id);
    await new Promise((r) => setTimeout(r, 0));
    expect(fb.opened).toEqual(['chrome-extension://x/options.html#boite-de-reception']);
    await runtime.reschedule();
    expect(fb.alarms.at(-1)).toEqual({ name: MONITORING_ALARM, info: { delayInMinutes: 1, periodInMinutes: 720 } });
  });

  it('an alarm in quiet hours postpones the run to their end; disabled or without permission it does nothing', async () => {
    const db = openWatchlistDb('quiet', new IDBFactory(), IDBKeyRange);
    await setMonitoringSettings(db, { ...DEFAULT_MONITORING_SETTINGS, enabled: true });
    const fb = fakeBrowser();
    const api = mockApis();
    const runtime = wireMonitoringBackground(fb.browser, () => db, api.fetch, { now: () => NIGHT, sleep: async () => undefined });
    const r = await runtime.runNow();
    expect(r.status).toBe('skipped');
    expect(api.calls).toHaveLength(0);
    expect(fb.alarms.at(-1)).toEqual({ name: MONITORING_DEFERRED_ALARM, info: { when: Date.parse('2026-11-26T06:00:00.000Z') } });

    const noPerm = fakeBrowser(false);
    const r2 = await wireMonitoringBackground(noPerm.browser, () => db, api.fetch, { now: () => DAY, sleep: async () => undefined }).runNow();
    expect(r2.reason).toContain('non autorisé');
    await setMonitoringSettings(db, { ...DEFAULT_MONITORING_SETTINGS, enabled: false });
    const r3 = await wireMonitoringBackground(fakeBrowser().browser, () => db, api.fetch, { now: () => DAY, sleep: async () => undefined }).runNow();
    expect(r3.reason).toBe('veille désactivée');
    expect(api.calls).toHaveLength(0);
  });
});
