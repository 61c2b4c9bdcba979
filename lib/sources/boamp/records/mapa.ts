/**
 * MAPA (national form below 90 k€, 2022+) and the related national forms DSP and DIVERS, which share its
 * `organisme` + `initial` | `attribution` | `rectificatif` layout. MAPA paths: research/boamp.md §4.3 (2 real
 * records); DSP/DIVERS: only the site's own templates are known (lots at `DSP.initial.descriptionMarche.lots.lot`,
 * `DIVERS.initial.lots.lot`, results at `…attribution.attribution.lotMarche`), so they are read best effort and
 * say so in the warnings.
 */
import type { ContractNature, Lot } from '@/lib/notice/schema';
import { winnerLooksInsertion } from './awards';
import { buildCriteria } from './criteria';
import { addSignal, addText, type FamilyDraft, use } from './draft';
import { lotIdFromText } from './lot-id';
import { wallClockAsParisIso } from '@/lib/notice/dates';
import { reservedKindFromText } from './reservation';
import { addCpv, money } from './values';
import { allText, asArray, attr, child, has, isObject, keysOf, text, textAt } from './xml-json';

export type NationalFamily = 'MAPA' | 'DSP' | 'DIVERS';

const NATURES: Readonly<Record<string, ContractNature>> = {
  services: 'services',
  fournitures: 'supplies',
  travaux: 'works',
};

/** Contact details are left out of `fullText`: they are not about the work and hold personal data. */
const NOT_TEXT = new Set(['organisme', 'coord', 'correspondantPRM', 'adressesComplt', 'justifications', 'langue']);

/** Keep words, drop codes, numbers, dates and links that the form's structure already gives. */
function isProse(s: string): boolean {
  return /[A-Za-zÀ-ÿ]{3}/.test(s) && !/^https?:\/\//.test(s) && !/^\d{4}-\d{2}-\d{2}/.test(s) && !/^[A-Z0-9_-]+$/.test(s);
}

function placeText(value: unknown): { text?: string; cp?: string; city?: string } {
  if (!isObject(value)) return { text: text(value) };
  const cp = textAt(value, 'cp');
  const city = textAt(value, 'ville');
  const parts = [textAt(value, 'voie', 'nomvoie'), cp, city].filter((s): s is string => s !== undefined);
  return { text: parts.join(' ') || undefined, cp, city };
}

