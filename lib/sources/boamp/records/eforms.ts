/**
 * `EFORMS` donnees (eForms UBL converted to JSON): mapped by the eForms module (`parseEformsJson`, shared with
 * the TED/XML path), then poured into the BOAMP draft; the record's top-level fields complete it in `record.ts`
 * (BOAMP id and URL, publication date on BOAMP, département list, `criteres`).
 */
import { parseEformsJson } from '@/lib/sources/eforms';
import { addText, type FamilyDraft } from './draft';
import { parisFromInstant } from '@/lib/notice/dates';
import { child, keysOf } from './xml-json';

export function parseEformsDonnees(root: unknown, draft: FamilyDraft): void {
  const kind = keysOf(child(root, 'EFORMS'))[0];
  const m = parseEformsJson(root);
  draft.warnings.push(...m.warnings.map((w) => `eForms : ${w}`));
  if (m.title) draft.title = m.title;
  if (m.description) draft.description = m.description;
  if (m.buyer.name) draft.buyer.name = m.buyer.name;
  if (m.buyer.siret) draft.buyer.siret = m.buyer.siret;
  if (m.buyer.kind) draft.buyer.kind = m.buyer.kind;
  if (m.noticeType !== 'other') draft.noticeType = m.noticeType;
  if (m.procedure) draft.procedure = m.procedure;
  if (m.contractNature) draft.contractNature = m.contractNature;
  // eForms times are true instants; shown in Paris time like every other deadline.
  const deadline = parisFromInstant(m.deadline);
  if (deadline) draft.deadline = deadline;
  if (m.estimatedValue) draft.estimatedValue = m.estimatedValue;
  draft.cpv = m.cpv;
  draft.place = { ...m.place };
  draft.lots = m.lots;
  draft.criteria = m.criteria;
  if (m.reserved !== 'unknown') draft.reserved = m.reserved;
  for (const s of m.socialSignals) if (!draft.socialSignals.includes(s)) draft.socialSignals.push(s);
  if (m.awards) draft.awards.push(...m.awards);
  addText(draft, ...m.fullTextParts);
  const prefix = `EFORMS.${kind ?? '?'}`;
  for (const f of m.fieldsUsed) draft.fieldsUsed.push(`${prefix}/${f}`);
}
