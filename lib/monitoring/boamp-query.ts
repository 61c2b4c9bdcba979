import type { Profile, Trade } from '@/lib/rules/profile';
import { normalizeDepartmentCode } from '@/lib/notice/places';
import { odsqlString } from '@/lib/sources/boamp/api';
import type { MonitorNoticeType } from './settings';

/**
 * ODSQL `where` clause of the BOAMP v2.1 `boamp` dataset built from the profile and the last check
 * (research/boamp.md §1–2). Fields used: `dateparution` (date), `code_departement` (multivalued), `objet` (text,
 * full-text `search()`), `descripteur_code` (BOAMP thesaurus, NOT CPV: MAPA records carry no CPV at all, so the
 * thesaurus and the object text are the only filters that work for every family), `nature` (notice nature).
 */

/**
 * BOAMP thesaurus codes per trade, as read in real records of the corpus (descripteur_code ↔ descripteur_libelle):
 * 239 Nettoyage de locaux, 240 Nettoyage urbain, 116 Espaces verts, 404 Déchets, 264 Peinture (travaux),
 * 269 Plâtrerie, 308 Revêtements de sols, 309 Revêtements muraux, 63 Cloison/faux plafond, 53 Carrelage,
 * 331 Surveillance. No code seen for urban agriculture or services to residents: their keywords do the work.
 */
export const BOAMP_DESCRIPTORS: Readonly<Record<Trade, readonly string[]>> = {
  nettoyage: ['239', '240'],
  'espaces-verts': ['116'],
  dechets: ['404'],
  'second-oeuvre': ['264', '269', '308', '309', '63', '53'],
  mediation: ['331'],
  'agriculture-urbaine': [],
  'services-habitants': [],
};

/** Words searched in `objet` (full-text search is accent- and case-insensitive on the API side). */
export const BOAMP_TRADE_WORDS: Readonly<Record<Trade, readonly string[]>> = {
  nettoyage: ['nettoyage', 'propreté', 'entretien des locaux', 'vitrerie'],
  'espaces-verts': ['espaces verts', 'élagage', 'tonte', 'débroussaillage', 'désherbage'],
  dechets: ['encombrants', 'déchets', 'dépôts sauvages', 'ressourcerie'],
  'second-oeuvre': ['peinture', 'second œuvre', 'remise en état', 'revêtements'],
  mediation: ['médiation', 'tranquillité', 'gardiennage', 'conciergerie'],
  'agriculture-urbaine': ['agriculture urbaine', 'jardins partagés', 'compostage', 'maraîchage'],
  'services-habitants': ['régie de quartier', 'portage de repas', 'laverie', 'lien social'],
};

/**
 * BOAMP `nature` values per notice type, as seen in real records (research/boamp.md §2: APPEL_OFFRE, ATTRIBUTION,
 * RECTIFICATIF, ANNULATION, INTENTION_CONCLURE). The value used for prior-information notices was NOT seen in the
 * corpus: when 'prior' is wanted the clause excludes the unwanted known natures instead of listing the wanted ones,
 * and the notice type read locally by the parser filters the rest.
 */
export const BOAMP_NATURES: Readonly<Record<MonitorNoticeType, readonly string[]>> = {
  contract: ['APPEL_OFFRE'],
  prior: [],
  award: ['ATTRIBUTION', 'INTENTION_CONCLURE'],
  correction: ['RECTIFICATIF', 'ANNULATION'],
};

function natureClause(noticeTypes: readonly MonitorNoticeType[]): string | undefined {
  const wanted = new Set(noticeTypes);
  if (wanted.size === 0) return undefined;
  if (wanted.has('prior')) {
    const unwanted = (Object.keys(BOAMP_NATURES) as MonitorNoticeType[]).filter((t) => !wanted.has(t)).flatMap((t) => BOAMP_NATURES[t]);
    return unwanted.length > 0 ? `not nature in (${unwanted.map(odsqlString).join(',')})` : undefined;
  }
  const natures = [...new Set([...wanted].flatMap((t) => BOAMP_NATURES[t]))];
  return natures.length > 0 ? `nature in (${natures.map(odsqlString).join(',')})` : undefined;
}

/** YYYY-MM-DD (ODSQL date literal). Undefined when not a date. */
function isoDay(value: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return m?.[1];
}

export interface BoampWatchWindow {
  /** First publication day included (YYYY-MM-DD). */
  since: string;
  /** First publication day excluded (YYYY-MM-DD), for splitting a window larger than the API's 10 000 rows. */
  until?: string;
}

export function buildBoampWhere(profile: Profile, noticeTypes: readonly MonitorNoticeType[], window: BoampWatchWindow): string {
  const parts: string[] = [];
  const since = isoDay(window.since);
  if (since) parts.push(`dateparution >= date'${since}'`);
  const until = window.until ? isoDay(window.until) : undefined;
  if (until) parts.push(`dateparution < date'${until}'`);
  const departments = [...new Set(profile.departments.map(normalizeDepartmentCode).filter((c): c is string => c !== undefined))];
  if (departments.length > 0) parts.push(`code_departement in (${departments.map(odsqlString).join(',')})`);
  const nature = natureClause(noticeTypes);
  if (nature) parts.push(nature);
  const subject: string[] = [];
  const codes = [...new Set(profile.trades.flatMap((t) => BOAMP_DESCRIPTORS[t]))];
  if (codes.length > 0) subject.push(`descripteur_code in (${codes.map(odsqlString).join(',')})`);
  const words = [...new Set([...profile.trades.flatMap((t) => BOAMP_TRADE_WORDS[t]), ...(profile.includeKeywords ?? [])])]
    .map((w) => w.trim())
    .filter((w) => w.length > 1);
  for (const w of words) subject.push(`search(objet, ${odsqlString(w)})`);
  if (subject.length > 0) parts.push(`(${subject.join(' OR ')})`);
  return parts.join(' AND ');
}

/** Add `days` to a YYYY-MM-DD day (UTC arithmetic on a calendar date: no DST involved). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days between two YYYY-MM-DD days (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