export function parseNationalForm(root: unknown, family: NationalFamily, draft: FamilyDraft): void {
  const d = child(root, family);
  if (family !== 'MAPA') draft.warnings.push(`famille ${family} : lecture au mieux (aucun exemple réel connu)`);
  const organisme = child(d, 'organisme');
  const buyerName = textAt(organisme, 'acheteurPublic') ?? textAt(organisme, 'nomOfficiel');
  draft.buyer.name = use(draft, `${family}.organisme.acheteurPublic`, buyerName);
  const siret = (textAt(organisme, 'codeIdentificationNational') ?? textAt(organisme, 'siret'))?.replace(/\s/g, '');
  if (siret && /^\d{14}$/.test(siret)) draft.buyer.siret = use(draft, `${family}.organisme.codeIdentificationNational`, siret);
  const buyerCp = textAt(organisme, 'adr', 'cp') ?? textAt(organisme, 'cp');

  const partName = ['initial', 'attribution', 'rectificatif'].find((k) => child(d, k) !== undefined);
  if (!partName) {
    draft.warnings.push(`${family} sans partie initial/attribution/rectificatif`);
    return;
  }
  const node = child(d, partName);
  const p = `${family}.${partName}`;
  if (partName === 'rectificatif') draft.noticeType = 'correction';

  const description = child(node, 'description') ?? child(node, 'descriptionMarche');
  const objet = textAt(description, 'objet') ?? textAt(description, 'intitule') ?? textAt(node, 'objet');
  draft.title = use(draft, `${p}.description.objet`, objet);
  const descr = textAt(description, 'description') ?? textAt(description, 'caracteristiques');
  draft.description = use(draft, `${p}.description.description`, descr);
  const lieu = placeText(child(description, 'lieuExecutionLivraison') ?? child(description, 'lieuExecution'));
  if (lieu.city) draft.place.city = use(draft, `${p}.description.lieuExecutionLivraison`, lieu.city);
  for (const cp of [lieu.cp, buyerCp]) if (cp) draft.postcodes.push(cp);
  draft.place.city ??= textAt(organisme, 'adr', 'ville');

  const natureNode = child(node, 'natureMarche') ?? child(description, 'natureMarche');
  const nature = keysOf(natureNode).map((k) => NATURES[k]).find((n) => n !== undefined);
  draft.contractNature = use(draft, `${p}.natureMarche`, nature);

  // The MAPA schema has no CPV nor value in `initial`; read them if a variant has them.
  for (const c of asArray(child(description, 'codeCPV') ?? child(node, 'codeCPV'))) {
    addCpv(draft.cpv, textAt(c, 'objetPrincipal', 'classPrincipale'), true, draft.warnings, `${p}.codeCPV`);
  }
  const valeur = child(description, 'valeurEstimee') ?? child(node, 'valeurEstimee');
  draft.estimatedValue = use(draft, `${p}.valeurEstimee`, money(textAt(valeur, 'valeur'), attr(valeur, 'devise')));

  if (has(child(node, 'procedure'), 'procedureAdaptee')) {
    draft.procedure = use(draft, `${p}.procedure.procedureAdaptee`, 'Procédure adaptée');
  }
  draft.deadline = use(draft, `${p}.delais.receptionOffres`, wallClockAsParisIso(textAt(node, 'delais', 'receptionOffres')));

  const criteres = child(node, 'criteres');
  const raw = asArray(child(criteres, 'criterePondere')).map((c) => ({
    name: textAt(c, 'critere') ?? '',
    weight: textAt(c, 'criterePCT'),
  }));
  draft.criteria = buildCriteria(raw, draft.warnings);
  if (draft.criteria.length > 0) use(draft, `${p}.criteres.criterePondere`, true);

  const lotNodes = asArray(
    child(node, 'lots', 'lot') ?? child(description, 'lots', 'lot') ?? child(node, 'attribution', 'lotMarche'),
  );
  const lots: Lot[] = [];
  lotNodes.forEach((lot, i) => {
    const intitule = textAt(lot, 'intituleLot') ?? textAt(lot, 'intitule');
    const lotDescr = textAt(lot, 'description');
    const id = textAt(lot, 'numLot') ?? lotIdFromText(intitule ?? lotDescr, i);
    const cpv: Lot['cpv'] = [];
    addCpv(cpv, textAt(lot, 'codeCPV', 'objetPrincipal', 'classPrincipale'), true, draft.warnings, `lot ${id}`);
    const out: Lot = { id, title: intitule ?? lotDescr?.slice(0, 160) ?? `Lot ${id}`, cpv, criteria: [] };
    if (lotDescr && lotDescr !== out.title) out.description = lotDescr;
    lots.push(out);
  });
  if (lots.length > 0) use(draft, `${p}.lots.lot`, true);
  draft.lots = lots;

  // Results: winners and amounts per lot (template `attribution.attribution.lotMarche`) or for the whole contract.
  if (partName === 'attribution') {
    const result = child(node, 'attribution');
    for (const lot of asArray(child(result, 'lotMarche')).concat(asArray(child(result, 'resultat')))) {
      const attribue = child(lot, 'attribue') ?? child(lot, 'resultat', 'attribue') ?? lot;
      const montant = child(attribue, 'montant');
      const amount = money(textAt(montant, 'valeur') ?? text(montant), attr(montant, 'devise'));
      for (const t of asArray(child(attribue, 'titulaire'))) {
        const winner = textAt(t, 'denomination') ?? textAt(t, 'nom') ?? text(t);
        if (!winner) continue;
        const award: FamilyDraft['awards'][number] = { winner };
        const lotId = textAt(lot, 'numLot');
        if (lotId) award.lotId = lotId;
        if (amount) award.amount = amount;
        if (winnerLooksInsertion(winner)) award.insertionStructure = true;
        draft.awards.push(award);
      }
    }
    if (draft.awards.length > 0) use(draft, `${p}.attribution`, true);
  }

  const reservation = child(node, 'reservationMarche') ?? child(description, 'reservationMarche');
  if (has(reservation, 'non')) draft.reserved = use(draft, `${p}.reservationMarche.non`, 'none');
  else if (has(reservation, 'oui')) {
    use(draft, `${p}.reservationMarche.oui`, true);
    addSignal(draft, `${family.toLowerCase()}:reservationMarche:oui`);
    // The rules know the generic BOAMP reservation marker (lib/rules/README.md); the family one says where it came from.
    addSignal(draft, 'boamp:MARCHE_RESERVE_OUI');
  }

  addText(draft, objet, descr, lieu.text);
  addText(draft, ...allText(node, NOT_TEXT).filter(isProse));
  if (has(reservation, 'oui')) {
    draft.reserved = reservedKindFromText(draft.textParts.join('\n')) ?? 'siae-or-disability';
    for (const l of draft.lots) l.reserved = draft.reserved;
  }
  const rens = textAt(node, 'renseignements', 'rensgComplt');
  use(draft, `${p}.renseignements.rensgComplt`, rens);
}
