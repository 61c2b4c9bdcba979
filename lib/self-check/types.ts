import { z } from 'zod';
import { EvidenceSchema, ParameterValueSchema } from '@/lib/rules/types';

/**
 * Self-check report contract (issue 8): what a buyer should double-check in its own notice. Each check has a stable id
 * prefixed `check-` (types.ts of the rules reserves that prefix), a status, plain-French explanation, the words of the
 * notice it rests on, the article(s), and the dated parameter(s) used (threshold amount and the date it applies from).
 */

export const CHECK_STATUSES = ['ok', 'a-revoir', 'manquant', 'non-applicable'] as const;
export const CheckStatusSchema = z.enum(CHECK_STATUSES);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

/** French label of each status, shown in the page and the Markdown export. */
export const STATUS_LABELS: Readonly<Record<CheckStatus, string>> = {
  ok: 'Conforme',
  'a-revoir': 'À revoir',
  manquant: 'Manquant',
  'non-applicable': 'Non applicable',
};

export const SelfCheckItemSchema = z.object({
  id: z.string().regex(/^check-[a-z0-9-]+$/),
  status: CheckStatusSchema,
  /** French, plain words. */
  title: z.string(),
  explanation: z.string(),
  evidence: z.array(EvidenceSchema),
  /** e.g. "CCP art. L2113-11"; "(à confirmer)" when the research notes could not verify the number. */
  legalBasis: z.array(z.string()),
  parameters: z.record(z.string(), ParameterValueSchema),
});
export type SelfCheckItem = z.infer<typeof SelfCheckItemSchema>;

export const SuggestionSchema = z.object({
  id: z.string().regex(/^suggest-[a-z0-9-]+$/),
  title: z.string(),
  explanation: z.string(),
  legalBasis: z.array(z.string()),
  /** Why the lever fits this notice (object, place, value), in the notice's words where possible. */
  evidence: z.array(EvidenceSchema),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const SelfCheckReportSchema = z.object({
  noticeId: z.string(),
  noticeTitle: z.string(),
  buyerName: z.string(),
  noticeUrl: z.string(),
  /** YYYY-MM-DD the dated parameters were read at: the date given, else the publication date, else today (draft). */
  judgedAt: z.string(),
  /** Where judgedAt comes from. */
  judgedAtSource: z.enum(['given', 'publication', 'today']),
  checks: z.array(SelfCheckItemSchema),
  suggestions: z.array(SuggestionSchema),
  /** Count per status. */
  summary: z.record(CheckStatusSchema, z.number().int().nonnegative()),
  /** Problems met while checking (unreadable notice, internal error of one check). */
  warnings: z.array(z.string()),
});
export type SelfCheckReport = z.infer<typeof SelfCheckReportSchema>;
