import { z } from 'zod';

/**
 * What the monitoring ("veille") needs beyond the rules profile (trades, départements, keywords and value range
 * live in `Profile`, stored by the watchlist repository): on/off, frequency, quiet hours, notice types, mechanisms
 * of interest, and whether to ask TED as well. Stored under settings key `monitoring`.
 */
export const MONITOR_NOTICE_TYPES = ['contract', 'prior', 'award', 'correction'] as const;
export const MonitorNoticeTypeSchema = z.enum(MONITOR_NOTICE_TYPES);
export type MonitorNoticeType = z.infer<typeof MonitorNoticeTypeSchema>;

/** Mechanisms a Régie may want to hear about first: flag ids of the rules core (lib/rules/types.ts FLAG_IDS). */
export const MONITOR_MECHANISMS = [
  'reserved-siae',
  'reserved-disability',
  'reserved-ess',
  'insertion-market',
  'social-clause',
  'social-criterion',
  'small-lots',
  'sss-regime',
  'priority-territory',
] as const;

export const QuietHoursSchema = z.object({
  /** Hour (0–23, Europe/Paris) when quiet time starts and ends; start > end spans midnight (22 → 7). */
  start: z.number().int().min(0).max(23),
  end: z.number().int().min(0).max(23),
});
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const MonitoringSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Hours between two runs: 12 = twice a day (default), 24 = daily, 6 = four times a day. */
  frequencyHours: z.number().int().min(1).max(168),
  quietHours: QuietHoursSchema.optional(),
  noticeTypes: z.array(MonitorNoticeTypeSchema).min(1),
  mechanisms: z.array(z.string()),
  /** Also query the TED search API (EU notices) — BOAMP already republishes French JOUE notices. */
  includeTed: z.boolean(),
  /** Matches below this verdict are not kept: 'maybe' keeps opportunities and maybes (default). */
  minVerdict: z.enum(['opportunity', 'maybe']),
});
export type MonitoringSettings = z.infer<typeof MonitoringSettingsSchema>;

export const DEFAULT_MONITORING_SETTINGS: MonitoringSettings = {
  enabled: false,
  frequencyHours: 12,
  quietHours: { start: 21, end: 7 },
  noticeTypes: ['contract', 'prior'],
  mechanisms: [],
  includeTed: true,
  minVerdict: 'maybe',
};

/** Parse stored settings leniently: anything unreadable falls back to the default field by field. */
export function readMonitoringSettings(value: unknown): MonitoringSettings {
  const whole = MonitoringSettingsSchema.safeParse(value);
  if (whole.success) return whole.data;
  const merged = { ...DEFAULT_MONITORING_SETTINGS, ...(typeof value === 'object' && value !== null ? value : {}) };
  const again = MonitoringSettingsSchema.safeParse(merged);
  return again.success ? again.data : DEFAULT_MONITORING_SETTINGS;
}

/** Paris hour of a timestamp (quiet hours are a local-time notion). */
export function parisHour(ms: number): number {
  const text = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
  return Number.parseInt(text, 10);
}

/** Inside quiet hours: runs are postponed (no notification at night). start === end means no quiet time. */
export function inQuietHours(ms: number, quiet: QuietHours | undefined): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  const h = parisHour(ms);
  return quiet.start < quiet.end ? h >= quiet.start && h < quiet.end : h >= quiet.start || h < quiet.end;
}

/** French labels of the mechanisms offered in the options page (explained, not just named). */
export const MECHANISM_LABELS_FR: Record<(typeof MONITOR_MECHANISMS)[number], string> = {
  'reserved-siae': 'Marché réservé aux SIAE (structures d’insertion par l’activité économique)',
  'reserved-disability': 'Marché réservé aux ESAT et entreprises adaptées (handicap)',
  'reserved-ess': 'Marché réservé aux entreprises de l’ESS (économie sociale et solidaire)',
  'insertion-market': 'Marché d’insertion (la prestation support de l’insertion)',
  'social-clause': 'Clause sociale d’insertion (heures réservées à des personnes éloignées de l’emploi)',
  'social-criterion': 'Critère social dans le jugement des offres',
  'small-lots': 'Petits lots accessibles à une petite structure',
  'sss-regime': 'Services sociaux et spécifiques (procédure allégée)',
  'priority-territory': 'Quartier prioritaire de la politique de la ville (QPV)',
};

export const NOTICE_TYPE_LABELS_FR: Record<MonitorNoticeType, string> = {
  contract: 'Avis de marché (appel à concurrence)',
  prior: 'Avis de pré-information',
  award: 'Avis d’attribution (résultats)',
  correction: 'Rectificatifs et annulations',
};
