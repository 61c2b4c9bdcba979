import { z } from 'zod';
import { NoticeSchema } from '@/lib/notice/schema';
import { AssessmentSchema } from '@/lib/rules/types';
import { BoampPageHeaderSchema } from '@/lib/sources/boamp/page-dom';
import { defineMessage } from './protocol';

/**
 * Messages of the on-page overlay: content scripts never fetch the open-data APIs nor run the rules themselves;
 * they ask the background, which fetches (host permissions, cache), parses, labels CPV codes (the 9 454-label
 * table stays out of content scripts) and evaluates with the user's profile. Handlers: lib/overlay/record-handlers.ts.
 */

/** A notice with its assessment, as the overlay shows it. */
export const AssessedNoticeSchema = z.object({ notice: NoticeSchema, assessment: AssessmentSchema });
export type AssessedNotice = z.infer<typeof AssessedNoticeSchema>;

/** BOAMP records by idweb (one batched API query for a whole results page). */
export const GetBoampRecords = defineMessage(
  'records.boamp',
  z.object({ ids: z.array(z.string().min(1).max(40)).min(1).max(500) }),
  z.object({
    found: z.array(AssessedNoticeSchema),
    /** Ids the API did not return (or could not be asked for). */
    missing: z.array(z.string()),
    /** Network / API problems, in French; non-empty with `found` empty means "use the page instead". */
    errors: z.array(z.string()),
  }),
);

/** A TED notice by publication number ("00035723-2026"), from its eForms XML. */
export const GetTedNotice = defineMessage(
  'records.ted',
  z.object({ publicationNumber: z.string().regex(/^\d{1,8}-\d{4}$/) }),
  z.object({ found: AssessedNoticeSchema.optional(), errors: z.array(z.string()) }),
);

/** Assess notices read from the page (fallback, result cards): labels their CPV codes and runs the rules. */
export const AssessNotices = defineMessage(
  'records.assess',
  z.object({ notices: z.array(NoticeSchema).max(200) }),
  z.object({ results: z.array(AssessedNoticeSchema) }),
);

/**
 * Read a boamp.fr notice page from its visible text and header, then assess it (the fallback when the API
 * fails). The heavy label reader runs in the background so the content script stays under its size budget.
 */
export const AssessBoampPage = defineMessage(
  'records.boampPage',
  z.object({ text: z.string().max(1_000_000), url: z.string().url(), header: BoampPageHeaderSchema }),
  AssessedNoticeSchema,
);
