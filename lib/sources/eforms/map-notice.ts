/**
 * eForms notice (as an EfNode tree) → the Notice-shaped fields it carries (`EformsMapped`). Written once for both
 * adapters (XML string / DOM, BOAMP JSON). Paths follow the SDK 1.15.1 XPaths (research/eforms.md §1–§12).
 * Never throws: an unreadable part is skipped with a warning.
 */
import type { Award, Buyer, ContractNature, Cpv, Criterion, Lot, Money, NoticeType, Place, Reserved } from '@/lib/notice/schema';
import {
  buyerKindOf,
  CONTRACT_NATURES,
  CRITERION_TYPE_LABELS,
  CRITERION_TYPES,
  FORM_TYPE_NOTICE_TYPES,
  NOTICE_SUBTYPE_LABELS,
  PERCENT_WEIGHT_CODES,
  PROCEDURE_LABELS,
} from './codelists';
import { departmentFromNuts } from '@/lib/notice/places';
import { criterionTypeFromText, reservedFromWsText, winnerLooksInsertion } from './social-text';
import { at, eformsExtension, kid, kids, textAt, walk, type EfNode } from './tree';

/** Identifiers of an eForms notice, kept for de-duplication (PIN/CN/change/CAN share the procedure id BT-04). */
export interface EformsIds {
  /** BT-701 notice UUID. */
  noticeId?: string;
  /** BT-757 notice version ("01"). */
  version?: string;
  /** BT-04 procedure UUID. */
  procedureId?: string;
  /** OPP-010 TED publication number ("00035723-2026"), present once TED published the notice. */
  publicationNumber?: string;
}

/**
 * What an eForms notice says, in Notice terms, without the fields its container decides (`source`, `id`, `url`,
 * `raw`): H4 merges it with the BOAMP record's top-level fields, `parseEformsXml` wraps it into a TED Notice.
 */
export interface EformsMapped {
  ids: EformsIds;
  /** Root element: ContractNotice | ContractAwardNotice | PriorInformationNotice. */
  rootName: string;
  /** BT-02 ("cn-standard"), BT-03 form type ("competition"), OPP-070 subtype ("16"). */
  noticeTypeCode?: string;
  formType?: string;
  subtype?: string;
  /** French name of the subtype ("Avis de marché – directive générale, régime assoupli"), for display. */
  subtypeLabel?: string;
  title: string;
  description?: string;
  buyer: Buyer;
  noticeType: NoticeType;
  procedure?: string;
  contractNature?: ContractNature;
  publishedAt?: string;
  deadline?: string;
  estimatedValue?: Money;
  cpv: Cpv[];
  place: Place;
  lots: Lot[];
  criteria: Criterion[];
  reserved: Reserved;
  socialSignals: string[];
  awards?: Award[];
  /** Every human text of the notice, in reading order (titles, descriptions, BT-300 notes, BT-70, BT-777, criteria…). */
  fullTextParts: string[];
  /** Paths read (eForms element names, "/"-joined) for `raw.fieldsUsed`. */
  fieldsUsed: string[];
  warnings: string[];
}

const EFORMS_ROOTS = new Set(['ContractNotice', 'ContractAwardNotice', 'PriorInformationNotice']);

/** Is this tree the root of an eForms procurement notice? */
export function isEformsRoot(root: EfNode | undefined): boolean {
  return !!root && EFORMS_ROOTS.has(root.name);
}

interface Ctx {
  lang: string | undefined;
  fieldsUsed: Set<string>;
  warnings: string[];
  text: string[];
}

/** Pick the French text among language variants, else the notice language, else the first. */
function pickLang(nodes: readonly EfNode[], ctx: Ctx): { chosen?: string; other?: string } {
  const withText = nodes.filter((n) => n.text !== '');
  if (withText.length === 0) return {};
  const fra = withText.find((n) => n.attrs.languageID?.toUpperCase() === 'FRA');
  const notice = ctx.lang ? withText.find((n) => n.attrs.languageID?.toUpperCase() === ctx.lang) : undefined;
  const chosenNode = fra ?? notice ?? withText[0]!;
  // "Keep the other": the English variant (or the first non-chosen one) goes to the full text.
  const others = withText.filter((n) => n !== chosenNode);
  const otherNode = others.find((n) => n.attrs.languageID?.toUpperCase() === 'ENG') ?? others[0];
  return { chosen: chosenNode.text, other: otherNode?.text };
}

