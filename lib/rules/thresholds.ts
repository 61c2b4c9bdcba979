/**
 * Dated threshold table (research/rules.md §1, legal-verify.md). A notice is judged with the values in force on its
 * publication date: decrees apply to consultations engaged / notices sent on or after their entry date
 * (décret 2025-1386 art. 4). Amounts are € HT. `unverified` marks values rules.md or legal-verify.md could not confirm.
 */

export type ThresholdName =
  | 'eu-supplies-services-central'
  | 'eu-supplies-services-subcentral'
  | 'eu-works'
  | 'eu-utilities-supplies-services'
  | 'sss-eu-publication'
  | 'dispense-supplies-services'
  | 'dispense-works'
  | 'small-lot-mapa-supplies-services'
  | 'small-lot-mapa-works'
  | 'small-lots-cumulative-share'
  | 'innovative-purchase'
  | 'innovative-purchase-lot-supplies-services'
  | 'innovative-purchase-lot-works'
  | 'publicity-boamp-jal'
  | 'reserved-min-share'
  | 'ess-max-duration-years';

export interface ThresholdEntry {
  name: ThresholdName;
  /** French label, shown to the user. */
  label: string;
  amount: number;
  unit: '€ HT' | '%' | 'ans';
  /** First day in force, YYYY-MM-DD. */
  validFrom: string;
  /** Last day in force, YYYY-MM-DD; absent = still in force. */
  validTo?: string;
  legalBasis: string;
  source: string;
  unverified?: boolean;
}

const FAR_PAST = '1900-01-01';

function euRows(
  name: ThresholdName,
  label: string,
  legalBasis: string,
  amounts: [number, number, number, number, number],
): ThresholdEntry[] {
  const periods: [string, string | undefined][] = [
    ['2018-01-01', '2019-12-31'],
    ['2020-01-01', '2021-12-31'],
    ['2022-01-01', '2023-12-31'],
    ['2024-01-01', '2025-12-31'],
    ['2026-01-01', '2027-12-31'],
  ];
  return periods.map(([validFrom, validTo], i) => ({
    name,
    label,
    amount: amounts[i] ?? 0,
    unit: '€ HT' as const,
    validFrom,
    validTo,
    legalBasis,
    source: 'Règlements délégués (UE) biennaux ; rules.md §1',
  }));
}

