/**
 * FNSimple (national form for 90 k€ → EU thresholds, 2022+): `FNSimple.organisme` +
 * `FNSimple.initial` | `.attribution` | `.rectificatif`. Paths: research/boamp.md §4.2.
 */
import type { ContractNature, Lot } from '@/lib/notice/schema';
import { winnerLooksInsertion } from './awards';
import { buyerKindFromName } from './buyer-kind';
import { buildCriteria, criteriaFromText } from './criteria';
import { addSignal, addText, type FamilyDraft, use } from './draft';
import { lotIdFromText } from './lot-id';
import { wallClockAsParisIso } from '@/lib/notice/dates';
import { reservedKindFromText } from './reservation';
import { addCpv, money, parseAmount } from './values';
import { allText, asArray, attr, child, has, keysOf, text, textAt } from './xml-json';

const NATURES: Readonly<Record<string, ContractNature>> = {
  services: 'services',
  fournitures: 'supplies',
  travaux: 'works',
};

/** Procedure choice keys of the form (the top-level `type_procedure` says OUVERT for an adapted open one). */
const PROCEDURES: Readonly<Record<string, string>> = {
  procedureAdapteeO: 'Procédure adaptée ouverte',
  procedureAdapteeR: 'Procédure adaptée restreinte',
  procedureAdaptee: 'Procédure adaptée',
  procedureOuverte: 'Procédure ouverte',
  procedureRestreinte: 'Procédure restreinte',
};

/** `codeCPV.objetPrincipal.classPrincipale` plus the supplementary codes the XSD allows. */
function readCpv(node: unknown, into: Lot['cpv'], warnings: string[], where: string): void {
  for (const principal of asArray(child(node, 'objetPrincipal'))) {
    addCpv(into, textAt(principal, 'classPrincipale'), true, warnings, where);
  }
  for (const supp of asArray(child(node, 'objetComplementaire'))) {
    for (const c of asArray(child(supp, 'classPrincipale'))) addCpv(into, text(c), false, warnings, where);
  }
}

function readValue(node: unknown): ReturnType<typeof money> {
  const devise = attr(node, 'devise');
  return (
    money(textAt(node, 'valeur'), devise) ??
    money(textAt(node, 'fourchette', 'valeurBasse'), devise, textAt(node, 'fourchette', 'valeurHaute')) ??
    money(textAt(node, 'fourchette', 'valeurHaute'), devise)
  );
}

