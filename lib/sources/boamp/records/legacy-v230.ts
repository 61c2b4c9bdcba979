/**
 * Legacy BOAMP schema v230/v240 (2015–2023; also the schema-less records of the same years): UPPER_CASE
 * `donnees` (`IDENTITE`, `OBJET`, `PROCEDURE`, `CONDITION_PARTICIPATION`, `LOTS`…). Paths: research/boamp.md §4.4.
 */
import type { ContractNature, Criterion, CriterionType, Lot, Money, Reserved } from '@/lib/notice/schema';
import { winnerLooksInsertion } from './awards';
import { buyerKindFromCodes } from './buyer-kind';
import { buildCriteria, criteriaFromText, type RawCriterion } from './criteria';
import { addSignal, addText, type FamilyDraft, use } from './draft';
import { wallClockAsParisIso } from '@/lib/notice/dates';
import { reservedKindFromText } from './reservation';
import { addCpv, money } from './values';
import { asArray, attr, child, has, keysOf, text, textAt } from './xml-json';

const NATURES: Readonly<Record<string, ContractNature>> = {
  SERVICE: 'services',
  SERVICES: 'services',
  FOURNITURES: 'supplies',
  TRAVAUX: 'works',
};

const PROCEDURES: Readonly<Record<string, string>> = {
  OUVERT: 'Procédure ouverte',
  RESTREINT: 'Procédure restreinte',
  PROCEDURE_ADAPTE: 'Procédure adaptée',
  NEGOCIE: 'Procédure négociée',
  DIALOGUE_COMPETITIF: 'Dialogue compétitif',
  CONCURRENTIELLE_NEGOCIATION: 'Procédure concurrentielle avec négociation',
  PARTENARIAT_INNOVATION: "Partenariat d'innovation",
  ATTRIBUE_SANS_PUB_JOUE: 'Attribution sans publication préalable',
  CONCOURS_OUVERT: 'Concours ouvert',
  CONCOURS_RESTREINT: 'Concours restreint',
};

// OBJET.CPV.SUPPLEMENTAIRE is the CPV *supplementary vocabulary* ("JA10"), not additional CPV codes: not read.
/** VALEUR / VALEUR_TOTALE / VALEUR_MIN–MAX of a node. */
function valueOf(node: unknown): { money?: Money; path?: string } {
  for (const key of ['VALEUR_TOTALE', 'VALEUR']) {
    const v = child(node, key);
    const m = money(text(v), attr(v, 'DEVISE'));
    if (m) return { money: m, path: key };
  }
  const min = child(node, 'VALEUR_MIN');
  const max = child(node, 'VALEUR_MAX');
  const m = money(text(min), attr(min, 'DEVISE') ?? attr(max, 'DEVISE'), text(max));
  if (m) return { money: m, path: 'VALEUR_MIN' };
  const onlyMax = money(text(max), attr(max, 'DEVISE'));
  return onlyMax ? { money: onlyMax, path: 'VALEUR_MAX' } : {};
}

/** `CRITERES_ATTRIBUTION` (procedure or lot level) → raw criteria, plus the free text when there is one. */
function readCriteria(node: unknown): { raw: RawCriterion[]; freeText?: string } {
  const raw: RawCriterion[] = [];
  const push = (list: unknown, hint?: CriterionType, weightAttr = 'POIDS'): void => {
    for (const c of asArray(list)) raw.push({ name: text(c) ?? '', weight: attr(c, weightAttr), hint });
  };
  push(child(node, 'CRITERES_PONDERES', 'CRITERE'));
  // Ranked criteria ("par ordre de priorité décroissante") have no weight: the order is kept, not the rank.
  for (const c of asArray(child(node, 'CRITERES_PRIORITES', 'CRITERE'))) raw.push({ name: text(c) ?? '' });
  push(child(node, 'CRITERES_QUALITE', 'CRITERE'), 'quality');
  const prix = child(node, 'CRITERES_PRIX');
  if (prix !== undefined) raw.push({ name: 'Prix', weight: textAt(prix, 'POIDS'), hint: 'price' });
  push(child(node, 'CRITERES_COUT', 'CRITERE'), 'cost');
  return { raw, freeText: textAt(node, 'CRITERES_LIBRE') };
}

