/**
 * Legacy BOAMP schema v110 (2006–2015): `IDENT`, `INFO`, `OBJET`, `CONDITIONS`, `DELAI`, `LOTS`… The form is
 * mostly labelled free text (`TITRE` keys hold the form's own labels such as "Objet du marché :"), there is no
 * CPV, and lots are two parallel lists (`LOTS.NUM_LOT`, `LOTS.AUTRES`).
 */
import type { ContractNature, Lot } from '@/lib/notice/schema';
import { buyerKindFromCodes } from './buyer-kind';
import { buildCriteria, criteriaFromText } from './criteria';
import { addText, type FamilyDraft, use } from './draft';
import { wallClockAsParisIso } from '@/lib/notice/dates';
import { addCpv } from './values';
import { allText, asArray, child, keysOf, text, textAt } from './xml-json';

const NATURES: Readonly<Record<string, ContractNature>> = {
  SERVICES: 'services',
  FOURNITURES: 'supplies',
  TRAVAUX: 'works',
};

const MONTHS = [
  'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre',
];

/** Form labels, contact details and index data are not the notice's words. */
const NOT_TEXT = new Set(['TITRE', 'IDENT', 'CORRESPONDANTS', 'DOCUMENTS', 'ENVOI_BOMP', 'DESCRIPTEURS', 'CLASSES', 'PROCEDURES_RECOURS']);

/** "21 juillet 2006" + ", à 12 heures" → Paris wall-clock ISO. */
export function frenchDeadline(date: string | undefined, time: string | undefined): string | undefined {
  if (!date) return undefined;
  const n = date.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const m = /(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})/.exec(n);
  if (!m?.[2]) return undefined;
  const month = MONTHS.indexOf(m[2]) + 1;
  if (month === 0) return undefined;
  const day = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]?.padStart(2, '0')}`;
  const t = /(\d{1,2})\s*(?:h|heures?)\s*(\d{2})?/.exec(`${n} ${time ?? ''}`.toLowerCase());
  if (!t?.[1]) return wallClockAsParisIso(day);
  return wallClockAsParisIso(`${day}T${t[1].padStart(2, '0')}:${t[2] ?? '00'}:00`);
}

export function parseLegacyV110(d: unknown, draft: FamilyDraft): void {
  const ident = child(d, 'IDENT');
  draft.buyer.name = use(draft, 'IDENT.NOM', textAt(ident, 'NOM')?.replace(/[.,;]+$/, ''));
  const cp = textAt(ident, 'CP');
  if (cp) draft.postcodes.push(cp);
  const city = textAt(ident, 'VILLE')?.replace(/[.,;]+$/, '');
  if (city) draft.place.city = use(draft, 'IDENT.VILLE', city);
  const info = keysOf(child(d, 'INFO'));
  const kind = buyerKindFromCodes(info);
  if (kind) draft.buyer.kind = use(draft, 'INFO', kind);
  draft.contractNature = use(draft, 'INFO', info.map((k) => NATURES[k]).find((n) => n !== undefined));

  const objet = textAt(d, 'OBJET', 'OBJET_COMPLET');
  draft.description = use(draft, 'OBJET.OBJET_COMPLET', objet);

  const liste = textAt(d, 'CONDITIONS', 'CRITERES', 'LISTE');
  if (liste) {
    draft.criteria = buildCriteria(criteriaFromText(liste), draft.warnings);
    use(draft, 'CONDITIONS.CRITERES.LISTE', liste);
  }

  const delai = child(d, 'DELAI');
  const deadline = frenchDeadline(textAt(delai, 'RECEPT_OFFRES') ?? textAt(delai, 'RECEPT_CANDIDAT'), textAt(delai, 'AUTRES'));
  draft.deadline = use(draft, 'DELAI.RECEPT_OFFRES', deadline);

  // Lots: NUM_LOT[i] goes with DESC_LOT[i] (and NOMENC_LOT[i], a CPV written "45316110."), or in older
  // notices with the i-th non-empty AUTRES (the first AUTRES is often the empty label slot).
  const lotsNode = child(d, 'LOTS');
  const nums = asArray(child(lotsNode, 'NUM_LOT')).map(text);
  const descs = asArray(child(lotsNode, 'DESC_LOT')).map(text);
  const labels =
    descs.length > 0 ? descs : asArray(child(lotsNode, 'AUTRES')).map(text).filter((s): s is string => s !== undefined);
  const nomenc = asArray(child(lotsNode, 'NOMENC_LOT')).map(text);
  const lots: Lot[] = [];
  nums.forEach((num, i) => {
    const id = num ?? String(i + 1);
    const label = labels[i]?.replace(/\.$/, '');
    const cpv: Lot['cpv'] = [];
    addCpv(cpv, nomenc[i]?.replace(/\.$/, ''), true, draft.warnings, `lot ${id}`);
    lots.push({ id, title: label ?? `Lot ${id}`, cpv, criteria: [] });
  });
  if (nums.length !== labels.length && nums.length > 0) {
    draft.warnings.push(`v110 : ${nums.length} numéros de lot pour ${labels.length} intitulés`);
  }
  if (lots.length > 0) use(draft, 'LOTS.NUM_LOT', true);
  draft.lots = lots;

  if (child(d, 'RECTIF') !== undefined) {
    draft.noticeType = 'correction';
    use(draft, 'RECTIF', true);
  }
  addText(draft, objet, ...allText(d, NOT_TEXT).filter((s) => /[a-zà-ÿ]{3}/i.test(s)));
}
