import { handle, type Handler } from '@/lib/messaging/protocol';
import { GetTabNotice, GetWatchState, UnwatchNotice, WatchNotice } from '@/lib/messaging/watchlist';
import type { WatchlistDb } from './db';
import { getTabNotice, getWatchState, recordTabNotice, seeNoticeAgain, unwatchNotice, watchNotice } from './repository';

/**
 * Background handlers of the watchlist messages (content scripts and the popup use them; extension pages may also
 * call the repository directly). `now` is injected for tests.
 */
export function watchlistHandlers(db: () => WatchlistDb, now: () => number = Date.now): Handler[] {
  return [
    handle(WatchNotice, ({ notice, assessment }) => watchNotice(db(), notice, assessment, now())),
    handle(UnwatchNotice, (key) => unwatchNotice(db(), key)),
    handle(GetWatchState, async ({ key, notice, assessment }, sender) => {
      // A content script reporting what it detected: remember it for the popup, and track changes if watched.
      if (notice && assessment) {
        if (sender.tabId !== undefined) await recordTabNotice(db(), sender.tabId, notice, assessment, now(), sender.url);
        if (notice.source === key.source && notice.id === key.id) return seeNoticeAgain(db(), notice, assessment, now());
      }
      return getWatchState(db(), key);
    }),
    handle(GetTabNotice, async ({ tabId, url }) => {
      const seen = await getTabNotice(db(), tabId, url);
      if (!seen) return { state: { watched: false } };
      return {
        notice: seen.notice,
        assessment: seen.assessment,
        state: await getWatchState(db(), { source: seen.notice.source, id: seen.notice.id }),
      };
    }),
  ];
}