function langText(parent: EfNode | undefined, name: string, ctx: Ctx, field: string, addToText = true): string | undefined {
  const { chosen, other } = pickLang(kids(parent, name), ctx);
  if (chosen !== undefined) {
    ctx.fieldsUsed.add(field);
    if (addToText) {
      ctx.text.push(chosen);
      if (other !== undefined && other !== chosen) ctx.text.push(other);
    }
  }
  return chosen;
}

function use<T>(ctx: Ctx, field: string, value: T | undefined): T | undefined {
  if (value !== undefined) ctx.fieldsUsed.add(field);
  return value;
}

/** "2019-06-24Z" + "16:00:00Z" → "2019-06-24T16:00:00Z"; date alone → "2019-06-24". */
export function combineDateTime(date: string | undefined, time: string | undefined): string | undefined {
  if (!date) return undefined;
  const d = /^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?$/.exec(date.trim());
  if (!d) return undefined;
  const day = d[1]!;
  if (!time) return day;
  const t = /^(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?$/.exec(time.trim());
  if (!t) return day;
  const offset = t[2] ?? d[2];
  // A time without any offset cannot be placed in time: keep the date only.
  if (!offset) return day;
  return `${day}T${t[1]!}${offset}`;
}

/** Instant of an ISO string with offset, for comparing deadlines (plain dates count as their start, UTC). */
function instant(iso: string): number {
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(ms) ? ms : Number.POSITIVE_INFINITY;
}

function money(node: EfNode | undefined): Money | undefined {
  if (!node || node.text === '') return undefined;
  const amount = Number(node.text.replace(/\s/g, '').replace(',', '.'));
  if (!Number.isFinite(amount) || amount < 0) return undefined;
  const cur = (node.attrs.currencyID ?? 'EUR').toUpperCase();
  return { amount, currency: /^[A-Z]{3}$/.test(cur) ? cur : 'EUR' };
}

function cpvCode(node: EfNode): string | undefined {
  const m = /^(\d{8})(?:-\d)?$/.exec(node.text.trim());
  return m?.[1];
}

function cpvOf(project: EfNode | undefined, ctx: Ctx, level: string): Cpv[] {
  const out: Cpv[] = [];
  for (const n of walk(project, ['MainCommodityClassification', 'ItemClassificationCode'])) {
    const code = cpvCode(n);
    if (code) out.push({ code, main: true });
    else if (n.text) ctx.warnings.push(`CPV illisible (${level}) : ${n.text}`);
  }
  for (const n of walk(project, ['AdditionalCommodityClassification', 'ItemClassificationCode'])) {
    const code = cpvCode(n);
    if (code && !out.some((c) => c.code === code)) out.push({ code, main: false });
  }
  if (out.length > 0) ctx.fieldsUsed.add(`${level}/ProcurementProject/MainCommodityClassification`);
  return out;
}

function placeOf(project: EfNode | undefined): { nuts: string[]; cities: string[] } {
  const nuts: string[] = [];
  const cities: string[] = [];
  for (const addr of walk(project, ['RealizedLocation', 'Address'])) {
    const n = textAt(addr, ['CountrySubentityCode']);
    if (n && /^[A-Z]{2}[0-9A-Z]{0,3}$/.test(n)) nuts.push(n);
    const c = textAt(addr, ['CityName']);
    if (c) cities.push(c);
  }
  return { nuts, cities };
}

/** Codes of `cac:ProcurementAdditionalType/cbc:ProcurementTypeCode[@listName=list]` under a project. */
function additionalTypes(project: EfNode | undefined, list: string): string[] {
  return walk(project, ['ProcurementAdditionalType', 'ProcurementTypeCode'])
    .filter((n) => n.attrs.listName === list && n.text !== '')
    .map((n) => n.text);
}

function lotKind(lot: EfNode): 'Lot' | 'Part' | 'LotsGroup' | undefined {
  const id = kid(lot, 'ID');
  const scheme = id?.attrs.schemeName;
  if (scheme === 'Lot' || scheme === 'Part' || scheme === 'LotsGroup') return scheme;
  const t = id?.text ?? '';
  if (t.startsWith('LOT-')) return 'Lot';
  if (t.startsWith('PAR-')) return 'Part';
  if (t.startsWith('GLO-')) return 'LotsGroup';
  return undefined;
}

function criteriaOf(terms: EfNode | undefined, ctx: Ctx): Criterion[] {
  const out: Criterion[] = [];
  for (const crit of walk(terms, ['AwardingTerms', 'AwardingCriterion'])) {
    // BT-733 / BT-543: justification of order, complicated weighting method: text only.
    const just = langText(crit, 'Description', ctx, 'AwardingCriterion/Description');
    const calc = langText(crit, 'CalculationExpression', ctx, 'AwardingCriterion/CalculationExpression');
    void just;
    void calc;
    // Points / decimals (BT-5421 poi-*, dec-*) are turned into percentages when every criterion of the list has one.
    const relative: Array<{ criterion: Criterion; number: number }> = [];
    let allRelative = true;
    for (const sub of kids(crit, 'SubordinateAwardingCriterion')) {
      const code = textAt(sub, ['AwardingCriterionTypeCode']);
      const name = langText(sub, 'Name', ctx, 'SubordinateAwardingCriterion/Name');
      const description = langText(sub, 'Description', ctx, 'SubordinateAwardingCriterion/Description');
      const label = name ?? description ?? (code ? CRITERION_TYPE_LABELS[code] : undefined) ?? 'Critère';
      const baseType = code ? CRITERION_TYPES[code] : undefined;
      if (code && !baseType) ctx.warnings.push(`type de critère inconnu : ${code}`);
      const textType = criterionTypeFromText(`${name ?? ''} ${description ?? ''}`);
      const type = baseType === 'quality' || baseType === undefined ? (textType ?? baseType ?? 'other') : baseType;
      const criterion: Criterion = { type, name: label };
      let weightKind: string | undefined;
      let weightNumber: number | undefined;
      for (const p of walk(sub, ['UBLExtensions', 'UBLExtension', 'ExtensionContent', 'EformsExtension', 'AwardCriterionParameter'])) {
        const pc = kid(p, 'ParameterCode');
        if (pc?.attrs.listName !== undefined && pc.attrs.listName !== 'number-weight') continue;
        weightKind = pc?.text;
        const num = Number(textAt(p, ['ParameterNumeric'])?.replace(',', '.'));
        if (Number.isFinite(num)) weightNumber = num;
      }
      if (weightKind && PERCENT_WEIGHT_CODES.has(weightKind) && weightNumber !== undefined) {
        if (weightNumber >= 0 && weightNumber <= 100) criterion.weight = weightNumber;
        else ctx.warnings.push(`pondération hors de 0–100 % ignorée : ${weightNumber}`);
        ctx.fieldsUsed.add('AwardCriterionParameter/ParameterNumeric');
      } else if (weightKind && RELATIVE_WEIGHT_CODES.has(weightKind) && weightNumber !== undefined && weightNumber >= 0) {
        relative.push({ criterion, number: weightNumber });
        ctx.fieldsUsed.add('AwardCriterionParameter/ParameterNumeric');
      } else if (weightKind === undefined) {
        // research/eforms.md §0.6: weights may hide in the text ("Quality Stage (60 %)").
        const m = /(\d{1,3}(?:[.,]\d+)?)\s*%/.exec(`${name ?? ''} ${description ?? ''}`);
        const w = m ? Number(m[1]!.replace(',', '.')) : NaN;
        if (Number.isFinite(w) && w >= 0 && w <= 100) criterion.weight = w;
      }
      if (!(weightKind && RELATIVE_WEIGHT_CODES.has(weightKind) && weightNumber !== undefined)) allRelative = false;
      out.push(criterion);
    }
    const total = relative.reduce((s, r) => s + r.number, 0);
    if (allRelative && relative.length > 0 && total > 0) {
      for (const r of relative) r.criterion.weight = Math.round((r.number / total) * 10000) / 100;
      ctx.warnings.push('pondérations en points converties en pourcentages');
    }
  }
  return out;
}

/** BT-5421 codes whose numbers are relative (points, decimals): meaningful as shares of their total. */
const RELATIVE_WEIGHT_CODES: ReadonlySet<string> = new Set(['poi-exa', 'poi-mid', 'dec-exa', 'dec-mid']);

function deadlineOf(process: EfNode | undefined, ctx: Ctx): string | undefined {
  const candidates: Array<[string, EfNode | undefined]> = [
    ['TenderSubmissionDeadlinePeriod', kid(process, 'TenderSubmissionDeadlinePeriod')],
    ['ParticipationRequestReceptionPeriod', kid(process, 'ParticipationRequestReceptionPeriod')],
    ['InterestExpressionReceptionPeriod', at(eformsExtension(process), ['InterestExpressionReceptionPeriod'])],
  ];
  for (const [field, period] of candidates) {
    if (!period) continue;
    const rawDate = textAt(period, ['EndDate']);
    const d = combineDateTime(rawDate, textAt(period, ['EndTime']));
    if (d) {
      ctx.fieldsUsed.add(`ProcurementProjectLot/TenderingProcess/${field}`);
      return d;
    }
    if (rawDate) ctx.warnings.push(`date limite illisible : ${rawDate}`);
  }
  return undefined;
}

function reservedOfLot(codes: readonly string[], lotText: string): Reserved | undefined {
  if (codes.length === 0) return undefined;
  if (codes.includes('res-ws')) return reservedFromWsText(lotText);
  if (codes.includes('res-pub-ser')) return 'ess';
  if (codes.every((c) => c === 'none')) return 'none';
  return 'unknown';
}

function mapLot(lot: EfNode, index: number, ctx: Ctx, signals: Set<string>): Lot {
  const project = kid(lot, 'ProcurementProject');
  const terms = kid(lot, 'TenderingTerms');
  const id = textAt(lot, ['ID']) ?? `LOT-?${index + 1}`;
  const textStart = ctx.text.length;
  const title = langText(project, 'Name', ctx, 'ProcurementProjectLot/ProcurementProject/Name') ?? '';
  const description = langText(project, 'Description', ctx, 'ProcurementProjectLot/ProcurementProject/Description');
  langText(project, 'Note', ctx, 'ProcurementProjectLot/ProcurementProject/Note');
  const cpv = cpvOf(project, ctx, 'ProcurementProjectLot');
  const value = money(at(project, ['RequestedTenderTotal', 'EstimatedOverallContractAmount']));
  if (value) ctx.fieldsUsed.add('ProcurementProjectLot/ProcurementProject/RequestedTenderTotal');

  // BT-71 (repeatable; the same element name also carries exclusion grounds etc., discriminated by @listName).
  const bt71 = walk(terms, ['TendererQualificationRequest', 'SpecificTendererRequirement', 'TendererRequirementTypeCode'])
    .filter((n) => n.attrs.listName === 'reserved-procurement' && n.text !== '')
    .map((n) => n.text);
  if (bt71.length > 0) ctx.fieldsUsed.add('ProcurementProjectLot/TenderingTerms/…/TendererRequirementTypeCode[reserved-procurement]');
  for (const c of bt71) if (c !== 'none') signals.add(`BT-71:${c}`);

  // BT-736 reserved execution, BT-70 execution conditions (OPT-060 "conditions").
  let executionConditions: string | undefined;
  for (const req of kids(terms, 'ContractExecutionRequirement')) {
    const code = kid(req, 'ExecutionRequirementCode');
    if (code?.attrs.listName === 'reserved-execution' && code.text) {
      ctx.fieldsUsed.add('ProcurementProjectLot/TenderingTerms/ContractExecutionRequirement[reserved-execution]');
      if (code.text === 'yes') signals.add('BT-736:yes');
    } else if (code?.attrs.listName === 'conditions') {
      const d = langText(req, 'Description', ctx, 'ProcurementProjectLot/TenderingTerms/ContractExecutionRequirement[conditions]/Description');
      if (d) executionConditions = executionConditions ? `${executionConditions}\n${d}` : d;
    }
  }

  // BT-06 / BT-775 (kept on the lot), BT-774 / BT-776 (signals only), BT-777 text.
  const bt06 = additionalTypes(project, 'strategic-procurement');
  const bt775 = additionalTypes(project, 'social-objective');
  const bt774 = additionalTypes(project, 'environmental-impact');
  const bt776 = additionalTypes(project, 'innovative-acquisition');
  for (const c of bt06) if (c !== 'none') signals.add(`BT-06:${c}`);
  for (const c of bt775) signals.add(`BT-775:${c}`);
  for (const c of bt774) signals.add(`BT-774:${c}`);
  for (const c of bt776) signals.add(`BT-776:${c}`);
  for (const t of walk(project, ['ProcurementAdditionalType'])) {
    if (kid(t, 'ProcurementTypeCode')?.attrs.listName === 'strategic-procurement') {
      langText(t, 'ProcurementType', ctx, 'ProcurementAdditionalType[strategic-procurement]/ProcurementType');
    }
  }
  const strategic = [...new Set([...bt06.filter((c) => c !== 'none'), ...bt775])];
  if (bt06.length + bt775.length > 0) ctx.fieldsUsed.add('ProcurementProjectLot/ProcurementProject/ProcurementAdditionalType');

  const criteria = criteriaOf(terms, ctx);
  const lotText = ctx.text.slice(textStart).join('\n');
  const reserved = reservedOfLot(bt71, lotText);

  const out: Lot = { id, title, cpv, criteria };
  if (description !== undefined) out.description = description;
  if (value) out.estimatedValue = value;
  if (reserved) out.reserved = reserved;
  if (strategic.length > 0) out.strategic = strategic;
  if (executionConditions) out.executionConditions = executionConditions;
  return out;
}

function mapBuyer(root: EfNode, orgs: readonly EfNode[], ctx: Ctx): Buyer {
  const buyerIds = walk(root, ['ContractingParty', 'Party', 'PartyIdentification', 'ID']).map((n) => n.text);
  const kindCode = walk(root, ['ContractingParty', 'ContractingPartyType', 'PartyTypeCode']).find(
    (n) => n.attrs.listName === undefined || n.attrs.listName === 'buyer-legal-type',
  )?.text;
  const buyer: Buyer = { name: '' };
  const company = buyerIds.length > 0 ? companyById(orgs, buyerIds[0]!) : undefined;
  if (!company) {
    if (buyerIds.length > 0) ctx.warnings.push(`acheteur ${buyerIds[0]!} introuvable dans les organisations`);
    else ctx.warnings.push('aucun acheteur (ContractingParty) dans l’avis');
  } else {
    buyer.name = pickLang(walk(company, ['PartyName', 'Name']), ctx).chosen ?? '';
    ctx.fieldsUsed.add('Organizations/Organization/Company/PartyName/Name');
    const companyId = textAt(company, ['PartyLegalEntity', 'CompanyID'])?.replace(/[\s.]/g, '');
    if (companyId && /^\d{14}$/.test(companyId)) {
      buyer.siret = companyId;
      ctx.fieldsUsed.add('Organizations/Organization/Company/PartyLegalEntity/CompanyID');
    }
  }
  // Joint procurement: the other buyers' names go to the full text (the model has one buyer).
  for (const other of buyerIds.slice(1)) {
    const name = pickLang(walk(companyById(orgs, other), ['PartyName', 'Name']), ctx).chosen;
    if (name) ctx.text.push(name);
  }
  const kind = buyerKindOf(use(ctx, 'ContractingParty/ContractingPartyType/PartyTypeCode', kindCode));
  if (kind) buyer.kind = kind;
  return buyer;
}

function companyById(orgs: readonly EfNode[], id: string): EfNode | undefined {
  for (const org of orgs) {
    const company = kid(org, 'Company');
    if (company && textAt(company, ['PartyIdentification', 'ID']) === id) return company;
  }
  return undefined;
}

function mapAwards(ext: EfNode | undefined, orgs: readonly EfNode[], ctx: Ctx): Award[] | undefined {
  const result = kid(ext, 'NoticeResult');
  if (!result) return undefined;
  const tenders = new Map<string, EfNode>();
  for (const t of kids(result, 'LotTender')) {
    const id = textAt(t, ['ID']);
    if (id) tenders.set(id, t);
  }
  const parties = new Map<string, EfNode>();
  for (const p of kids(result, 'TenderingParty')) {
    const id = textAt(p, ['ID']);
    if (id) parties.set(id, p);
  }
  // A LotResult lists every tender received; the winning ones are those a settled contract refers to (when the
  // notice declares its contracts, otherwise every tender listed is taken as a winner).
  const contracted = new Set(walk(result, ['SettledContract', 'LotTender', 'ID']).map((n) => n.text));
  const awards: Award[] = [];
  for (const lr of kids(result, 'LotResult')) {
    const lotId = textAt(lr, ['TenderLot', 'ID']);
    const code = textAt(lr, ['TenderResultCode']);
    if (code && code !== 'selec-w') continue;
    const refs = walk(lr, ['LotTender', 'ID']).map((n) => n.text);
    const winning = refs.filter((r) => contracted.has(r));
    for (const ref of winning.length > 0 ? winning : refs) {
      const tender = tenders.get(ref);
      if (!tender) continue;
      const amount = money(at(tender, ['LegalMonetaryTotal', 'PayableAmount']));
      const party = parties.get(textAt(tender, ['TenderingParty', 'ID']) ?? '');
      const winnerIds = walk(party, ['Tenderer', 'ID']).map((n) => n.text);
      const winners = winnerIds.map((w) => companyById(orgs, w)).filter((c): c is EfNode => !!c);
      if (winners.length === 0 && winnerIds.length === 0) continue;
      const names = winners.map((c) => pickLang(walk(c, ['PartyName', 'Name']), ctx).chosen ?? '').filter((s) => s !== '');
      const winner = names.length > 0 ? names.join(' ; ') : winnerIds.join(' ; ');
      const award: Award = { winner };
      if (lotId) award.lotId = lotId;
      const siret = winners.length === 1 ? textAt(winners[0], ['PartyLegalEntity', 'CompanyID'])?.replace(/[\s.]/g, '') : undefined;
      if (siret && /^\d{14}$/.test(siret)) award.siret = siret;
      if (amount) award.amount = amount;
      if (winnerLooksInsertion(winner)) award.insertionStructure = true;
      awards.push(award);
    }
  }
  ctx.fieldsUsed.add('NoticeResult/LotResult');
  return awards;
}

/** Map an eForms root element to the Notice-shaped fields. Never throws. */
export function mapEforms(root: EfNode): EformsMapped {
  const ctx: Ctx = {
    lang: textAt(root, ['NoticeLanguageCode'])?.toUpperCase(),
    fieldsUsed: new Set(),
    warnings: [],
    text: [],
  };
  const signals = new Set<string>();
  if (!isEformsRoot(root)) ctx.warnings.push(`racine inattendue pour un avis eForms : ${root.name}`);
  const ext = eformsExtension(root);
  const orgs = walk(ext, ['Organizations', 'Organization']);

  const ids: EformsIds = {};
  const noticeId = walk(root, ['ID']).find((n) => n.attrs.schemeName === undefined || n.attrs.schemeName === 'notice-id')?.text;
  if (noticeId) ids.noticeId = noticeId;
  const version = textAt(root, ['VersionID']);
  if (version) ids.version = version;
  const procedureId = textAt(root, ['ContractFolderID']);
  if (procedureId) ids.procedureId = procedureId;
  const pub = textAt(ext, ['Publication', 'NoticePublicationID']);
  if (pub) ids.publicationNumber = pub;

  const typeNode = kid(root, 'NoticeTypeCode');
  const noticeTypeCode = typeNode?.text || undefined;
  const formType = typeNode?.attrs.listName;
  const subtype = textAt(ext, ['NoticeSubType', 'SubTypeCode']);
  let noticeType: NoticeType =
    (formType ? FORM_TYPE_NOTICE_TYPES[formType] : undefined) ??
    (root.name === 'ContractAwardNotice' ? 'award' : root.name === 'PriorInformationNotice' ? 'prior' : root.name === 'ContractNotice' ? 'contract' : 'other');
  if (noticeTypeCode?.startsWith('pin-cfc')) noticeType = 'contract';
  // Light-regime (social and other specific services) notice types: cn-social, pin-cfc-social, can-social…
  if (noticeTypeCode?.includes('social')) signals.add(`eforms:subtype:${noticeTypeCode}`);
  // A change notice is a full re-publication with an efac:Changes block (research/eforms.md §2).
  const changes = kid(ext, 'Changes');
  if (changes) {
    noticeType = 'correction';
    signals.add('eforms:change');
    langText(changes, 'ChangeDescription', ctx, 'Changes/ChangeDescription');
    for (const c of kids(changes, 'Change')) langText(c, 'ChangeDescription', ctx, 'Changes/Change/ChangeDescription');
  }

  const project = kid(root, 'ProcurementProject');
  const title = langText(project, 'Name', ctx, 'ProcurementProject/Name') ?? '';
  const description = langText(project, 'Description', ctx, 'ProcurementProject/Description');
  langText(project, 'Note', ctx, 'ProcurementProject/Note');
  const natureCode = walk(project, ['ProcurementTypeCode']).find((n) => n.attrs.listName === undefined || n.attrs.listName === 'contract-nature')?.text;
  const contractNature = natureCode ? CONTRACT_NATURES[natureCode] : undefined;
  if (natureCode && !contractNature) ctx.warnings.push(`nature de marché inconnue : ${natureCode}`);
  if (contractNature) ctx.fieldsUsed.add('ProcurementProject/ProcurementTypeCode');
  const procCode = textAt(root, ['TenderingProcess', 'ProcedureCode']);
  const procedure = procCode ? (PROCEDURE_LABELS[procCode] ?? procCode) : undefined;
  if (procCode) ctx.fieldsUsed.add('TenderingProcess/ProcedureCode');

  const buyer = mapBuyer(root, orgs, ctx);

  const lots: Lot[] = [];
  const deadlines: string[] = [];
  for (const lotNode of kids(root, 'ProcurementProjectLot')) {
    const kind = lotKind(lotNode);
    if (kind === 'LotsGroup') continue;
    if (kind === undefined) ctx.warnings.push(`lot sans identifiant reconnu : ${textAt(lotNode, ['ID']) ?? '?'}`);
    const lot = mapLot(lotNode, lots.length, ctx, signals);
    lots.push(lot);
    const d = deadlineOf(kid(lotNode, 'TenderingProcess'), ctx);
    if (d) deadlines.push(d);
  }
  const deadline = deadlines.length > 0 ? deadlines.reduce((a, b) => (instant(b) < instant(a) ? b : a)) : undefined;

  // CPV: procedure (main first) then lot CPVs, de-duplicated; a lot's main CPV is "additional" at notice level.
  const cpv: Cpv[] = [];
  const seen = new Set<string>();
  for (const c of cpvOf(project, ctx, 'ProcurementProject')) if (!seen.has(c.code)) (seen.add(c.code), cpv.push(c));
  const hasMain = cpv.some((c) => c.main);
  lots.forEach((l, i) => {
    for (const c of l.cpv) {
      if (seen.has(c.code)) continue;
      seen.add(c.code);
      cpv.push({ code: c.code, main: !hasMain && i === 0 && c.main });
    }
  });

  // Value: BT-27 procedure, else the sum of the lots when every lot has one in the same currency.
  let estimatedValue = money(at(project, ['RequestedTenderTotal', 'EstimatedOverallContractAmount']));
  if (estimatedValue) ctx.fieldsUsed.add('ProcurementProject/RequestedTenderTotal/EstimatedOverallContractAmount');
  else if (lots.length > 0 && lots.every((l) => l.estimatedValue && l.estimatedValue.currency === lots[0]!.estimatedValue?.currency)) {
    estimatedValue = {
      amount: Math.round(lots.reduce((s, l) => s + (l.estimatedValue?.amount ?? 0), 0) * 100) / 100,
      currency: lots[0]!.estimatedValue!.currency,
    };
    ctx.warnings.push('valeur estimée = somme des valeurs des lots (pas de valeur pour la procédure)');
  }

  // Place: procedure RealizedLocation, else the lots'.
  const place: Place = {};
  const procPlace = placeOf(project);
  const lotPlaces = kids(root, 'ProcurementProjectLot').map((l) => placeOf(kid(l, 'ProcurementProject')));
  const nuts = procPlace.nuts[0] ?? lotPlaces.flatMap((p) => p.nuts)[0];
  const city = procPlace.cities[0] ?? lotPlaces.flatMap((p) => p.cities)[0];
  if (nuts) {
    place.nuts = nuts;
    ctx.fieldsUsed.add('RealizedLocation/Address/CountrySubentityCode');
    // NUTS 3 of a French département → its code ("FRG05" → "85"); regions (NUTS 1/2) give none.
    const department = departmentFromNuts(nuts);
    if (department) place.department = department;
  }
  if (city) (place.city = city), ctx.fieldsUsed.add('RealizedLocation/Address/CityName');
  for (const loc of walk(project, ['RealizedLocation'])) langText(loc, 'Description', ctx, 'RealizedLocation/Description');

  // Notice-level criteria: the lots' criteria when they all agree, else their de-duplicated union.
  const criteria: Criterion[] = [];
  const critKeys = new Set<string>();
  for (const l of lots) {
    for (const c of l.criteria) {
      const key = `${c.type}|${c.name}|${c.weight ?? ''}`;
      if (!critKeys.has(key)) (critKeys.add(key), criteria.push(c));
    }
  }

  // Notice reservation: the first reserved lot's kind; 'none' only when every lot says BT-71 none.
  const lotReserved = lots.map((l) => l.reserved);
  const reserved: Reserved =
    lotReserved.find((r) => r !== undefined && r !== 'none') ??
    (lots.length > 0 && lotReserved.every((r) => r === 'none') ? 'none' : 'unknown');

  const awards = mapAwards(ext, orgs, ctx);
  langText(root, 'Note', ctx, 'Note');
  langText(kid(root, 'TenderingTerms'), 'Note', ctx, 'TenderingTerms/Note');

  const publishedDate = textAt(ext, ['Publication', 'PublicationDate']) ?? textAt(root, ['IssueDate']);
  const publishedAt = combineDateTime(publishedDate, undefined);
  if (publishedAt) ctx.fieldsUsed.add(textAt(ext, ['Publication', 'PublicationDate']) ? 'Publication/PublicationDate' : 'IssueDate');

  if (lots.length === 0) ctx.warnings.push('aucun lot (ProcurementProjectLot) dans l’avis');
  if (!title) ctx.warnings.push('avis sans titre (BT-21)');

  const mapped: EformsMapped = {
    ids,
    rootName: root.name,
    title,
    buyer,
    noticeType,
    cpv,
    place,
    lots,
    criteria,
    reserved,
    socialSignals: [...signals],
    fullTextParts: dedupeTexts(ctx.text),
    fieldsUsed: [...ctx.fieldsUsed],
    warnings: ctx.warnings,
  };
  if (noticeTypeCode) mapped.noticeTypeCode = noticeTypeCode;
  if (formType) mapped.formType = formType;
  if (subtype) mapped.subtype = subtype;
  const subtypeLabel = subtype ? NOTICE_SUBTYPE_LABELS[subtype] : undefined;
  if (subtypeLabel) mapped.subtypeLabel = subtypeLabel;
  if (description !== undefined) mapped.description = description;
  if (procedure) mapped.procedure = procedure;
  if (contractNature) mapped.contractNature = contractNature;
  if (publishedAt) mapped.publishedAt = publishedAt;
  if (deadline) mapped.deadline = deadline;
  if (estimatedValue) mapped.estimatedValue = estimatedValue;
  if (awards) mapped.awards = awards;
  return mapped;
}

function dedupeTexts(parts: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parts) {
    if (seen.has(p)) continue;
    seen.add(p);
    out.push(p);
  }
  return out;
}
