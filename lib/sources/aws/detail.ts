import { emptyNotice, type Lot, type Notice } from '@/lib/notice/schema';
import { blockText, labelKey, lineText, safeQuery, safeQueryAll, squeeze } from '@/lib/sources/portal-page/dom-text';
import { parseFrenchDateTime } from '@/lib/sources/portal-page/french-dates';
import {
  cpvCodesIn,
  criteriaIn,
  departmentsIn,
  moneyIn,
  natureFrom,
  noticeTypeFrom,
  publicationLinksIn,
} from '@/lib/sources/portal-page/fields';

/**
 * AWS-Achat notice page (`www.marches-publics.info/Annonces/MPI-pub-{n}.htm`, buyer sub-sites, legacy
 * `avis/index.cfm?fuseaction=pub.affPublication&refPub=MPI-pub-…`) → Notice. The body is `div#AAPCGenere`: a buyer
 * block, then `table.AW_TableM` rows `<td><b>Label</b></td><td>value</td>`; rows with an empty (&nbsp;) label continue
 * the row above (complementary CPV) or carry "<b>Label :</b> value" inline ("Marché réservé : Non").
 */

interface AwsRow {
  key: string;
  value: Element;
}

/** Label/value rows of the main table, continuation rows attached to the previous label. */
function readRows(root: Element): AwsRow[] {
  const rows: AwsRow[] = [];
  const table = safeQuery(root, 'table.AW_TableM');
  if (!table) return rows;
  let previous = '';
  for (const tr of safeQueryAll(table, 'tr')) {
    if (tr.parentElement?.closest('table') !== table) continue; // rows of nested tables (lots) are read separately
    const cells = Array.from(tr.children).filter((c) => c.tagName.toUpperCase() === 'TD');
    if (cells.length !== 2) continue;
    const [labelCell, value] = cells as [Element, Element];
    const key = labelKey(lineText(labelCell));
    if (key) previous = key;
    rows.push({ key: key || previous, value });
  }
  return rows;
}

function rowValues(rows: AwsRow[], ...keys: string[]): Element[] {
  return rows.filter((r) => keys.includes(r.key)).map((r) => r.value);
}

/** "Marché réservé : Oui/Non", "Clause sociale : …" written inline in a value cell. */
function inlineField(text: string, label: RegExp): string | undefined {
  const m = label.exec(text);
  return m ? squeeze(m[1] ?? '') : undefined;
}

export function mpiIdFromUrl(url: URL): string | undefined {
  return /MPI-pub-(\d{6,12})/i.exec(url.href)?.[1];
}