function sameCriteria(a: readonly Criterion[], b: readonly Criterion[]): boolean {
  return a.length === b.length && a.every((c, i) => c.name === b[i]?.name && c.weight === b[i]?.weight);
}

/** Reservation from `MARCHE_RESERVE_OUI|NON` under a node (`CONDITION_PARTICIPATION` or JOUE `OBJET`). */
function reservationAt(draft: FamilyDraft, node: unknown, path: string, context: string): Reserved | undefined {
  if (has(node, 'MARCHE_RESERVE_NON')) {
    use(draft, `${path}.MARCHE_RESERVE_NON`, true);
    return 'none';
  }
  if (!has(node, 'MARCHE_RESERVE_OUI')) return undefined;
  use(draft, `${path}.MARCHE_RESERVE_OUI`, true);
  addSignal(draft, 'boamp:MARCHE_RESERVE_OUI');
  const oui = child(node, 'MARCHE_RESERVE_OUI');
  const ateliers = has(oui, 'ATELIERS_PROTEGES');
  const emplois = has(oui, 'EMPLOIS_PROTEGES');
  if (ateliers) addSignal(draft, 'boamp:ATELIERS_PROTEGES');
  if (emplois) addSignal(draft, 'boamp:EMPLOIS_PROTEGES');
  const fromText = reservedKindFromText(`${text(oui) ?? ''}\n${context}`);
  // ATELIERS_PROTEGES alone is the disability reservation (EA/ESAT); EMPLOIS_PROTEGES ("emplois protégés")
  // is used for both disability and insertion reservations, so the text decides.
  if (ateliers && !emplois) return 'disability';
  return fromText ?? 'siae-or-disability';
}

