/**
 * Words the overlay shows, French first and English second, plus the small choices made from an Assessment
 * (badge text, top reasons). Pure so the panel, the list badges, the popup and the tests share one wording.
 */
import type { Assessment, Flag, Severity, Verdict } from '@/lib/rules/types';

export type UiLang = 'fr' | 'en';

export const VERDICT_LABELS: Record<Verdict, { fr: string; en: string; symbol: string }> = {
  opportunity: { fr: 'Opportunité', en: 'Opportunity', symbol: '●' },
  maybe: { fr: 'À étudier', en: 'Worth a look', symbol: '◐' },
  no: { fr: 'Peu adapté', en: 'Not a fit', symbol: '○' },
};

export const SEVERITY_LABELS: Record<Severity, { fr: string; en: string }> = {
  strong: { fr: 'Levier fort', en: 'Strong lever' },
  info: { fr: 'Indice', en: 'Hint' },
  warning: { fr: 'Point d’attention', en: 'Caution' },
};

const SEVERITY_ORDER: Record<Severity, number> = { strong: 0, info: 1, warning: 2 };

/** Flags most useful first: strong levers, then hints, then cautions; the notice-level ones before per-lot copies. */
export function rankFlags(flags: readonly Flag[]): Flag[] {
  return [...flags].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || Number(!!a.lotId) - Number(!!b.lotId));
}

/** Up to `n` distinct flag titles for a tooltip ("Marché réservé aux SIAE · Clause sociale d’insertion"). */
export function topReasons(assessment: Assessment, n = 3, lang: UiLang = 'fr'): string[] {
  const out: string[] = [];
  for (const f of rankFlags(assessment.flags)) {
    const title = lang === 'en' && f.titleEn ? f.titleEn : f.title;
    if (!out.includes(title)) out.push(title);
    if (out.length >= n) break;
  }
  return out;
}

/** "Opportunité · 82/100" — the badge's accessible name. */
export function badgeText(assessment: Pick<Assessment, 'verdict' | 'score'>, lang: UiLang = 'fr'): string {
  const v = VERDICT_LABELS[assessment.verdict];
  return `${lang === 'en' ? v.en : v.fr} · ${Math.round(assessment.score)}/100`;
}

/** "dans 12 jours", "aujourd’hui", "demain", "clos depuis 3 jours" (and English). */
export function daysLeftText(days: number | undefined, lang: UiLang = 'fr'): string {
  if (days === undefined) return '';
  if (lang === 'en') {
    if (days === 0) return 'today';
    if (days === 1) return 'tomorrow';
    return days > 0 ? `in ${days} days` : `closed ${-days} day${days === -1 ? '' : 's'} ago`;
  }
  if (days === 0) return 'aujourd’hui';
  if (days === 1) return 'demain';
  return days > 0 ? `dans ${days} jours` : `clos depuis ${-days} jour${days === -1 ? '' : 's'}`;
}

/** The browser language decides the secondary language; French users get English only on request. */
export function uiLangFrom(language: string | undefined): UiLang {
  return language && /^en\b/i.test(language) ? 'en' : 'fr';
}