export function extractAwsNotice(doc: Document, url: URL): Notice {
  const warnings: string[] = [];
  const fieldsUsed: string[] = [];
  const root = safeQuery(doc, '#AAPCGenere');
  if (!root) warnings.push('no #AAPCGenere block');
  const scope: Element = root ?? doc.body ?? doc.documentElement;
  const rows = root ? readRows(root) : [];
  const first = (key: string): Element | undefined => rowValues(rows, key)[0];
  const text = (key: string): string => {
    const v = first(key);
    if (v) fieldsUsed.push(`AW_TableM:${key}`);
    return lineText(v);
  };

  const hrefs = safeQueryAll(scope, 'a[href]').map((a) => a.getAttribute('href') ?? '');
  const idm = hrefs.map((h) => /[?&]IDM=(\d+)/i.exec(h)?.[1]).find(Boolean);
  const mpi = mpiIdFromUrl(url);
  const reference = text('reference');
  const id = `aws:${mpi ? `MPI-pub-${mpi}` : idm ? `IDM-${idm}` : reference || 'inconnu'}`;
  const notice = emptyNotice('aws', id, url.href, 'aws:AAPCGenere');

  notice.title = text('objet');
  notice.noticeType = noticeTypeFrom(lineText(safeQuery(scope, '.AW_Titre')));

  // Buyer block: the first <b> of the table after the title, then address lines and "SIRET 14 digits".
  const buyerCell = safeQueryAll(scope, 'table td[valign="top"]').find((td) => safeQuery(td, 'b'));
  const buyerName = lineText(buyerCell ? safeQuery(buyerCell, 'b') : null);
  const buyerText = blockText(buyerCell);
  const siret = /SIRET\s*:?\s*(\d{14})/.exec(buyerText.replace(/(\d)\s+(?=\d)/g, '$1'))?.[1];
  notice.buyer = { name: buyerName, ...(siret ? { siret } : {}) };
  if (buyerName) fieldsUsed.push('buyer-block');

  const nature = natureFrom(text('type de marche'));
  if (nature) notice.contractNature = nature;
  const mode = text('mode');
  if (mode) notice.procedure = mode;
  const description = blockText(first('description'));
  if (description) notice.description = description;

  const nuts = /^FR[0-9A-Z]{1,3}$/.exec(text('code nuts'))?.[0];
  const lieu = blockText(first("lieu d'execution principal") ?? first('lieu de livraison principal') ?? first("lieu d'execution"));
  const department = departmentsIn(lieu)[0] ?? departmentsIn(buyerText)[0];
  notice.place = { ...(department ? { department } : {}), ...(nuts ? { nuts } : {}) };

  // CPV: "<strong>39224300</strong> - label" on the main row and on the continuation rows of "Code CPV complémentaire".
  const cpvRows = [...rowValues(rows, 'code cpv principal'), ...rowValues(rows, 'code cpv complementaire')];
  for (const [i, cell] of cpvRows.entries()) {
    const code = cpvCodesIn(lineText(safeQuery(cell, 'strong, b')) || lineText(cell))[0];
    if (!code || notice.cpv.some((c) => c.code === code)) continue;
    const label = squeeze(lineText(cell).replace(/^\s*\d{8}(?:-\d)?\s*-?\s*/, ''));
    notice.cpv.push({ code, main: i === 0, ...(label ? { label } : {}) });
  }
  if (cpvRows.length) fieldsUsed.push('AW_TableM:code cpv');

  notice.lots = readLots(root);
  if (notice.lots.length) fieldsUsed.push('AW_TableM:lots');

  const all = blockText(scope);
  const value = /valeur (?:totale )?estim[ée]e[^:\n]*:\s*([^\n]+)/i.exec(all)?.[1];
  const money = value ? moneyIn(value) : undefined;
  if (money) notice.estimatedValue = money;

  const criteriaCell = first("criteres d'attribution");
  if (criteriaCell) {
    notice.criteria = criteriaIn(blockText(criteriaCell));
    fieldsUsed.push("AW_TableM:criteres d'attribution");
  }

  const offres = lineText(first('offres'));
  const deadline = parseFrenchDateTime(/remise des offres le\s*(.+)/i.exec(offres)?.[1] ?? offres);
  if (deadline) notice.deadline = deadline;
  else warnings.push('no deadline found in "Offres"');
  const sent = /Envoi le\s+(\d{1,2}\/\d{1,2}\/\d{2,4})/i.exec(all)?.[1];
  const publishedAt = sent ? parseFrenchDateTime(sent) : undefined;
  if (publishedAt) notice.publishedAt = publishedAt;

  // Reservation: AWS prints "Marché réservé : Non" (the positive form is expected to be "Oui", not seen saved).
  const reserved = inlineField(all, /March[ée] r[ée]serv[ée]\s*:\s*(Oui|Non)\b/i);
  if (reserved) {
    fieldsUsed.push('Marché réservé');
    if (/^non$/i.test(reserved)) notice.reserved = 'none';
    else notice.socialSignals.push('aws:marche_reserve:oui');
  }
  // Social clause rows when the buyer fills them ("Clause sociale", "Conditions particulières d'exécution").
  for (const r of rows) {
    if (!/clause.* sociale|condition.* d'execution|insertion/.test(r.key)) continue;
    const v = labelKey(lineText(r.value));
    if (v && !/^(non|aucune?|sans objet)$/.test(v)) notice.socialSignals.push(`aws:${r.key.replace(/\s+/g, '_')}`);
  }
  notice.socialSignals = [...new Set(notice.socialSignals)];

  notice.fullText = all;
  fieldsUsed.push(...publicationLinksIn(hrefs));
  notice.raw = { format: 'aws:AAPCGenere', fieldsUsed, ...(warnings.length ? { warnings } : {}) };
  return notice;
}

/** Lots sub-table: header "Lots | Libellé | Estimé € HT | Mini € HT | Maxi € HT | CPV", rows "N° 1". */
function readLots(root: Element | null): Lot[] {
  if (!root) return [];
  const lots: Lot[] = [];
  for (const tr of safeQueryAll(root, 'table.AW_TableM table tr')) {
    const cells = Array.from(tr.children).filter((c) => c.tagName.toUpperCase() === 'TD');
    const id = /^N°\s*(\d+)/i.exec(lineText(cells[0]))?.[1];
    if (!id || cells.length < 2) continue;
    const labelText = blockText(cells[1]);
    const [titlePart, ...rest] = labelText.split(/\n?Description\s*:\s*/i);
    const title = squeeze(titlePart ?? '');
    const description = squeeze(rest.join(' '));
    const estimated = cells.length >= 6 ? moneyIn(`${lineText(cells[2])} €`) : undefined;
    const codes = cpvCodesIn(lineText(cells[cells.length - 1]));
    lots.push({
      id,
      title,
      ...(description && description !== title ? { description } : {}),
      cpv: codes.map((code, i) => ({ code, main: i === 0 })),
      ...(estimated && estimated.amount > 0 ? { estimatedValue: estimated } : {}),
      criteria: [],
    });
  }
  return lots;
}
