import { z } from 'zod';
import { NoticeSchema } from '@/lib/notice/schema';
import { AssessmentSchema } from '@/lib/rules/types';
import { defineMessage } from './protocol';

/**
 * Messages between content scripts / popup and the background-owned watchlist (IndexedDB lives in the
 * extension origin; content scripts never open it). Handlers are implemented in lib/watchlist.
 */

export const NoticeKeySchema = z.object({ source: NoticeSchema.shape.source, id: z.string().min(1) });
export type NoticeKey = z.infer<typeof NoticeKeySchema>;

export const WATCH_STATUSES = [
  'a-etudier',
  'go',
  'no-go',
  'en-preparation',
  'depose',
  'gagne',
  'perdu',
  'infructueux',
] as const;
export const WatchStatusSchema = z.enum(WATCH_STATUSES);
export type WatchStatus = z.infer<typeof WatchStatusSchema>;

export const WatchStateSchema = z.object({
  watched: z.boolean(),
  status: WatchStatusSchema.optional(),
  /** Fields that changed since the notice was first watched (rectificatif…), when it is watched. */
  changedFields: z.array(z.string()).optional(),
});
export type WatchState = z.infer<typeof WatchStateSchema>;

/** Watch a notice (or refresh it if already watched: change tracking compares with the stored one). */
export const WatchNotice = defineMessage(
  'watchlist.watch',
  z.object({ notice: NoticeSchema, assessment: AssessmentSchema }),
  WatchStateSchema,
);

export const UnwatchNotice = defineMessage('watchlist.unwatch', NoticeKeySchema, WatchStateSchema);

/** Is this notice watched? Also records "seen again" for change tracking when `notice` is given. */
export const GetWatchState = defineMessage(
  'watchlist.state',
  z.object({ key: NoticeKeySchema, notice: NoticeSchema.optional(), assessment: AssessmentSchema.optional() }),
  WatchStateSchema,
);

/** What the popup shows for the current tab: the notice its content script detected there (if any) and its state. */
export const TabNoticeStateSchema = z.object({
  notice: NoticeSchema.optional(),
  assessment: AssessmentSchema.optional(),
  state: WatchStateSchema,
});
export type TabNoticeState = z.infer<typeof TabNoticeStateSchema>;

/**
 * Asked by the popup (which knows the active tab id, and its URL when activeTab grants it). The background answers
 * from what GetWatchState recorded for that tab, only if the tab still shows that page.
 */
export const GetTabNotice = defineMessage(
  'watchlist.tabNotice',
  z.object({ tabId: z.number().int(), url: z.string().optional() }),
  TabNoticeStateSchema,
);
