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
  /techni|qualit|valeur|methodo|delai|moyens|reference|organisation|memoire|performance|service|competence|experience|pertinence|fonctionnal|assistance|maintenance|securit|garantie|planning|adequation|besoins?|fonctionnel|ergonomi|formation|accompagnement/;

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
 * Build criteria. Weights are kept as written (percent) even when they add up to more than 100: in real
 * records that happens when sub-criteria are listed after their criterion ("Valeur technique" 50, then
 * "Valeur technique : Formations" 5…) or when one list covers several lots ("Lot 1 : Prix" 50, "Lot 2 : Prix" 50),
 * so rescaling would falsify every weight. A warning keeps the fact visible.
 */
export function buildCriteria(raw: readonly RawCriterion[], warnings: string[]): Criterion[] {
  const parsed = raw
    .filter((c) => c.name.trim() !== '' || c.weight !== undefined)
    .map((c) => ({ ...c, name: c.name.trim(), w: parseWeight(c.weight) }));
  const sum = parsed.reduce((a, c) => a + (c.w ?? 0), 0);
  if (sum > 100.5) warnings.push(`pondérations totalisant ${sum} (sous-critères ou lots listés ensemble) : gardées telles quelles`);
  return parsed.map((c) => {
    const criterion: Criterion = { type: criterionType(c.name, c.hint), name: c.name };
    if (c.w !== undefined) {
      if (c.w >= 0 && c.w <= 100) criterion.weight = c.w;
      else warnings.push(`pondération hors bornes ignorée : « ${c.weight ?? ''} »`);
    } else if (c.weight !== undefined && c.weight.trim() !== '') {
      warnings.push(`pondération illisible ignorée : « ${c.weight.slice(0, 30)} »`);
    }
    return criterion;
  });
}

/**
 * Criteria written as a sentence list ("- compétences techniques … : 60 %;- prix des prestations : 40 %.",
 * "Critère technique et environnemental : 60 points.\nCritère prix : 40 points."): one criterion per item, the
 * weight when the item ends with one. Only items that carry a weight are kept when some do (the others are
 * usually the introduction: "Offre économiquement la plus avantageuse appréciée en fonction des critères…").
 */
export function criteriaFromText(list: string): RawCriterion[] {
  // Items are often glued together: "Valeur technique : 50%Ergonomie : 10%Prix : 40%".
  const items = list
    .replace(/(\d\s*(?:%|points?)\s*\)?)(?=\s*[A-Za-zÀ-ÿ'’])/g, '$1\n')
    .split(/;|\n|(?:^|\s)-\s+|\d\.\s+(?=[A-Za-zÀ-ÿ])/)
    .map((s) => s.trim().replace(/^[-–•]\s*/, '').replace(/\.$/, ''))
    .filter((s) => s.length > 2)
    .map((s): RawCriterion => {
      const w = /[:(]\s*(\d{1,3}(?:[.,]\d+)?)\s*(%|points?|pts?)\s*\)?\s*$/i.exec(s);
      return w ? { name: s.slice(0, w.index).trim(), weight: w[1] } : { name: s };
    });
  const weighted = items.filter((c) => c.weight !== undefined);
  return weighted.length > 0 ? weighted : items;
}
