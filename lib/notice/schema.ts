import { z } from 'zod';

/**
 * The Notice: one procurement notice, whatever the source, as every other part of the project sees it.
 * Contract of DESIGN.md ("Contracts"). Everything that crosses a boundary (page → notice, message,
 * storage, import file) is parsed with these schemas.
 */

export const SOURCE_IDS = [
  'boamp',
  'ted',
  'atexo',
  'aws',
  'achatpublic',
  'marches-securises',
  'e-marchespublics',
  'text',
] as const;
export const SourceIdSchema = z.enum(SOURCE_IDS);
export type SourceId = z.infer<typeof SourceIdSchema>;

export const NoticeTypeSchema = z.enum(['contract', 'award', 'prior', 'correction', 'other']);
export type NoticeType = z.infer<typeof NoticeTypeSchema>;

export const ContractNatureSchema = z.enum(['works', 'services', 'supplies']);
export type ContractNature = z.infer<typeof ContractNatureSchema>;

export const ReservedSchema = z.enum([
  'none',
  'siae',
  'disability',
  'siae-or-disability',
  'ess',
  'prison',
  'unknown',
]);
export type Reserved = z.infer<typeof ReservedSchema>;

export const MoneySchema = z.object({
  amount: z.number().finite().nonnegative(),
  currency: z.string().min(3).max(3),
  /** Upper bound when the notice gives a range ("entre 40 000 et 90 000 €"); `amount` is then the lower bound. */
  max: z.number().finite().nonnegative().optional(),
});
export type Money = z.infer<typeof MoneySchema>;

export const CpvSchema = z.object({
  /** Eight digits, without the check digit ("90910000"). */
  code: z.string().regex(/^\d{8}$/),
  label: z.string().optional(),
  main: z.boolean(),
});
export type Cpv = z.infer<typeof CpvSchema>;

export const CriterionTypeSchema = z.enum(['price', 'quality', 'cost', 'social', 'environmental', 'other']);
export type CriterionType = z.infer<typeof CriterionTypeSchema>;

export const CriterionSchema = z.object({
  type: CriterionTypeSchema,
  name: z.string(),
  /** Weight in percent (0–100) when the notice gives one; other weightings (points, order) are normalised or left out. */
  weight: z.number().finite().min(0).max(100).optional(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const BuyerKindSchema = z.enum([
  'state',
  'local-authority',
  'social-landlord',
  'public-body',
  'utility',
  'other',
]);
export type BuyerKind = z.infer<typeof BuyerKindSchema>;

export const BuyerSchema = z.object({
  name: z.string(),
  siret: z.string().regex(/^\d{14}$/).optional(),
  kind: BuyerKindSchema.optional(),
});
export type Buyer = z.infer<typeof BuyerSchema>;

export const PlaceSchema = z.object({
  /** Département code: "75", "2A", "974". */
  department: z.string().regex(/^(\d{2}|2[AB]|97\d)$/).optional(),
  /** NUTS code ("FRF11", "FR101"). */
  nuts: z.string().regex(/^[A-Z]{2}[0-9A-Z]{0,3}$/).optional(),
  city: z.string().optional(),
});
export type Place = z.infer<typeof PlaceSchema>;

/** An award (winner) reported by an award notice; useful for market intelligence. */
export const AwardSchema = z.object({
  lotId: z.string().optional(),
  winner: z.string(),
  siret: z.string().optional(),
  amount: MoneySchema.optional(),
  /** True when the notice says the winner is an insertion structure (SIAE, Régie, EA/ESAT…). */
  insertionStructure: z.boolean().optional(),
});
export type Award = z.infer<typeof AwardSchema>;

export const LotSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  cpv: z.array(CpvSchema),
  estimatedValue: MoneySchema.optional(),
  reserved: ReservedSchema.optional(),
  /** eForms BT-06 strategic procurement codes ("soc-obj", "env-imp", "inn-pur") and BT-775 social objectives ("opp"…). */
  strategic: z.array(z.string()).optional(),
  criteria: z.array(CriterionSchema),
  /** Execution conditions as written (eForms BT-70, BOAMP conditions d'exécution). */
  executionConditions: z.string().optional(),
});
export type Lot = z.infer<typeof LotSchema>;

export const RawProvenanceSchema = z.object({
  /** e.g. "boamp-api:FNSimple", "eforms-xml", "html:text", "atexo:symfony". */
  format: z.string(),
  /** Structured fields read, as paths in the source ("donnees.FNSimple.initial.natureMarche"). */
  fieldsUsed: z.array(z.string()),
  /** Non-fatal problems met while parsing (truncated record, unknown code…). */
  warnings: z.array(z.string()).optional(),
});

/** ISO 8601 date-time with an explicit offset (Europe/Paris), or a plain date. */
const IsoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/);

export const NoticeSchema = z.object({
  source: SourceIdSchema,
  id: z.string().min(1),
  url: z.string(),
  title: z.string(),
  description: z.string().optional(),
  buyer: BuyerSchema,
  noticeType: NoticeTypeSchema,
  procedure: z.string().optional(),
  contractNature: ContractNatureSchema.optional(),
  publishedAt: IsoDateTime.optional(),
  deadline: IsoDateTime.optional(),
  estimatedValue: MoneySchema.optional(),
  cpv: z.array(CpvSchema),
  place: PlaceSchema,
  lots: z.array(LotSchema),
  criteria: z.array(CriterionSchema),
  reserved: ReservedSchema,
  /** Raw structured social markers found: "criteres:sociaux", "BT-06:soc-obj", "BT-775:opp", "BT-71:res-ws", "decp:Clause sociale"… */
  socialSignals: z.array(z.string()),
  /** Award results when the notice is an award notice. */
  awards: z.array(AwardSchema).optional(),
  /** Plain text used by the text signals of the rules. */
  fullText: z.string(),
  raw: RawProvenanceSchema,
});
export type Notice = z.infer<typeof NoticeSchema>;

/** A Notice with every optional collection empty: the base each extractor fills. */
export function emptyNotice(source: SourceId, id: string, url: string, format: string): Notice {
  return {
    source,
    id,
    url,
    title: '',
    buyer: { name: '' },
    noticeType: 'other',
    cpv: [],
    place: {},
    lots: [],
    criteria: [],
    reserved: 'unknown',
    socialSignals: [],
    fullText: '',
    raw: { format, fieldsUsed: [] },
  };
}