export const THRESHOLDS: readonly ThresholdEntry[] = [
  ...euRows('eu-supplies-services-central', 'seuil européen fournitures/services (État)', 'CCP art. R2124-1 ; avis annexé au CCP', [
    144_000, 139_000, 140_000, 143_000, 140_000,
  ]),
  ...euRows('eu-supplies-services-subcentral', 'seuil européen fournitures/services (collectivités et autres acheteurs)', 'CCP art. R2124-1 ; avis annexé au CCP', [
    221_000, 214_000, 215_000, 221_000, 216_000,
  ]),
  ...euRows('eu-works', 'seuil européen travaux', 'CCP art. R2124-1 ; avis annexé au CCP', [
    5_548_000, 5_350_000, 5_382_000, 5_538_000, 5_404_000,
  ]),
  ...euRows('eu-utilities-supplies-services', 'seuil européen fournitures/services (entités adjudicatrices)', 'CCP art. R2124-1 ; avis annexé au CCP', [
    443_000, 428_000, 431_000, 443_000, 432_000,
  ]),
  {
    name: 'sss-eu-publication',
    label: 'seuil de publication au JOUE des services sociaux et autres services spécifiques',
    amount: 750_000,
    unit: '€ HT',
    validFrom: FAR_PAST,
    legalBasis: 'Directive 2014/24/UE art. 4 d) ; CCP art. R2123-1 3°',
    source: 'legal-verify.md §2 (non révisé tous les deux ans)',
  },
  {
    name: 'dispense-supplies-services',
    label: 'seuil de dispense de publicité et de mise en concurrence (fournitures/services)',
    amount: 25_000,
    unit: '€ HT',
    validFrom: FAR_PAST,
    validTo: '2019-12-31',
    legalBasis: 'CCP art. R2122-8',
    source: 'montant antérieur au décret 2019-1344 ; non repris dans rules.md',
    unverified: true,
  },
  {
    name: 'dispense-supplies-services',
    label: 'seuil de dispense de publicité et de mise en concurrence (fournitures/services)',
    amount: 40_000,
    unit: '€ HT',
    validFrom: '2020-01-01',
    validTo: '2026-03-31',
    legalBasis: 'CCP art. R2122-8',
    source: 'décret 2019-1344 ; rules.md §1',
  },
  {
    name: 'dispense-supplies-services',
    label: 'seuil de dispense de publicité et de mise en concurrence (fournitures/services)',
    amount: 60_000,
    unit: '€ HT',
    validFrom: '2026-04-01',
    legalBasis: 'CCP art. R2122-8',
    source: 'décret 2025-1386 art. 3 ; legal-verify.md §4',
  },
  {
    name: 'dispense-works',
    label: 'seuil de dispense de publicité et de mise en concurrence (travaux)',
    amount: 25_000,
    unit: '€ HT',
    validFrom: FAR_PAST,
    validTo: '2019-12-31',
    legalBasis: 'CCP art. R2122-8',
    source: 'montant antérieur au décret 2019-1344 ; non repris dans rules.md',
    unverified: true,
  },
  {
    name: 'dispense-works',
    label: 'seuil de dispense de publicité et de mise en concurrence (travaux)',
    amount: 40_000,
    unit: '€ HT',
    validFrom: '2020-01-01',
    validTo: '2020-12-07',
    legalBasis: 'CCP art. R2122-8',
    source: 'décret 2019-1344 ; rules.md §1',
  },
  {
    name: 'dispense-works',
    label: 'seuil de dispense de publicité et de mise en concurrence (travaux, dérogation temporaire)',
    amount: 100_000,
    unit: '€ HT',
    validFrom: '2020-12-08',
    validTo: '2025-12-31',
    legalBasis: 'loi 2020-1525 (ASAP) art. 142 ; décret 2022-1683 art. 6 ; décret 2024-1217',
    source: 'rules.md §1 (« from Dec 2020 » : jour exact à vérifier)',
    unverified: true,
  },
  {
    name: 'dispense-works',
    label: 'seuil de dispense de publicité et de mise en concurrence (travaux)',
    amount: 100_000,
    unit: '€ HT',
    validFrom: '2026-01-01',
    legalBasis: 'CCP art. R2122-8',
    source: 'décret 2025-1386 ; legal-verify.md §4',
  },
  {
    name: 'small-lot-mapa-supplies-services',
    label: 'petit lot en procédure adaptée (fournitures/services)',
    amount: 80_000,
    unit: '€ HT',
    validFrom: FAR_PAST,
    legalBasis: 'CCP art. R2123-1 2°',
    source: 'rules.md §1',
  },
  {
    name: 'small-lot-mapa-works',
    label: 'petit lot en procédure adaptée (travaux)',
    amount: 1_000_000,
    unit: '€ HT',
    validFrom: FAR_PAST,
    legalBasis: 'CCP art. R2123-1 2°',
    source: 'rules.md §1',
  },
  {
    name: 'small-lots-cumulative-share',
    label: 'part cumulée maximale des petits lots',
    amount: 20,
    unit: '%',
    validFrom: FAR_PAST,
    legalBasis: 'CCP art. R2123-1 2° b)',
    source: 'rules.md §1',
  },
  {
    name: 'innovative-purchase',
    label: "achat innovant sans publicité ni mise en concurrence (expérimental)",
    amount: 100_000,
    unit: '€ HT',
    validFrom: '2018-12-25',
    validTo: '2021-12-13',
    legalBasis: 'décret 2018-1225 ; CCP art. R2122-9-1',
    source: 'rules.md §1',
  },
  {
    name: 'innovative-purchase',
    label: 'achat innovant sans publicité ni mise en concurrence',
    amount: 100_000,
    unit: '€ HT',
    validFrom: '2021-12-14',
    legalBasis: 'CCP art. R2122-9-1 (décret 2021-1634)',
    // 140 000 € from 2026 was only a draft decree (legal-verify.md §3): kept out of force, mentioned in the flag.
    source: 'legal-verify.md §3 (140 000 € au 1er janvier 2026 : projet de décret non confirmé)',
  },
  {
    name: 'innovative-purchase-lot-supplies-services',
    label: 'lot d’achat innovant (fournitures/services)',
    amount: 80_000,
    unit: '€ HT',
    validFrom: '2021-12-14',
    legalBasis: 'CCP art. R2122-9-1',
    source: 'rules.md §1',
  },
  {
    name: 'innovative-purchase-lot-works',
    label: 'lot d’achat innovant (travaux)',
    amount: 100_000,
    unit: '€ HT',
    validFrom: '2021-12-14',
    legalBasis: 'CCP art. R2122-9-1',
    source: 'rules.md §1',
  },
  {
    name: 'publicity-boamp-jal',
    label: 'publicité au BOAMP ou dans un JAL à partir de',
    amount: 90_000,
    unit: '€ HT',
    validFrom: FAR_PAST,
    legalBasis: 'CCP art. R2131-12',
    source: 'rules.md §1',
  },
  {
    name: 'reserved-min-share',
    label: 'part minimale de travailleurs handicapés, défavorisés ou détenus (marchés réservés)',
    amount: 50,
    unit: '%',
    validFrom: FAR_PAST,
    legalBasis: 'CCP art. R2113-7',
    source: 'rules.md §1',
  },
  {
    name: 'ess-max-duration-years',
    label: 'durée maximale d’un marché réservé aux entreprises de l’ESS',
    amount: 3,
    unit: 'ans',
    validFrom: FAR_PAST,
    legalBasis: 'CCP art. L2113-16',
    source: 'rules.md R04',
  },
];

