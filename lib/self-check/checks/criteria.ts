import type { Criterion } from '@/lib/notice/schema';
import type { Evidence } from '@/lib/rules/types';
import { flagsOf, hitEvidence, positiveHits, type CheckContext } from '../context';
import type { SelfCheckItem } from '../types';
import { item } from './item';

/** Criteria sets of the notice: the notice-level one and each lot's, when weighted. */
function criteriaSets(ctx: CheckContext): { where: string; field: string; criteria: Criterion[] }[] {
  const out: { where: string; field: string; criteria: Criterion[] }[] = [];
  if (ctx.notice.criteria.length > 0) out.push({ where: 'l’avis', field: 'criteria', criteria: ctx.notice.criteria });
  ctx.notice.lots.forEach((lot, i) => {
    if (lot.criteria.length > 0) out.push({ where: `le lot ${lot.id}`, field: `lots[${i}].criteria`, criteria: lot.criteria });
  });
  return out;
}

function describe(criteria: readonly Criterion[]): string {
  return criteria.map((c) => `${c.name || c.type}${c.weight !== undefined ? ` ${c.weight} %` : ''}`).join(' ; ').slice(0, 200);
}

/** R2152-12 (formalised procedures): criteria are weighted; weights are expected to add up to 100 %. */
export function checkCriteriaWeights(ctx: CheckContext): SelfCheckItem {
  const id = 'check-criteria-weights';
  const title = 'Critères d’attribution : pondérations complètes, total de 100 %';
  const basis = ['CCP art. L2152-7', 'CCP art. R2152-11 et R2152-12 (pondération ; numéros à confirmer)'];
  if (ctx.notice.noticeType !== 'contract' && ctx.notice.noticeType !== 'prior') {
    return item(id, 'non-applicable', title, 'Ce n’est pas un avis de marché.', basis);
  }
  const sets = criteriaSets(ctx);
  if (sets.length === 0) {
    return item(id, 'a-revoir', title, 'L’avis ne liste pas de critères d’attribution structurés (ils sont peut-être seulement dans le règlement de consultation). Indiquez-les avec leur pondération : c’est ce qui permet aux candidats, dont les structures d’insertion, de cibler leur offre.', basis);
  }
  const problems: string[] = [];
  const evidence: Evidence[] = [];
  const params: Record<string, string | number | boolean> = {};
  for (const s of sets) {
    evidence.push({ field: s.field, quote: describe(s.criteria) });
    const unweighted = s.criteria.filter((c) => c.weight === undefined);
    if (unweighted.length > 0) {
      problems.push(`${s.where} : ${unweighted.length} critère(s) sans pondération`);
      continue;
    }
    const sum = Math.round(s.criteria.reduce((a, c) => a + (c.weight ?? 0), 0) * 100) / 100;
    params[`sum:${s.field}`] = sum;
    if (Math.abs(sum - 100) > 0.01) problems.push(`${s.where} : total des pondérations ${sum} % au lieu de 100 %`);
  }
  if (problems.length === 0) {
    return item(id, 'ok', title, 'Chaque critère est pondéré et les pondérations totalisent 100 %.', basis, evidence.slice(0, 3), params);
  }
  return item(id, 'a-revoir', title, `${problems.join(' ; ')}. En procédure formalisée, les critères sont pondérés (ou, à défaut justifié, hiérarchisés) ; un total différent de 100 % trouble les candidats.`, basis, evidence.slice(0, 3), params);
}

/** A social criterion must be measurable: a number the offer commits to (hours, people, ETP), not a general intent. */
export function checkSocialCriterionMeasurable(ctx: CheckContext): SelfCheckItem {
  const id = 'check-social-criterion-measurable';
  const title = 'Critère social : mesurable et pondéré';
  const basis = ['CCP art. L2152-7', 'CCP art. R2152-7 2° a)'];
  const flags = flagsOf(ctx, 'social-criterion');
  if (flags.length === 0) {
    return item(id, 'non-applicable', title, 'L’avis n’a pas de critère d’attribution social.', basis);
  }
  const weight = flags.find((f) => typeof f.parameters?.weightPercent === 'number')?.parameters?.weightPercent;
  const measurable = positiveHits(ctx, 'measurable-social');
  const params: Record<string, string | number | boolean> = { measurable: measurable.length > 0 };
  if (typeof weight === 'number') params.weightPercent = weight;
  const evidence = [...(flags[0]?.evidence.slice(0, 2) ?? []), ...hitEvidence(measurable, 1)];
  if (measurable.length > 0 && typeof weight === 'number') {
    return item(id, 'ok', title, `Le critère social est pondéré (${weight} %) et s’appuie sur une mesure (heures, personnes, emplois).`, basis, evidence, params);
  }
  const missing = [typeof weight === 'number' ? '' : 'sa pondération', measurable.length > 0 ? '' : 'un indicateur mesurable (nombre d’heures d’insertion, de personnes accompagnées, ETP…)'].filter(Boolean);
  return item(id, 'a-revoir', title, `Le critère social manque de : ${missing.join(' et ')}. Un critère mesurable et pondéré se note objectivement et se contrôle à l’exécution.`, basis, evidence, params);
}

