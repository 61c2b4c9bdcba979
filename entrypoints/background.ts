import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { createDispatcher } from '@/lib/messaging/protocol';
import { backgroundHandlers } from '@/lib/messaging/handlers';
import { wireWatchlistBackground } from '@/lib/watchlist/background-wiring';
import { getWatchlistDb } from '@/lib/watchlist/db';
import { wireMonitoringBackground } from '@/lib/monitoring/background-wiring';

// Thin entrypoint: behaviour lives in lib/ (message handlers, watchlist, monitoring); this only wires browser APIs.
export default defineBackground(() => {
  const dispatch = createDispatcher(backgroundHandlers());
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    dispatch(message, { tabId: sender.tab?.id, url: sender.tab?.url ?? sender.url }),
  );
  wireWatchlistBackground(browser, getWatchlistDb);
  wireMonitoringBackground(browser, getWatchlistDb, (url, init) => fetch(url, init));
});
