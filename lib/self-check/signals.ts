import { compileSignals, type SignalSpec } from '@/lib/rules/text-signals';

/**
 * Text signals the self-check needs beyond the rules core (which already finds social clauses, criteria, reservations,
 * insertion markets, priority territories). Same engine (`compileSignals`/`scanSignals` of lib/rules/text-signals.ts):
 * normalised text, literal anchors, negation handling, quotes mapped back to the notice's words.
 */
export const SELF_CHECK_SIGNALS: readonly SignalSpec[] = [
  {
    // Environmental execution condition (L2112-2 as amended by loi 2021-1104): "conditions d'exécution … environnement".
    id: 'env-condition',
    anchors: ['environnement', 'environnementa', 'ecologique', 'dechets', 'carbone', 'durable'],
    pattern:
      /\bconditions? d'execution[^.;]{0,120}\b(?:environnementa|ecologique|dechets|carbone|developpement durable)|\b(?:clause|exigences?|dispositions?) environnementales?\b|\bconsiderations? environnementales?\b|\bdimension environnementale\b|\bimpact environnemental\b/,
  },
  {
    // Environmental award criterion: "performance(s) en matière de protection de l'environnement", "critère environnemental".
    id: 'env-criterion',
    anchors: ['environnement', 'environnementa', 'developpement durable', 'carbone'],
    pattern:
      /\bcriteres? (?:d'attribution )?environnementa|\bperformances? en matiere de (?:protection de l')?environnement|\bperformances? environnementales?\b|\bvaleur environnementale\b|\bdeveloppement durable \(\d|\bbilan carbone\b[^.;]{0,40}\d ?%/,
  },
  {
    // A non-allotted contract must give its reasons (L2113-11) in the consultation documents.
    id: 'allotment-justification',
    anchors: ['allotissement', 'alloti', 'lots', '2113-11', 'marche global', 'marche unique'],
    pattern:
      /\b(?:pas d'|absence d'|non-?)allotissement\b|\bnon alloti\b|\bn'est pas alloti\b|\bne (?:fait|fera) pas l'objet d'un allotissement|\bpas de (?:decoupage|division) en lots\b|\bl ?\.? ?2113-11\b|\bmarche (?:global|unique) (?:car|en raison|compte tenu|justifie)|\ballotissement[^.;]{0,80}\b(?:justifi|motiv|raison|techniquement difficile|couteux)/,
    negatable: false,
  },
  {
    id: 'small-lots',
    anchors: ['petits lots', '2123-1', '20 %'],
    pattern: /\bpetits lots\b|\br ?\.? ?2123-1,? 2 ?°|\b20 ?% de la valeur (?:totale )?estimee/,
    negatable: false,
  },
  {
    // Reserved-contract share of disabled/disadvantaged workers (R2113-7: 50 %).
    id: 'reserved-share',
    anchors: ['50 %', '2113-7', 'proportion'],
    pattern: /\b(?:au moins|minimum de|minimale de|proportion (?:minimale )?de) 50 ?%|\br ?\.? ?2113-7\b|\b50 ?% (?:au moins )?(?:de (?:travailleurs|salaries|personnes)|des (?:travailleurs|salaries|personnes))/,
    negatable: false,
  },
  {
    id: 'joue-publication',
    anchors: ['joue', 'journal officiel', 'ted', 'europeenne'],
    pattern: /\bjoue\b|\bjournal officiel de l'union europeenne\b|\bted\.europa\.eu\b|\bsupplement au journal officiel\b/,
    negatable: false,
  },
  {
    id: 'boamp-jal-publication',
    anchors: ['boamp', 'annonces legales', 'jal'],
    pattern: /\bboamp\b|\bbulletin officiel des annonces des marches publics\b|\bjournal d'annonces legales\b|\bjal\b/,
    negatable: false,
  },
  {
    id: 'prior-information',
    anchors: ['preinformation', 'pre-information', 'information prealable'],
    pattern: /\bavis de pre-?information\b|\bavis d'information prealable\b/,
  },
  {
    id: 'urgency',
    anchors: ['urgence', 'urgente'],
    pattern: /\burgence (?:dument )?(?:justifiee|impérieuse|imperieuse)|\bprocedure (?:acceleree|d'urgence)|\bdelai (?:reduit|raccourci) (?:pour|en raison de l')urgence/,
  },
  {
    // A measurable social criterion: hours, jobs, shares, people — a number to commit to.
    id: 'measurable-social',
    anchors: ['heures', 'etp', 'emplois', 'personnes', 'nombre'],
    pattern:
      /\bnombre d'heures\b|\b\d[\d ]* heures d'insertion\b|\bheures (?:d'insertion|de travail) (?:proposees|reservees|realisees)|\bnombre (?:de personnes|d'emplois|de salaries|de beneficiaires|d'etp)\b|\b\d+ ?etp\b|\bequivalents? temps plein\b|\btaux de sorties? (?:positives|dynamiques)\b/,
  },
  {
    // Contract duration, for the ESS 3-year cap: "durée du marché : 36 mois", "durée : 4 ans".
    id: 'duration',
    anchors: ['duree'],
    pattern: /\bduree(?: du (?:marche|contrat|accord-cadre))?(?: initiale)? ?:? ?(?:de |est de )?\d{1,3} ?(?:mois|ans?)\b/,
    negatable: false,
  },
];

export const COMPILED_SELF_CHECK_SIGNALS = compileSignals(SELF_CHECK_SIGNALS);
