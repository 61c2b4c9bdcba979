import type { Criterion } from '@/lib/notice/schema';
import type { Evidence, Flag } from '../types';
import type { SignalSpec } from '../text-signals';
import { evidenceOfHits, groupHitsByLot, hasSignal, makeFlag, type Mechanism } from './types';

/** R08 — critère social d'attribution (CCP L2152-7, R2152-7 2° a) "insertion professionnelle des publics en difficulté"). Old basis: article 53 (2006 code). */
const SOCIAL_CRITERION_NAME =
  /insertion|\bsocia(?:l|le|ux|les)\b|handicap|publics? en difficulte|eloigne(?:s|es)? de l'emploi|emploi local|\bsiae\b|\bmieux-disant social/;
const NOT_SOCIAL_CRITERION = /insertion (?:publicitaire|paysagere|dans le (?:site|paysage))|raison sociale|siege social|capital social|reseaux? sociaux/;

export const SOCIAL_CRITERION_SIGNALS: readonly SignalSpec[] = [
  {
    id: 'criterion',
    anchors: ['insertion', 'critere social', 'mieux-disant', 'article 53'],
    pattern:
      /\bperformances? en matiere d'insertion professionnelle|\b(?:pertinence|qualite|organisation) de (?:la )?(?:demarche|l'action|du dispositif|la proposition) (?:d'insertion|en faveur de l'insertion)|\bcouts? du dispositif d'insertion|\bcritere social\b|\bmieux-disant social|\bnombre d'heures d'insertion propose|\bvaleur insertion\b|\barticle 53 du (?:code des marches publics|cmp)[^.;]{0,80}insertion/,
    reject: NOT_SOCIAL_CRITERION,
  },
  {
    // "Pertinence des mesures proposées pour la réalisation d'heures d'insertion (5 %)": counts only in a criterion sentence.
    id: 'criterion-context',
    anchors: ['insertion'],
    pattern: /\b(?:pertinence|qualite|valeur|performances?|organisation|moyens|mesures|engagements?) [^.;:]{0,70}\binsertion\b/,
    reject: NOT_SOCIAL_CRITERION,
  },
];

/** A sentence that announces award criteria or a weighting. */
export const CRITERION_SENTENCE = /criteres? (?:d'attribution|de jugement|de choix|d'analyse)|jugement des offres|ponderation|ponderee?s?|\d ?%|\d+ points?\b|note sur \d/;

function weightNear(sentence: string): number | undefined {
  const m = /(\d{1,3}(?:[.,]\d+)?) ?(?:%|pour ?cent|points?\b|pts\b)/.exec(sentence);
  if (!m?.[1]) return undefined;
  const v = Number(m[1].replace(',', '.'));
  return v >= 0 && v <= 100 ? v : undefined;
}

function isSocial(c: Criterion): boolean {
  const name = normalizeLite(c.name);
  if (NOT_SOCIAL_CRITERION.test(name)) return false;
  return c.type === 'social' || SOCIAL_CRITERION_NAME.test(name);
}

function normalizeLite(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\u2019`]/g, "'");
}

function criterionFlag(evidence: Evidence[], weight: number | undefined, lotId?: string): Flag {
  return makeFlag(
    'social-criterion',
    'strong',
    {
      title: `Critère social d’attribution${weight !== undefined ? ` (${weight} %)` : ''}${lotId !== undefined ? ` — lot ${lotId}` : ''}`,
      explanation: `Les offres sont notées aussi sur leur performance en matière d’insertion professionnelle${weight !== undefined ? `, pour ${weight} % de la note` : ''}. C’est un avantage pour une Régie de Quartier, dont l’insertion est le cœur de métier : soignez le mémoire sur l’accompagnement et l’encadrement.`,
      titleEn: `Social award criterion${weight !== undefined ? ` (${weight} %)` : ''}`,
      explanationEn: 'Offers are also scored on their work-integration performance: a competitive advantage for a Régie de Quartier.',
    },
    ['CCP art. L2152-7', 'CCP art. R2152-7 2° a)'],
    evidence,
    { ...(lotId !== undefined ? { lotId } : {}), parameters: weight !== undefined ? { weightPercent: weight } : {} },
  );
}

export const socialCriterion: Mechanism = {
  id: 'social-criterion',
  rules: ['R08'],
  legalBasis: ['CCP art. L2152-7', 'CCP art. R2152-7'],
  signals: SOCIAL_CRITERION_SIGNALS,
  assess(ctx) {
    const flags: Flag[] = [];
    const done = new Set<string>();
    // Structured criteria first (they carry the weight).
    const social = ctx.notice.criteria.map((c, i) => ({ c, i })).filter(({ c }) => isSocial(c));
    if (social.length > 0) {
      const w = social.reduce<number | undefined>((acc, { c }) => (c.weight !== undefined ? (acc ?? 0) + c.weight : acc), undefined);
      flags.push(criterionFlag(social.map(({ c, i }) => ({ field: `criteria[${i}]`, quote: c.weight !== undefined ? `${c.name} (${c.weight} %)` : c.name })), w));
      done.add('');
    }
    ctx.notice.lots.forEach((lot, li) => {
      const ls = lot.criteria.map((c, i) => ({ c, i })).filter(({ c }) => isSocial(c));
      if (ls.length === 0) return;
      const w = ls.reduce<number | undefined>((acc, { c }) => (c.weight !== undefined ? (acc ?? 0) + c.weight : acc), undefined);
      flags.push(criterionFlag(ls.map(({ c, i }) => ({ field: `lots[${li}].criteria[${i}]`, quote: c.name })), w, lot.id));
      done.add(lot.id);
    });
    // Text (criteria written in the page, old notices).
    const hits = ctx.hits.filter(
      (h) =>
        (h.signal === 'criterion' || (h.signal === 'criterion-context' && CRITERION_SENTENCE.test(h.sentence))) &&
        !h.negated &&
        !h.segment.field.includes('criteria['),
    );
    const { notice, byLot } = groupHitsByLot(ctx, hits);
    if (notice.length > 0 && !done.has('')) {
      flags.push(criterionFlag(evidenceOfHits(notice), notice.map((h) => weightNear(h.sentence)).find((x) => x !== undefined)));
      done.add('');
    }
    for (const [lotId, lh] of byLot) {
      if (done.has(lotId)) continue;
      flags.push(criterionFlag(evidenceOfHits(lh), lh.map((h) => weightNear(h.sentence)).find((x) => x !== undefined), lotId));
    }
    const decp = hasSignal(ctx, 'decp:Critère social');
    if (decp && !done.has('') && notice.length === 0) flags.push(criterionFlag([{ field: 'socialSignals', quote: decp }], undefined));
    return flags;
  },
};
