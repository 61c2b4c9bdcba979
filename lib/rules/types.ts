import { z } from 'zod';

/** Assessment contract (DESIGN.md "Contracts"): what the rules core says about a Notice. */

/** The stable flag ids listed in DESIGN.md ("Contracts"); the labelled evaluation scores exactly these. */
export const DESIGN_FLAG_IDS = [
  'reserved-siae',
  'reserved-disability',
  'reserved-ess',
  'reserved-prison',
  'insertion-market',
  'social-clause',
  'social-criterion',
  'regie-trade',
  'small-lots',
  'sss-regime',
  'direct-award-range',
  'priority-territory',
  'innovative-purchase',
] as const;

/** Stable flag ids: add more, never rename. Self-check findings use ids prefixed `check-`. */
export const FLAG_IDS = [
  ...DESIGN_FLAG_IDS,
  // Added by the rules core (never rename): reservation whose beneficiaries are not stated; R07 social consideration
  // expected above EU thresholds; R11 procedure by value; R15 abnormally low offers; R16 needs with social objectives;
  // R17 SPASER; R18 overseas youth hours.
  'reserved-unspecified',
  'social-consideration-expected',
  'procedure-context',
  'abnormally-low-offer',
  'sustainable-needs',
  'spaser',
  'overseas-youth-hours',
] as const;
export type FlagId = (typeof FLAG_IDS)[number];

export const VerdictSchema = z.enum(['opportunity', 'maybe', 'no']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const SeveritySchema = z.enum(['strong', 'info', 'warning']);
export type Severity = z.infer<typeof SeveritySchema>;

export const EvidenceSchema = z.object({
  /** Structured field the flag rests on ("reserved", "lots[2].reserved", "cpv[0].code", "socialSignals"). */
  field: z.string().optional(),
  /** Words of the notice, quoted as they are (never HTML). */
  quote: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ParameterValueSchema = z.union([z.string(), z.number(), z.boolean()]);

export const FlagSchema = z.object({
  id: z.string(),
  severity: SeveritySchema,
  /** French, plain words. */
  title: z.string(),
  explanation: z.string(),
  /** English title and explanation (French first, English second). */
  titleEn: z.string().optional(),
  explanationEn: z.string().optional(),
  /** e.g. "CCP art. L2113-13", "CCP art. R2113-7". */
  legalBasis: z.array(z.string()),
  evidence: z.array(EvidenceSchema),
  lotId: z.string().optional(),
  /** The dated parameter(s) used: threshold amount, its validity start, its source, and whether it is unverified. */
  parameters: z.record(z.string(), ParameterValueSchema).optional(),
});
export type Flag = z.infer<typeof FlagSchema>;

export const LotAssessmentSchema = z.object({
  lotId: z.string(),
  verdict: VerdictSchema,
  flags: z.array(FlagSchema),
});
export type LotAssessment = z.infer<typeof LotAssessmentSchema>;

export const AssessmentSchema = z.object({
  verdict: VerdictSchema,
  score: z.number().min(0).max(100),
  flags: z.array(FlagSchema),
  lots: z.array(LotAssessmentSchema),
  /** The date the notice was judged at (its publication date, or the date given), YYYY-MM-DD. */
  judgedAt: z.string().optional(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;
