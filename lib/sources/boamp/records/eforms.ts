/**
 * `EFORMS` donnees (eForms UBL converted to JSON). The full eForms mapping belongs to the eForms module
 * (`@/lib/sources/eforms`, helper H5); until it is available this reads only what the overview needs and the
 * site itself shows (title, description, nature, main CPV, value, lots with their names), and the record's
 * top-level fields fill the rest. A warning says the reading is partial.
 */
import type { ContractNature, Lot, NoticeType } from '@/lib/notice/schema';
import { addText, type FamilyDraft, use } from './draft';
import { addCpv, money } from './values';
import { asArray, attr, child, keysOf, text, textAt } from './xml-json';

const KINDS: Readonly<Record<string, NoticeType>> = {
  ContractNotice: 'contract',
  ContractAwardNotice: 'award',
  PriorInformationNotice: 'prior',
};

const NATURES: Readonly<Record<string, ContractNature>> = {
  services: 'services',
  supplies: 'supplies',
  works: 'works',
};

function readProject(project: unknown, cpv: Lot['cpv'], warnings: string[], where: string): void {
  addCpv(cpv, textAt(project, 'cac:MainCommodityClassification', 'cbc:ItemClassificationCode'), true, warnings, where);
  for (const c of asArray(child(project, 'cac:AdditionalCommodityClassification'))) {
    addCpv(cpv, textAt(c, 'cbc:ItemClassificationCode'), false, warnings, where);
  }
}

export function parseEformsDonnees(root: unknown, draft: FamilyDraft): void {
  const e = child(root, 'EFORMS');
  const kind = keysOf(e)[0];
  if (!kind) {
    draft.warnings.push('EFORMS vide');
    return;
  }
  const n = child(e, kind);
  const p = `EFORMS.${kind}`;
  const type = KINDS[kind];
  if (type) draft.noticeType = use(draft, p, type);
  draft.warnings.push("eForms : lecture partielle (titre, objet, CPV, valeur, lots) en attendant l'analyseur eForms complet");

  const project = child(n, 'cac:ProcurementProject');
  draft.title = use(draft, `${p}.cac:ProcurementProject.cbc:Name`, textAt(project, 'cbc:Name'));
  draft.description = use(draft, `${p}.cac:ProcurementProject.cbc:Description`, textAt(project, 'cbc:Description'));
  const nature = NATURES[textAt(project, 'cbc:ProcurementTypeCode') ?? ''];
  draft.contractNature = use(draft, `${p}.cac:ProcurementProject.cbc:ProcurementTypeCode`, nature);
  readProject(project, draft.cpv, draft.warnings, p);
  if (draft.cpv.length > 0) use(draft, `${p}.cac:ProcurementProject.cac:MainCommodityClassification`, true);
  const total = child(project, 'cac:RequestedTenderTotal', 'cbc:EstimatedOverallContractAmount');
  draft.estimatedValue = use(draft, `${p}.cac:ProcurementProject.cac:RequestedTenderTotal`, money(text(total), attr(total, 'currencyID')));
  addText(draft, draft.title, draft.description);

  asArray(child(n, 'cac:ProcurementProjectLot')).forEach((lot, i) => {
    const id = textAt(lot, 'cbc:ID') ?? `LOT-${String(i + 1).padStart(4, '0')}`;
    const lp = child(lot, 'cac:ProcurementProject');
    const title = textAt(lp, 'cbc:Name');
    const description = textAt(lp, 'cbc:Description');
    const cpv: Lot['cpv'] = [];
    readProject(lp, cpv, draft.warnings, `lot ${id}`);
    const out: Lot = { id, title: title ?? `Lot ${id}`, cpv, criteria: [] };
    if (description && description !== title) out.description = description;
    const v = child(lp, 'cac:RequestedTenderTotal', 'cbc:EstimatedOverallContractAmount');
    const value = money(text(v), attr(v, 'currencyID'));
    if (value) out.estimatedValue = value;
    draft.lots.push(out);
    addText(draft, title, description);
  });
  if (draft.lots.length > 0) use(draft, `${p}.cac:ProcurementProjectLot`, true);
}