/** The seed guide's example weightings (CNLRQ 2020 guide, fiches repères). */
export const GUIDE_WEIGHTINGS = [
  {
    kind: 'insertion-market',
    label: 'marché d’insertion',
    example: 'qualité et continuité des moyens humains et matériels au regard du mémoire technique et social 50 % ; participation et implication des bénéficiaires 40 % ; prix 10 %',
    pricePercent: 10,
    socialPercent: 90,
    reference: 'guide CNLRQ 2020, fiche repère n° 1 (marché d’insertion), exemple de critères',
  },
  {
    kind: 'social-clause',
    label: 'marché avec clause sociale',
    example: 'valeur technique 50 % ; performances d’insertion professionnelle des publics en difficulté 30 % ; prix 20 %',
    pricePercent: 20,
    socialPercent: 30,
    reference: 'guide CNLRQ 2020, fiche repère n° 3 (améliorer la qualité des clauses sociales), exemple de critères',
  },
  {
    kind: 'reserved-siae',
    label: 'marché réservé aux SIAE',
    example: 'performances d’insertion professionnelle des publics en difficulté 40 % ; valeur technique 40 % ; prix 20 %',
    pricePercent: 20,
    socialPercent: 40,
    reference: 'guide CNLRQ 2020, fiche repère n° 4 (marchés réservés), exemple de critères',
  },
] as const;

const GUIDE_SOURCE = 'Guide CNLRQ 2020 (Régies de Quartier et commande publique), fiches repères : exemples de pondération';

/** Compare the price weight with the guide's example for the notice's social mechanism (an example, not a rule). */
export function checkWeightingVsGuide(ctx: CheckContext): SelfCheckItem {
  const id = 'check-weighting-vs-guide';
  const title = 'Pondération comparée aux exemples du guide des Régies de Quartier';
  const kind = flagsOf(ctx, 'insertion-market').length > 0
    ? 'insertion-market'
    : flagsOf(ctx, 'reserved-siae').length > 0
      ? 'reserved-siae'
      : flagsOf(ctx, 'social-clause').length > 0
        ? 'social-clause'
        : undefined;
  const guide = GUIDE_WEIGHTINGS.find((g) => g.kind === kind);
  const basis = [guide ? guide.reference : GUIDE_SOURCE, 'CCP art. R2152-7'];
  if (!guide) {
    return item(id, 'non-applicable', title, 'L’avis n’a ni clause sociale, ni réservation SIAE, ni objet d’insertion : pas d’exemple de pondération à comparer.', basis);
  }
  const params: Record<string, string | number | boolean> = { guideKind: guide.kind, guidePricePercent: guide.pricePercent, guideSocialPercent: guide.socialPercent };
  const set = criteriaSets(ctx)[0];
  const price = set?.criteria.filter((c) => c.type === 'price' || c.type === 'cost');
  if (!set || !price || price.length === 0 || price.some((c) => c.weight === undefined)) {
    return item(id, 'a-revoir', title, `Pour un ${guide.label}, le guide propose : ${guide.example}. La pondération du prix n’est pas lisible dans l’avis : comparez-la vous-même.`, basis, [], params);
  }
  const priceWeight = price.reduce((a, c) => a + (c.weight ?? 0), 0);
  params.pricePercent = priceWeight;
  const evidence = [{ field: set.field, quote: describe(set.criteria) }];
  if (priceWeight <= guide.pricePercent + 20) {
    return item(id, 'ok', title, `Prix à ${priceWeight} % ; pour un ${guide.label}, l’exemple du guide est : ${guide.example}. L’écart reste modéré.`, basis, evidence, params);
  }
  return item(id, 'a-revoir', title, `Prix à ${priceWeight} % ; pour un ${guide.label}, l’exemple du guide est : ${guide.example}. Un prix aussi lourd réduit l’effet de la démarche sociale : envisagez de renforcer le critère social.`, basis, evidence, params);
}
