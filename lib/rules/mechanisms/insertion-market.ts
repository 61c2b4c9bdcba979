import type { Flag } from '../types';
import { isAboutNotDoing } from '../object-kind';
import { formatAmount, thresholdAt, thresholdParameters } from '../thresholds';
import type { Hit, SignalSpec } from '../text-signals';
import { evidenceOfHits, groupHitsByLot, makeFlag, noticeValue, type Mechanism } from './types';

/**
 * R05 — marché d'insertion et de qualification professionnelle: the object bought is insertion itself, the work
 * (nettoyage, espaces verts, second œuvre…) is its "activité support". SSS regime: MAPA whatever the value
 * (CCP R2123-1 3°, R2123-7), JOUE notice above 750 000 € HT. Old basis: article 30 of the 2006 code.
 */
export const INSERTION_MARKET_SIGNALS: readonly SignalSpec[] = [
  {
    id: 'insertion-market',
    anchors: ['insertion', 'support', 'article 30', '2123-1', 'qualification'],
    pattern:
      /\bprestations? d'insertion\b|\bmarches? d'insertion\b|\bservices? d'insertion et de qualification|\binsertion et (?:de )?qualification professionnelles?|\binsertion socio-?professionnelle (?:ayant pour|par|a travers|avec pour)|\bactivites? supports?\b|\bsupports? d'activites?\b|\bsupport a (?:une|l')action d'insertion|\bachat de prestations d'insertion|\bservices? d'insertion professionnelle\b|\br ?\.? ?2123-1,? 3 ?°|\barticle 30 du (?:code des marches publics|cmp)|\bparcours d'insertion (?:par|sur|au travers)/,
    reject: /insertion (?:publicitaire|d'annonces?|dans le paysage)|clause/,
    onlyFields: /^(?:title|description|fullText|lots\[\d+\]\.(?:title|description))$/,
  },
  {
    // Object phrasings of insertion services, read only in the object (title/description/lot titles).
    id: 'insertion-object',
    anchors: ['insertion', 'socio'],
    pattern:
      /\baccompagnement socio-?professionnel|\bprojet d'insertion (?:sociale et )?professionnelle|\bsalaries en insertion\b|\bchantiers? d'insertion\b|\binsertion (?:sociale et )?professionnelle (?:de|des) (?:publics|personnes|jeunes|demandeurs|beneficiaires)/,
    reject: /insertion (?:publicitaire|d'annonces?|dans le paysage)|clause/,
    onlyFields: /^(?:title|description|lots\[\d+\]\.(?:title|description))$/,
  },
];

/** The words of the hit's sentence before the match ("Étude … de l'insertion" is about, not doing). */
function sentenceBefore(h: Hit): string {
  const m = h.segment.text.slice(h.start, h.end);
  const i = h.sentence.indexOf(m);
  return i > 0 ? h.sentence.slice(0, i) : '';
}

export const insertionMarket: Mechanism = {
  id: 'insertion-market',
  rules: ['R05'],
  legalBasis: ['CCP art. R2123-1 3°', 'CCP art. R2123-7'],
  signals: INSERTION_MARKET_SIGNALS,
  assess(ctx) {
    // A study, consultancy or software about insertion is not an insertion market.
    const about = isAboutNotDoing(ctx.titleText);
    const hits = about
      ? []
      : ctx.hits.filter((h) => (h.signal === 'insertion-market' || h.signal === 'insertion-object') && !h.negated && !isAboutNotDoing(sentenceBefore(h)));
    if (hits.length === 0) return [];
    const sss = thresholdAt('sss-eu-publication', ctx.date);
    const value = noticeValue(ctx.notice);
    const above = sss && value ? value.amount >= sss.amount : undefined;
    const { notice, byLot } = groupHitsByLot(ctx, hits);
    const make = (ev: ReturnType<typeof evidenceOfHits>, lotId?: string): Flag =>
      makeFlag(
        'insertion-market',
        'strong',
        {
          title: `Marché d’insertion et de qualification professionnelle${lotId !== undefined ? ` (lot ${lotId})` : ''}`,
          explanation: `L’acheteur achète de l’insertion : l’objet est l’accompagnement de personnes éloignées de l’emploi, le chantier (nettoyage, espaces verts, second œuvre…) n’en est que l’« activité support ». C’est le cœur de métier d’une Régie de Quartier conventionnée (ACI). Procédure adaptée possible quel que soit le montant${above ? ` ; au-delà de ${formatAmount(sss?.amount ?? 0)} € HT, un avis au JOUE est requis` : ''}.`,
          titleEn: 'Work-integration services contract (insertion market)',
          explanationEn: 'The buyer purchases work integration itself, the work is only the support activity: the core business of a Régie de Quartier. Adapted procedure whatever the value.',
        },
        ['CCP art. R2123-1 3°', 'CCP art. R2123-7', 'avis annexé au CCP relatif aux services sociaux et autres services spécifiques (annexe 3)'],
        ev,
        {
          ...(lotId !== undefined ? { lotId } : {}),
          parameters: { ...(sss ? thresholdParameters(sss, 'joue') : {}), ...(value ? { value: value.amount } : {}) },
        },
      );
    const flags: Flag[] = [];
    if (notice.length > 0) flags.push(make(evidenceOfHits(notice)));
    for (const [lotId, lh] of byLot) flags.push(make(evidenceOfHits(lh), lotId));
    return flags;
  },
};
