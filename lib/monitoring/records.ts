import { z } from 'zod';
import { NoticeSchema } from '@/lib/notice/schema';
import { AssessmentSchema } from '@/lib/rules/types';

/** One match found by the watch, as the inbox stores it (Dexie table `inbox`, key = `source:id`). */
export const InboxStatusSchema = z.enum(['new', 'watched', 'dismissed']);
export type InboxStatus = z.infer<typeof InboxStatusSchema>;

export const InboxItemSchema = z.object({
  key: z.string().min(3),
  notice: NoticeSchema,
  assessment: AssessmentSchema,
  /** Cross-source keys (dedupe-keys.ts); multi-entry index, so a TED copy of a BOAMP notice finds this row. */
  dedupeKeys: z.array(z.string()),
  /** Other copies of the same procedure met later ("boamp:26-5927", "ted:00035723-2026"). */
  alsoOn: z.array(z.string()),
  status: InboxStatusSchema,
  topReason: z.string(),
  /** Carries a mechanism the user asked to hear about first. */
  priority: z.boolean(),
  foundAt: z.number(),
  /** When it went into a notification (set BEFORE the notification is shown: never twice, even after a crash). */
  notifiedAt: z.number().optional(),
  runId: z.string(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

/** Where a run stopped, so the next one resumes there (after a crash, a closed worker or an API failure). */
export const RunCursorSchema = z.object({
  runId: z.string(),
  startedAt: z.number(),
  /** Publication day (YYYY-MM-DD) the run asks from. */
  since: z.string(),
  phase: z.enum(['boamp', 'ted', 'done']),
  /** BOAMP window being read: [windowStart, windowEnd) in publication days; no end = up to today. */
  windowStart: z.string(),
  windowEnd: z.string().optional(),
  offset: z.number().int().nonnegative(),
  tedPage: z.number().int().min(1),
});
export type RunCursor = z.infer<typeof RunCursorSchema>;

export const MonitorStateSchema = z.object({
  key: z.literal('state'),
  lastSuccessAt: z.number().optional(),
  lastRunAt: z.number().optional(),
  lastError: z.string().optional(),
  lastErrorAt: z.number().optional(),
  /** Set while a run is unfinished. */
  cursor: RunCursorSchema.optional(),
  lastRunStats: z
    .object({ requests: z.number(), records: z.number(), matches: z.number(), duplicates: z.number(), warnings: z.array(z.string()) })
    .optional(),
});
export type MonitorState = z.infer<typeof MonitorStateSchema>;
