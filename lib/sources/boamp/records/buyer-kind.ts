/**
 * Buyer kind (DESIGN "Buyer.kind"), from the structured "type d'organisme" codes of the legacy forms, the
 * FNSimple free-text `categorieAcheteur`, or the buyer's name. Undefined when nothing decides.
 */
import type { BuyerKind } from '@/lib/notice/schema';
import { normalizeText } from '@/lib/notice/normalize';

/** Legacy `TYPE_ORGANISME` / `TYPE_POUVOIR_ADJUDICATEUR` / v110 `INFO` choice keys. */
const CODE_KINDS: Readonly<Record<string, BuyerKind>> = {
  COMMUNE: 'local-authority',
  DEPARTEMENT: 'local-authority',
  REGION: 'local-authority',
  AUTOTRITE_REGIONAL: 'local-authority',
  AUTORITE_REGIONALE: 'local-authority',
  COLLECTIVITE_TERRITORIALE: 'local-authority',
  ETAT: 'state',
  MIN_AUTORITE_NATIONALE: 'state',
  AGENCE_NATIONALE: 'public-body',
  AGENCE_REGIONALE: 'public-body',
  ORG_DROIT_PUBLIC: 'public-body',
  EPN: 'public-body',
  EPT: 'public-body',
  ORGANISME_DROIT_PUBLIC: 'public-body',
};

const NAME_RULES: readonly [RegExp, BuyerKind][] = [
  [/\b(habitat|hlm|logement|office public de l.habitat|\boph\b|\besh\b|immobiliere)/, 'social-landlord'],
  [/^(ville|commune|mairie|departement|conseil departemental|conseil general|region|conseil regional|collectivite)\b/, 'local-authority'],
  [/\b(communaute (de communes|d.agglomeration|urbaine)|metropole|syndicat (intercommunal|mixte)|sivom|sivu|eptb?)\b/, 'local-authority'],
  [/\b(ccas|centre communal d.action sociale|caisse des ecoles)\b/, 'local-authority'],
  [/^(ministere|prefecture|direction (regionale|departementale|interdepartementale)|secretariat general)\b/, 'state'],
  [/\b(sncf|edf|grdf|enedis|ratp|la poste|regie des eaux|eau du|syndicat des eaux|aeroport|port autonome|grand port)\b/, 'utility'],
  [/\b(universite|centre hospitalier|\bchu\b|hopital|lycee|college|cnrs|inserm|ecole|etablissement public|institut public|agence)\b/, 'public-body'],
];

export function buyerKindFromCodes(codes: readonly string[]): BuyerKind | undefined {
  for (const c of codes) {
    const k = CODE_KINDS[c];
    if (k) return k;
  }
  return undefined;
}

export function buyerKindFromName(name: string | undefined): BuyerKind | undefined {
  if (!name) return undefined;
  const n = normalizeText(name).trim();
  for (const [re, kind] of NAME_RULES) if (re.test(n)) return kind;
  return undefined;
}