/** A lot title from its description when the form has no INTITULE: the first sentence, cut at a word. */
function titleFromDescription(description: string): string {
  const sentence = description.split(/(?<=[.;])\s/)[0] ?? description;
  if (sentence.length <= 160) return sentence;
  const cut = sentence.slice(0, 160);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 80))}…`;
}

function readLots(draft: FamilyDraft, objet: unknown): Lot[] {
  const lots: Lot[] = [];
  const lotNodes = asArray(child(objet, 'LOTS', 'LOT'));
  // JOUE forms describe an undivided contract as one LOT without a title: it is the contract itself.
  const soleTitle = lotNodes.length === 1 ? textAt(objet, 'TITRE_MARCHE') : undefined;
  lotNodes.forEach((lot, i) => {
    const id = textAt(lot, 'NUM') ?? String(i + 1);
    const intitule = textAt(lot, 'INTITULE');
    const description = textAt(lot, 'DESCRIPTION');
    const cpv: Lot['cpv'] = [];
    for (const c of asArray(child(lot, 'CPV'))) {
      addCpv(cpv, textAt(c, 'PRINCIPAL'), true, draft.warnings, `lot ${id}`);
    }
    const { raw } = readCriteria(child(lot, 'CRITERES_ATTRIBUTION'));
    const value = valueOf(lot).money;
    const out: Lot = {
      id,
      title: intitule ?? soleTitle ?? (description ? titleFromDescription(description) : `Lot ${id}`),
      cpv,
      criteria: buildCriteria(raw, draft.warnings),
    };
    if (description) out.description = description;
    if (value) out.estimatedValue = value;
    lots.push(out);
    addText(draft, intitule, description, textAt(lot, 'INFO_COMPL'));
  });
  if (lots.length > 0) use(draft, 'OBJET.LOTS.LOT', true);
  return lots;
}

function readAwards(draft: FamilyDraft, attribution: unknown): void {
  for (const decision of asArray(child(attribution, 'DECISION'))) {
    const lotId = textAt(decision, 'NUM_LOT');
    const montant = child(decision, 'RENSEIGNEMENT', 'MONTANT');
    const amount = money(text(montant), attr(montant, 'DEVISE'));
    addText(draft, textAt(decision, 'INTITULE'), textAt(decision, 'DESCRIPTION'));
    // NON_ATTRIBUE decisions ("Marché infructueux…") name no winner even when TITULAIRE holds text.
    if (has(decision, 'NON_ATTRIBUE')) continue;
    for (const titulaire of asArray(child(decision, 'TITULAIRE'))) {
      const winner = textAt(titulaire, 'DENOMINATION');
      if (!winner || /infructueu|sans suite|non attribu/i.test(winner)) continue;
      const award: FamilyDraft['awards'][number] = { winner };
      if (lotId) award.lotId = lotId;
      if (amount) award.amount = amount;
      const insertion = winnerLooksInsertion(winner);
      if (insertion !== undefined) award.insertionStructure = insertion;
      draft.awards.push(award);
    }
  }
  if (draft.awards.length > 0) use(draft, 'ATTRIBUTION.DECISION.TITULAIRE', true);
}

export function parseLegacyV230(d: unknown, draft: FamilyDraft): void {
  const identite = child(d, 'IDENTITE');
  draft.buyer.name = use(draft, 'IDENTITE.DENOMINATION', textAt(identite, 'DENOMINATION'));
  const siret = textAt(identite, 'CODE_IDENT_NATIONAL')?.replace(/\s/g, '');
  if (siret && /^\d{14}$/.test(siret)) draft.buyer.siret = use(draft, 'IDENTITE.CODE_IDENT_NATIONAL', siret);
  const kind = buyerKindFromCodes([
    ...keysOf(child(d, 'TYPE_ORGANISME')),
    ...keysOf(child(d, 'TYPE_POUVOIR_ADJUDICATEUR')),
  ]);
  if (kind) draft.buyer.kind = use(draft, 'TYPE_POUVOIR_ADJUDICATEUR', kind);
  const buyerCp = textAt(identite, 'CP');

  const objet = child(d, 'OBJET');
  draft.title = use(draft, 'OBJET.TITRE_MARCHE', textAt(objet, 'TITRE_MARCHE'));
  const complet = textAt(objet, 'OBJET_COMPLET');
  const principales = textAt(objet, 'CARACTERISTIQUES', 'PRINCIPALES');
  draft.description = use(draft, 'OBJET.OBJET_COMPLET', complet) ?? use(draft, 'OBJET.CARACTERISTIQUES.PRINCIPALES', principales);
  addText(draft, draft.title, complet, principales, textAt(objet, 'CARACTERISTIQUES', 'QUANTITE'));
  const nature = keysOf(child(objet, 'TYPE_MARCHE')).map((k) => NATURES[k]).find((n) => n !== undefined);
  draft.contractNature = use(draft, 'OBJET.TYPE_MARCHE', nature);

  for (const c of asArray(child(objet, 'CPV'))) {
    addCpv(draft.cpv, use(draft, 'OBJET.CPV.PRINCIPAL', textAt(c, 'PRINCIPAL')), true, draft.warnings, 'OBJET.CPV');
  }

  const value = valueOf(child(objet, 'CARACTERISTIQUES'));
  const acValue = valueOf(child(objet, 'ACCORD_CADRE'));
  if (value.money) draft.estimatedValue = use(draft, `OBJET.CARACTERISTIQUES.${value.path}`, value.money);
  else if (acValue.money) draft.estimatedValue = use(draft, `OBJET.ACCORD_CADRE.${acValue.path}`, acValue.money);

  const lieu = child(objet, 'LIEU_EXEC_LIVR');
  const nuts = asArray(child(lieu, 'CODE_NUTS')).map(text).find((x) => x !== undefined);
  if (nuts) draft.place.nuts = use(draft, 'OBJET.LIEU_EXEC_LIVR.CODE_NUTS', nuts);
  const city = textAt(lieu, 'VILLE');
  if (city) draft.place.city = use(draft, 'OBJET.LIEU_EXEC_LIVR.VILLE', city);
  const lieuCp = textAt(lieu, 'CP');
  for (const cp of [lieuCp, buyerCp]) if (cp) draft.postcodes.push(cp);
  addText(draft, textAt(lieu, 'ADRESSE'));

  draft.lots = readLots(draft, objet);
  if (!draft.place.nuts) {
    const lotNuts = asArray(child(objet, 'LOTS', 'LOT'))
      .flatMap((l) => asArray(child(l, 'CODE_NUTS')).map(text))
      .find((x) => x !== undefined);
    const adjNuts = textAt(identite, 'ADJUDICATEUR_NUTS');
    if (lotNuts) draft.place.nuts = use(draft, 'OBJET.LOTS.LOT.CODE_NUTS', lotNuts);
    else if (adjNuts) draft.place.nuts = use(draft, 'IDENTITE.ADJUDICATEUR_NUTS', adjNuts);
  }
  if (!draft.place.city) draft.place.city = use(draft, 'IDENTITE.VILLE', textAt(identite, 'VILLE'));

  const procedure = child(d, 'PROCEDURE');
  const procKey = keysOf(child(procedure, 'TYPE_PROCEDURE'))[0];
  if (procKey) draft.procedure = use(draft, 'PROCEDURE.TYPE_PROCEDURE', PROCEDURES[procKey] ?? procKey);
  const crit = readCriteria(child(procedure, 'CRITERES_ATTRIBUTION'));
  // Free-text criteria ("Valeur technique : 60%Prix : 40%") are read when they carry weights.
  const fromFreeText = crit.freeText && /\d\s*(%|points?)/i.test(crit.freeText) ? criteriaFromText(crit.freeText).filter((c) => c.weight !== undefined) : [];
  if (crit.raw.length > 0) draft.criteria = buildCriteria(crit.raw, draft.warnings);
  else if (fromFreeText.length > 0) draft.criteria = buildCriteria(fromFreeText, draft.warnings);
  if (draft.criteria.length > 0) use(draft, 'PROCEDURE.CRITERES_ATTRIBUTION', true);
  addText(draft, use(draft, 'PROCEDURE.CRITERES_ATTRIBUTION.CRITERES_LIBRE', crit.freeText));
  for (const c of draft.criteria) addText(draft, c.name);
  // Same criteria in every lot and none at procedure level: lift them to the notice.
  const first = draft.lots[0];
  if (draft.criteria.length === 0 && first && first.criteria.length > 0 && draft.lots.every((l) => sameCriteria(l.criteria, first.criteria))) {
    draft.criteria = first.criteria.map((c) => ({ ...c }));
  }
  for (const l of draft.lots) for (const c of l.criteria) addText(draft, c.name);

  const delai = textAt(d, 'CONDITION_DELAI', 'RECEPT_OFFRES');
  draft.deadline = use(draft, 'CONDITION_DELAI.RECEPT_OFFRES', wallClockAsParisIso(delai));

  const participation = child(d, 'CONDITION_PARTICIPATION');
  const execution = textAt(participation, 'CONDITION_PARTICULIERE_EXECUTION');
  const autresConditions = textAt(d, 'CONDITION_RELATIVE_MARCHE', 'AUTRES_CONDITIONS_PART_OUI');
  const rens = textAt(d, 'RENSEIGNEMENTS_COMPLEMENTAIRES', 'RENS_COMPLEMENT');
  addText(
    draft,
    use(draft, 'CONDITION_PARTICIPATION.CONDITION_PARTICULIERE_EXECUTION', execution),
    use(draft, 'CONDITION_RELATIVE_MARCHE.AUTRES_CONDITIONS_PART_OUI', autresConditions),
    textAt(participation, 'CRITERE_SELECTION'),
    textAt(objet, 'LOTS_RESERVE_POUVOIR_ADJUDICATEUR'),
    use(draft, 'RENSEIGNEMENTS_COMPLEMENTAIRES.RENS_COMPLEMENT', rens),
  );
  // Execution conditions are written once for the whole notice in these forms: they apply to every lot.
  if (execution) for (const l of draft.lots) l.executionConditions = execution;

  const context = draft.textParts.join('\n');
  const reserved =
    reservationAt(draft, participation, 'CONDITION_PARTICIPATION', context) ??
    reservationAt(draft, objet, 'OBJET', context);
  if (reserved) {
    draft.reserved = reserved;
    if (reserved !== 'none') for (const l of draft.lots) l.reserved = reserved;
  }

  const attribution = child(d, 'ATTRIBUTION');
  if (attribution !== undefined) readAwards(draft, attribution);

  // Rectificatifs / annulations: what changes, in words.
  for (const key of ['RECTIF', 'ANNULATION']) {
    const node = child(d, key);
    if (node === undefined) continue;
    use(draft, key, true);
    draft.noticeType = 'correction';
    for (const m of asArray(child(node, 'MODIFICATION'))) {
      addText(draft, ...['RUB_INIT', 'TXT_INIT', 'LIRE', 'TXT_LIRE', 'AU_LIEU_DE'].map((k) => textAt(m, k)));
    }
    addText(draft, textAt(node, 'INFO_COMPL'), textAt(node, 'MOTIF'), textAt(node, 'TEXTE'));
  }
}