/** Dated legal switches (not amounts). */
export const DATED_OBLIGATIONS = {
  /** Loi 2021-1104 art. 35: social/employment execution condition above EU thresholds, at the latest on this date. */
  socialConsiderationAboveEu: {
    validFrom: '2026-08-22',
    legalBasis: 'loi 2021-1104 art. 35 ; CCP art. L2112-2-1 (numéro non vérifié)',
    unverifiedArticleNumber: true,
  },
  /** L2113-14 al. 1 (loi ASAP art. 141): joint reservation EA/ESAT + SIAE. */
  jointReservation: { validFrom: '2020-12-08', legalBasis: 'CCP art. L2113-14' },
  /** L2113-13-1 (ordonnance 2022-1336): reservation for operators working in prisons. */
  prisonReservation: { validFrom: '2022-10-20', legalBasis: 'CCP art. L2113-13-1' },
} as const;

const atCache = new Map<string, ThresholdEntry | undefined>();

/** The entry of `name` in force on `date` (YYYY-MM-DD); the latest one if the date is past the table. Memoised. */
export function thresholdAt(name: ThresholdName, date: string): ThresholdEntry | undefined {
  const key = `${name}|${date}`;
  if (atCache.has(key)) return atCache.get(key);
  const found = lookupThreshold(name, date);
  if (atCache.size > 5000) atCache.clear();
  atCache.set(key, found);
  return found;
}

function lookupThreshold(name: ThresholdName, date: string): ThresholdEntry | undefined {
  let latest: ThresholdEntry | undefined;
  for (const row of THRESHOLDS) {
    if (row.name !== name) continue;
    if (row.validFrom <= date && (row.validTo === undefined || date <= row.validTo)) return row;
    if (!latest || row.validFrom > latest.validFrom) latest = row;
  }
  // Before the first row or after 2027-12-31 (table not yet published): the latest known value, marked unverified.
  return latest ? { ...latest, unverified: true } : undefined;
}

const paramCache = new WeakMap<ThresholdEntry, Map<string, Readonly<Record<string, string | number | boolean>>>>();

/** Flag parameters describing a threshold (amount, dates, name, unverified). Memoised per entry and prefix. */
export function thresholdParameters(entry: ThresholdEntry, prefix = 'threshold'): Readonly<Record<string, string | number | boolean>> {
  let byPrefix = paramCache.get(entry);
  if (!byPrefix) {
    byPrefix = new Map();
    paramCache.set(entry, byPrefix);
  }
  let out = byPrefix.get(prefix);
  if (!out) {
    out = buildParameters(entry, prefix);
    byPrefix.set(prefix, out);
  }
  return out;
}

function buildParameters(entry: ThresholdEntry, prefix: string): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {
    [`${prefix}Name`]: entry.name,
    [`${prefix}Label`]: entry.label,
    [`${prefix}Amount`]: entry.amount,
    [`${prefix}Unit`]: entry.unit,
    [`${prefix}ValidFrom`]: entry.validFrom,
    [`${prefix}LegalBasis`]: entry.legalBasis,
  };
  if (entry.validTo) out[`${prefix}ValidTo`] = entry.validTo;
  if (entry.unverified) out[`${prefix}Unverified`] = true;
  return out;
}

/** "1 250 000" with no-break spaces between thousands (no Intl: it is slow and varies between engines). */
export function formatAmount(amount: number): string {
  const rounded = Math.round(amount);
  const s = String(Math.abs(rounded));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += '\u00a0';
    out += s[i];
  }
  return rounded < 0 ? `-${out}` : out;
}

/** "1 250 000 € HT". */
export function formatEuros(amount: number): string {
  return `${formatAmount(amount)}\u00a0€ HT`;
}
