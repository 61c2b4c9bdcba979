import { z } from 'zod';
import { MoneySchema, NoticeSchema } from '@/lib/notice/schema';
import { AssessmentSchema, SeveritySchema, VerdictSchema } from '@/lib/rules/types';
import { WatchStatusSchema } from '@/lib/messaging/watchlist';

/**
 * Shapes of what the watchlist stores. The same schemas validate a JSON backup on import, so a record read back from
 * a file is exactly a record we could have written.
 */

export const CHANGE_FIELDS = ['deadline', 'estimatedValue', 'lots', 'noticeType', 'cancelled'] as const;
export const ChangeFieldSchema = z.enum(CHANGE_FIELDS);
export type ChangeField = z.infer<typeof ChangeFieldSchema>;

/** One detected change of a watched notice (rectificatif, annulation…), values already written for display. */
export const ChangeRecordSchema = z.object({
  at: z.number().int().nonnegative(),
  field: ChangeFieldSchema,
  before: z.string().max(2000),
  after: z.string().max(2000),
});
export type ChangeRecord = z.infer<typeof ChangeRecordSchema>;

/** A flag as the list shows it (the full flag, with evidence, is in the notice body). */
export const FlagSummarySchema = z.object({ id: z.string(), title: z.string(), severity: SeveritySchema });
export type FlagSummary = z.infer<typeof FlagSummarySchema>;

/**
 * One watched notice as the list, the popup, reminders and exports need it: small on purpose, so that reading
 * 10 000 of them stays fast. The full Notice and Assessment live in `bodies` under the same key.
 */
export const WatchedNoticeSchema = z.object({
  /** Natural key "source:id" (a notice id is only unique within its source). */
  key: z.string().min(3).max(400),
  source: NoticeSchema.shape.source,
  id: z.string().min(1).max(300),
  title: z.string(),
  buyerName: z.string(),
  url: z.string(),
  noticeType: NoticeSchema.shape.noticeType,
  /** ISO deadline as the notice gives it, and the same instant in ms for indexes and reminders. */
  deadline: z.string().optional(),
  deadlineMs: z.number().optional(),
  estimatedValue: MoneySchema.optional(),
  status: WatchStatusSchema,
  verdict: VerdictSchema,
  score: z.number(),
  flags: z.array(FlagSummarySchema),
  flagIds: z.array(z.string()),
  trades: z.array(z.string()),
  department: z.string(),
  tags: z.array(z.string().max(100)),
  firstSeen: z.number().int().nonnegative(),
  lastSeen: z.number().int().nonnegative(),
  statusChangedAt: z.number().int().nonnegative(),
  /** Changes seen since it was first watched, oldest first. */
  changes: z.array(ChangeRecordSchema),
  /** Text of the latest note, for search and the CSV export (kept in sync by the repository). */
  lastNote: z.string(),
});
export type WatchedNotice = z.infer<typeof WatchedNoticeSchema>;

/** The notice and its assessment at the time it was last seen (detail view, change tracking). */
export const NoticeBodySchema = z.object({ key: z.string().min(3).max(400), notice: NoticeSchema, assessment: AssessmentSchema });
export type NoticeBody = z.infer<typeof NoticeBodySchema>;

export const NoteSchema = z.object({
  id: z.number().int().positive().optional(),
  noticeKey: z.string().min(3).max(400),
  text: z.string().max(100_000),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  author: z.string().max(200).optional(),
});
export type Note = z.infer<typeof NoteSchema>;

export const StatusEventSchema = z.object({
  id: z.number().int().positive().optional(),
  noticeKey: z.string().min(3).max(400),
  status: WatchStatusSchema,
  at: z.number().int().nonnegative(),
  who: z.string().max(200).optional(),
  comment: z.string().max(10_000).optional(),
});
export type StatusEvent = z.infer<typeof StatusEventSchema>;

/** A reminder that has been shown (or skipped during a catch-up): never shown twice. */
export const FiredReminderSchema = z.object({
  id: z.string(),
  noticeKey: z.string(),
  dueAt: z.number(),
  firedAt: z.number(),
  /** False when it was due while the browser was closed and a later reminder of the same notice was shown instead. */
  shown: z.boolean(),
});
export type FiredReminder = z.infer<typeof FiredReminderSchema>;

export const TagSchema = z.object({ name: z.string().min(1).max(100), createdAt: z.number() });
export type Tag = z.infer<typeof TagSchema>;

export const SettingSchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type Setting = z.infer<typeof SettingSchema>;

/** The last notice a content script detected in a tab, so the popup can show it even after the worker restarted. */
export const TabNoticeSchema = z.object({
  tabId: z.number().int(),
  notice: NoticeSchema,
  assessment: AssessmentSchema,
  seenAt: z.number(),
  /** The page the content script was on: a tab that has since navigated elsewhere no longer shows this notice. */
  url: z.string().optional(),
});
export type TabNotice = z.infer<typeof TabNoticeSchema>;

export function noticeKey(source: string, id: string): string {
  return `${source}:${id}`;
}
