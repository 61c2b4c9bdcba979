import type { Flag } from '../types';
import { formatAmount, thresholdAt, thresholdParameters } from '../thresholds';
import { isSssCpv } from '../social-service-cpv';
import type { SignalSpec } from '../text-signals';
import { evidenceOfHits, hasSignal, makeFlag, noticeValue, type Mechanism } from './types';

/** R05 (regime part) — services sociaux et autres services spécifiques: MAPA whatever the value (R2123-1 3°), JOUE ≥ 750 000 €. */
export const SSS_SIGNALS: readonly SignalSpec[] = [
  {
    id: 'sss',
    anchors: ['services sociaux et autres', '2123-1', 'article 30', 'article 28'],
    pattern:
      /\bservices sociaux et (?:d')?autres services specifiques|\br ?\.? ?2123-1,? 3 ?°|\barticle 30 du (?:code des marches publics|cmp)|\barticle 28 du decret (?:n ?°? ?)?2016-360/,
  },
];

export const sssRegime: Mechanism = {
  id: 'sss-regime',
  rules: ['R05', 'R11'],
  legalBasis: ['CCP art. R2123-1 3°'],
  signals: SSS_SIGNALS,
  assess(ctx) {
    const main = ctx.notice.cpv.find((c) => c.main) ?? ctx.notice.cpv[0];
    const evidence = [];
    if (main && isSssCpv(main.code)) evidence.push({ field: 'cpv', quote: main.label ? `${main.code} ${main.label}` : main.code });
    evidence.push(...evidenceOfHits(ctx.hits.filter((h) => h.signal === 'sss' && !h.negated)));
    const marker = hasSignal(ctx, 'eforms:subtype:cn-social', 'eforms:subtype:pin-cfc-social', 'eforms:subtype:can-social');
    if (marker) evidence.push({ field: 'socialSignals', quote: marker });
    if (evidence.length === 0) return [];
    const sss = thresholdAt('sss-eu-publication', ctx.date);
    const value = noticeValue(ctx.notice);
    const flag: Flag = makeFlag(
      'sss-regime',
      'info',
      {
        title: 'Services sociaux et autres services spécifiques : régime allégé',
        explanation: `Ces services relèvent de la liste des services sociaux et autres services spécifiques (avis annexé au code, annexe 3 ; liste à vérifier) : l’acheteur peut passer une procédure adaptée, avec négociation, quel que soit le montant${sss ? `, avec un avis au JOUE au-delà de ${formatAmount(sss.amount)} € HT` : ''}. La qualité, la continuité et l’accompagnement des publics comptent dans le choix (R2123-7).`,
        titleEn: 'Social and other specific services: light regime',
        explanationEn: 'Social and other specific services may be bought through an adapted procedure whatever the value (EU notice above 750 000 €).',
      },
      ['CCP art. R2123-1 3°', 'CCP art. R2123-7', 'Directive 2014/24/UE annexe XIV'],
      evidence.slice(0, 4),
      { parameters: { ...(sss ? thresholdParameters(sss, 'joue') : {}), ...(value ? { value: value.amount, aboveJoue: sss ? value.amount >= sss.amount : false } : {}), cpvListUnverified: true } },
    );
    return [flag];
  },
};
