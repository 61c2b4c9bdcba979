import { z } from 'zod';

/** Régie trade families (research/rules.md §4.1, R19). */
export const TRADES = [
  'nettoyage',
  'espaces-verts',
  'dechets',
  'second-oeuvre',
  'mediation',
  'agriculture-urbaine',
  'services-habitants',
] as const;
export const TradeSchema = z.enum(TRADES);
export type Trade = z.infer<typeof TradeSchema>;

/**
 * What a Régie tells us about itself. The profile shifts verdict and score; it never hides a legal flag.
 */
export const ProfileSchema = z.object({
  trades: z.array(TradeSchema),
  /** Département codes ("93", "2A", "974"). Empty = anywhere. */
  departments: z.array(z.string()),
  valueRange: z
    .object({ min: z.number().nonnegative().optional(), max: z.number().nonnegative().optional() })
    .optional(),
  /** Conventionnée IAE (ACI/EI): can answer SIAE-reserved lots. Default true for a Régie. */
  iaeApproved: z.boolean(),
  includeKeywords: z.array(z.string()).optional(),
  excludeKeywords: z.array(z.string()).optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** A Régie doing every trade, anywhere: the default when the user has not set a profile. */
export const DEFAULT_PROFILE: Profile = {
  trades: [...TRADES],
  departments: [],
  iaeApproved: true,
};
