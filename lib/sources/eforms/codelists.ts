/**
 * The few eForms codelists the mapping turns into words or model values. French labels are copied from the SDK
 * 1.15.1 Genericode files (`fra_label` column; shared/corpus/eforms/codelists/*.gc). Only the codes we use are
 * kept: shipping the whole Genericode in the extension would cost hundreds of kB for nothing.
 */
import type { BuyerKind, ContractNature, CriterionType, NoticeType } from '@/lib/notice/schema';

/** BT-105 procurement-procedure-type → French label (shown as `Notice.procedure`). */
export const PROCEDURE_LABELS: Readonly<Record<string, string>> = {
  open: 'Procédure ouverte',
  restricted: 'Procédure restreinte',
  'neg-w-call': 'Procédure négociée avec publication préalable / concurrentielle avec négociation',
  'neg-wo-call': 'Procédure négociée sans mise en concurrence préalable',
  'comp-dial': 'Dialogue compétitif',
  innovation: 'Partenariat d’innovation',
  'oth-single': 'Autre procédure en une seule étape',
  'oth-mult': 'Autre procédure en plusieurs étapes',
  'comp-tend': 'Mise en concurrence (règlement (CE) nº 1370/2007)',
  'exp-int-rail': 'Appel à manifestation d’intérêt (transport ferroviaire)',
};

/** BT-23 contract-nature. */
export const CONTRACT_NATURES: Readonly<Record<string, ContractNature>> = {
  services: 'services',
  supplies: 'supplies',
  works: 'works',
};

/** BT-539 award-criterion-type → model type (a "social" criterion has no code: it is recognised from its text). */
export const CRITERION_TYPES: Readonly<Record<string, CriterionType>> = {
  price: 'price',
  cost: 'cost',
  quality: 'quality',
};

/** French names of BT-539 types, used as the criterion name when the notice gives none. */
export const CRITERION_TYPE_LABELS: Readonly<Record<string, string>> = {
  price: 'Prix',
  cost: 'Coût',
  quality: 'Qualité',
};

/** BT-5421 number-weight codes whose BT-541 number is a percentage. */
export const PERCENT_WEIGHT_CODES: ReadonlySet<string> = new Set(['per-exa', 'per-mid']);

/** BT-03 form type (the `@listName` of BT-02) → notice type. */
export const FORM_TYPE_NOTICE_TYPES: Readonly<Record<string, NoticeType>> = {
  planning: 'prior',
  competition: 'contract',
  result: 'award',
  completion: 'award',
  'dir-awa-pre': 'other',
  'cont-modif': 'other',
  consultation: 'prior',
  change: 'correction',
};

/** OPP-070 notice subtype → French label (notice-subtype.gc), for the subtypes a Régie meets. */
export const NOTICE_SUBTYPE_LABELS: Readonly<Record<string, string>> = {
  '4': 'Avis de préinformation utilisé uniquement à titre d’information – directive générale',
  '7': 'Avis de préinformation utilisé pour raccourcir les délais de réception des offres – directive générale',
  '10': 'Avis de préinformation utilisé comme appel à la concurrence – directive générale, régime ordinaire',
  '12': 'Avis de préinformation utilisé comme appel à la concurrence – directive générale, régime assoupli',
  '16': 'Avis de marché – directive générale, régime ordinaire',
  '17': 'Avis de marché – directive sectorielle, régime ordinaire',
  '19': 'Avis de concession – directive «concessions», régime ordinaire',
  '20': 'Avis de marché – directive générale, régime assoupli',
  '21': 'Avis de marché – directive sectorielle, régime assoupli',
  '25': 'Avis en cas de transparence ex ante volontaire – directive générale',
  '29': 'Avis d’attribution de marché – directive générale, régime ordinaire',
  '30': 'Avis d’attribution de marché – directive sectorielle, régime ordinaire',
  '33': 'Avis d’attribution de marché – directive générale, régime assoupli',
  '34': 'Avis d’attribution de marché – directive sectorielle, régime assoupli',
  '38': 'Avis de modification de marché – directive générale',
  E3: 'Avis volontaire de marché',
  E4: 'Avis volontaire d’attribution',
};

/**
 * BT-11 buyer-legal-type → model buyer kind. `la`/`ra` local and regional authorities, `cga` central government,
 * `body-pl*` bodies governed by public law and `pub-undert*` public undertakings (OPH social landlords use either, as
 * do many others: we do not guess `social-landlord` from the code), `spec-rights-entity` utilities.
 */
export function buyerKindOf(code: string | undefined): BuyerKind | undefined {
  if (!code) return undefined;
  if (code === 'la' || code === 'ra') return 'local-authority';
  if (code === 'cga') return 'state';
  if (code.startsWith('body-pl') || code.startsWith('pub-undert') || code === 'grp-p-aut' || code === 'def-cont') {
    return 'public-body';
  }
  if (code === 'spec-rights-entity') return 'utility';
  return 'other';
}