export function parseFnSimple(root: unknown, draft: FamilyDraft): void {
  const d = child(root, 'FNSimple');
  const organisme = child(d, 'organisme');
  draft.buyer.name = use(draft, 'FNSimple.organisme.nomOfficiel', textAt(organisme, 'nomOfficiel'));
  const siret = textAt(organisme, 'codeIdentificationNational')?.replace(/\s/g, '');
  if (siret && /^\d{14}$/.test(siret)) draft.buyer.siret = use(draft, 'FNSimple.organisme.codeIdentificationNational', siret);
  const cp = textAt(organisme, 'cp');
  if (cp) draft.postcodes.push(cp);

  const part = firstPart(d);
  if (!part) {
    draft.warnings.push('FNSimple sans partie initial/attribution/rectificatif');
    return;
  }
  const [partName, node] = part;
  const p = `FNSimple.${partName}`;
  if (partName === 'rectificatif') draft.noticeType = 'correction';

  const nm = child(node, 'natureMarche');
  draft.title = use(draft, `${p}.natureMarche.intitule`, textAt(nm, 'intitule'));
  draft.description = use(draft, `${p}.natureMarche.description`, textAt(nm, 'description'));
  const nature = keysOf(child(nm, 'natureMarche')).map((k) => NATURES[k]).find((n) => n !== undefined);
  draft.contractNature = use(draft, `${p}.natureMarche.natureMarche`, nature);
  readCpv(child(nm, 'codeCPV'), draft.cpv, draft.warnings, `${p}.natureMarche.codeCPV`);
  if (draft.cpv.length > 0) use(draft, `${p}.natureMarche.codeCPV`, true);
  draft.estimatedValue = use(draft, `${p}.natureMarche.valeurEstimee`, readValue(child(nm, 'valeurEstimee')));
  const lieu = textAt(nm, 'lieuExecution');
  if (lieu) draft.place.city = use(draft, `${p}.natureMarche.lieuExecution`, lieu);
  draft.place.city ??= textAt(organisme, 'ville');
  addText(draft, draft.title, draft.description, lieu);

  const procedure = child(node, 'procedure');
  const procKey = keysOf(procedure).find((k) => k.startsWith('procedure'));
  const procLabel = procKey ? PROCEDURES[procKey] : undefined;
  if (procKey && procLabel) draft.procedure = use(draft, `${p}.procedure.${procKey}`, procLabel);
  draft.deadline = use(draft, `${p}.procedure.dateReceptionOffres`, wallClockAsParisIso(textAt(procedure, 'dateReceptionOffres')));
  const categorie = textAt(procedure, 'categorieAcheteur');
  const kind = buyerKindFromName(categorie);
  if (kind) draft.buyer.kind = use(draft, `${p}.procedure.categorieAcheteur`, kind);
  const criteresText = textAt(procedure, 'criteresAttrib') ?? textAt(nm, 'criteresAttrib');
  addText(draft, use(draft, `${p}.procedure.criteresAttrib`, criteresText));
  // Usually "énoncés dans le RC"; read only when the text itself gives weighted criteria.
  if (criteresText && /\d\s*(%|points?)/i.test(criteresText)) {
    const raw = criteriaFromText(criteresText).filter((c) => c.weight !== undefined);
    if (raw.length > 0) draft.criteria = buildCriteria(raw, draft.warnings);
  }
  addText(draft, textAt(procedure, 'capaciteExercice'), textAt(procedure, 'capaciteEcoFin'), textAt(procedure, 'capaciteTech'));

  const lots: Lot[] = [];
  asArray(child(node, 'lots', 'lot')).forEach((lot, i) => {
    const description = textAt(lot, 'description');
    const intitule = textAt(lot, 'intituleLot') ?? textAt(lot, 'intitule');
    const id = textAt(lot, 'numLot') ?? lotIdFromText(intitule ?? description, i);
    const cpv: Lot['cpv'] = [];
    readCpv(child(lot, 'codeCPV'), cpv, draft.warnings, `lot ${id}`);
    const out: Lot = { id, title: intitule ?? description ?? `Lot ${id}`, cpv, criteria: [] };
    if (description && description !== out.title) out.description = description;
    const value = readValue(child(lot, 'estimationValeur'));
    if (value) out.estimatedValue = value;
    lots.push(out);
    addText(draft, intitule, description, textAt(lot, 'lieuExecutionLivraison'));
  });
  if (lots.length > 0) use(draft, `${p}.lots.lot`, true);
  draft.lots = lots;

  const info = child(node, 'informComplementaire');
  addText(
    draft,
    use(draft, `${p}.informComplementaire.autresInformComplementaire`, textAt(info, 'autresInformComplementaire')),
    textAt(info, 'oui', 'visiteDetail'),
  );

  const reservation = child(nm, 'reservationMarche');
  if (has(reservation, 'non')) {
    draft.reserved = use(draft, `${p}.natureMarche.reservationMarche.non`, 'none');
  } else if (has(reservation, 'oui')) {
    use(draft, `${p}.natureMarche.reservationMarche.oui`, true);
    addSignal(draft, 'fnsimple:reservationMarche:oui');
    const said = allText(child(reservation, 'oui')).join('\n');
    addText(draft, said);
    draft.reserved = reservedKindFromText(`${said}\n${draft.textParts.join('\n')}`) ?? 'siae-or-disability';
    for (const l of draft.lots) l.reserved = draft.reserved;
  }

  if (partName === 'attribution') {
    const result = textAt(node, 'attributionMarche');
    addText(draft, use(draft, `${p}.attributionMarche`, result));
    if (result) readAwardText(result, draft);
    const initial = textAt(node, 'avisInitial', 'idWeb');
    if (initial) addText(draft, `Avis initial : ${initial}`);
  }
  if (partName === 'rectificatif') addText(draft, ...allText(node));
}

function firstPart(d: unknown): [string, unknown] | undefined {
  for (const name of ['initial', 'attribution', 'rectificatif']) {
    const node = child(d, name);
    if (node !== undefined) return [name, node];
  }
  return undefined;
}

/**
 * `attributionMarche` is free text: "L'accord-cadre a été attribué le 13/03/2025 à la société DRI - DIGITAL RURAL
 * INFORMATIQUE. La valeur finale de l'accord-cadre est de 78 140 euros HT." The winner and amount are read
 * from that one phrasing family; anything else is left to the text (and the top-level `titulaire`).
 */
function readAwardText(result: string, draft: FamilyDraft): void {
  const winner = /attribu[ée]+e?s?\s+(?:le\s+[\d/]+\s+)?(?:à|au|a)\s+(?:la société|l.entreprise|la SAS|la SARL|la société anonyme)?\s*([^.\n]{2,120}?)\s*(?:\s+pour\s+un\s+montant|\s+-\s+\d|\.|,|\n|$)/i.exec(result);
  if (!winner?.[1]) return;
  const award: FamilyDraft['awards'][number] = { winner: winner[1].trim() };
  const amount = /(\d[\d\s\u00A0\u202F.]*(?:,\d{1,2})?)\s*(?:€|euros?|euro\(s\)|EUR)\s*HT/i.exec(result);
  const value = parseAmount(amount?.[1]?.replace(/\./g, ''));
  if (value !== undefined) award.amount = { amount: value, currency: 'EUR' };
  if (winnerLooksInsertion(award.winner)) award.insertionStructure = true;
  draft.awards.push(award);
}
