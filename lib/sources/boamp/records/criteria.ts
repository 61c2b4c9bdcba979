/**
 * Award criteria as BOAMP gives them (a name and a weight written freely: "50", "50 %", "40%", points, rank),
 * to `Criterion` {type, name, weight in percent}. The type comes from the name because the forms only say
 * "price"/"quality" buckets at best, and what the rules need is to spot social and environmental criteria
 * ("Performances en matière d'insertion professionnelle", "Développement durable").
 */
import type { Criterion, CriterionType } from '@/lib/notice/schema';
import { normalizeText } from '@/lib/notice/normalize';

const SOCIAL = /insertion|\bsocia|handicap|solidai|emplois? (local|durable)|heures? d.?insertion|\bsiae\b|\besat\b|inclusi|\bequite/;
const ENVIRONMENTAL =
  /environnement|developpement durable|ecolog|carbone|\bco2\b|empreinte|recycl|dechets|emission|energ|biodiversit|durabilite|circuit court|eco-?responsab/;
const COST = /\bcouts?\b|cycle de vie/;
const PRICE = /\bprix\b|tarif|montant|financi|\bofferte? economique|\bdevis\b|\bremise/;
const QUALITY =
  /techni|qualit|valeur|methodo|delai|moyens|reference|organisation|memoire|performance|service|competence|experience|pertinence|fonctionnal|assistance|maintenance|securit|garantie|planning/;

/** Type from the criterion's own words; `hint` is what the form's structure says (price/cost/quality bucket). */
export function criterionType(name: string, hint?: CriterionType): CriterionType {
  const n = normalizeText(name);
  if (SOCIAL.test(n)) return 'social';
  if (ENVIRONMENTAL.test(n)) return 'environmental';
  if (hint === 'price' || hint === 'cost') return hint;
  if (COST.test(n)) return 'cost';
  if (PRICE.test(n)) return 'price';
  if (hint) return hint;
  if (QUALITY.test(n)) return 'quality';
  return 'other';
}

/** "50", "50 %", "40%", "12,5" → number; anything else (ranks, words) → undefined. */
export function parseWeight(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const m = /^\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:%|pts?|points?)?\s*$/i.exec(value);
  if (!m?.[1]) return undefined;
  const n = Number(m[1].replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

export interface RawCriterion {
  name: string;
  weight?: string;
  hint?: CriterionType;
}

/**
 * Build criteria; weights are percent when they sum to at most 100, otherwise (points: "60 + 40 + 20 points")
 * they are rescaled to percent so that the rules can compare them.
 */
export function buildCriteria(raw: readonly RawCriterion[], warnings: string[]): Criterion[] {
  const parsed = raw
    .filter((c) => c.name.trim() !== '' || c.weight !== undefined)
    .map((c) => ({ ...c, name: c.name.trim(), w: parseWeight(c.weight) }));
  const weights = parsed.map((c) => c.w).filter((w): w is number => w !== undefined);
  const sum = weights.reduce((a, b) => a + b, 0);
  const rescale = weights.length === parsed.length && sum > 100;
  if (rescale) warnings.push(`pondérations en points (total ${sum}) ramenées en pourcentage`);
  return parsed.map((c) => {
    const criterion: Criterion = { type: criterionType(c.name, c.hint), name: c.name };
    if (c.w !== undefined) {
      const w = rescale ? Math.round((c.w / sum) * 10000) / 100 : c.w;
      if (w >= 0 && w <= 100) criterion.weight = w;
      else warnings.push(`pondération hors bornes ignorée : « ${c.weight ?? ''} »`);
    } else if (c.weight !== undefined && c.weight.trim() !== '') {
      warnings.push(`pondération illisible ignorée : « ${c.weight.slice(0, 30)} »`);
    }
    return criterion;
  });
}
