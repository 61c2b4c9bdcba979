import { emptyNotice, type Lot, type Notice } from '@/lib/notice/schema';
import { blockText, lineText, safeQueryAll, squeeze } from '@/lib/sources/portal-page/dom-text';
import { parseFrenchDateTime } from '@/lib/sources/portal-page/french-dates';
import {
  cpvCodesIn,
  cpvList,
  departmentsIn,
  lotCountIn,
  lotTitlesIn,
  natureFrom,
  noticeTypeFrom,
  publicationLinksIn,
} from '@/lib/sources/portal-page/fields';
import { fieldBlock, fieldText, findRecap, readRecapFields } from './recap';
import { identityFromScripts, identityFromUrl } from './identity';
import { socialSignalsIn } from './social-markers';

/**
 * Atexo MPE consultation page (Symfony or Prado) → Notice. Reads the recap by labels, then by Prado id suffixes.
 * Never throws: a page without a recap gives an almost empty Notice with a warning.
 */
export function extractAtexoNotice(doc: Document, url: URL): Notice {
  const warnings: string[] = [];
  const fieldsUsed: string[] = [];
  const fromUrl = identityFromUrl(url);
  const fromScript = identityFromScripts(doc);
  const consultationId = fromUrl.consultationId ?? fromScript.consultationId;
  const org = fromUrl.org ?? fromScript.org;

  const recap = findRecap(doc);
  const format = recap && safeQueryAll(recap, '[id^="ctl0_CONTENU_PAGE_"]').length > 0 ? 'atexo:prado' : 'atexo:symfony';
  const root: ParentNode = recap ?? doc;
  if (!recap) warnings.push('no #recap-consultation: labels read from the whole page');
  const fields = readRecapFields(root);
  const used = (key: string): void => {
    const f = fields.get(key);
    if (f && lineText(f.value)) fieldsUsed.push(`recap:${key}${f.via === 'id-suffix' ? ' (id)' : ''}`);
  };

  const reference = fieldText(fields, 'reference');
  const idPart = consultationId ?? reference ?? '';
  const id = `atexo:${url.hostname}:${org ? `${org}:` : ''}${idPart || 'inconnu'}`;
  if (!idPart) warnings.push('no consultation id nor reference');
  const notice = emptyNotice('atexo', id, url.href, format);

  notice.title = fieldText(fields, 'intitule') || fieldText(fields, 'objet') || reference;
  const objet = fieldBlock(fields, 'objet');
  if (objet && objet !== notice.title) notice.description = objet;
  for (const k of ['reference', 'intitule', 'objet']) used(k);

  // Buyer: the purchasing entity is the most precise ("ESMS / 67 CHRU - CHRU STRASBOURG" → "CHRU STRASBOURG");
  // "Organisme" is often the ministry. Both stay in fullText.
  const entiteAchat = fieldText(fields, "entite d'achat");
  const organisme = fieldText(fields, 'organisme');
  const entitePublique = fieldText(fields, 'entite publique');
  notice.buyer = { name: buyerNameFromEntity(entiteAchat) || organisme || entitePublique };
  for (const k of ["entite d'achat", 'organisme', 'entite publique']) used(k);

  const typeAnnonce = fieldText(fields, "type d'annonce");
  notice.noticeType = typeAnnonce ? noticeTypeFrom(typeAnnonce) : 'contract';
  used("type d'annonce");
  const procedure = fieldText(fields, 'procedure');
  if (procedure) notice.procedure = procedure;
  used('procedure');
  const nature = natureFrom(fieldText(fields, 'categorie principale'));
  if (nature) notice.contractNature = nature;
  used('categorie principale');

  const deadlineText = fieldText(fields, 'date et heure limite de remise des plis');
  const deadline = deadlineText ? parseFrenchDateTime(deadlineText) : undefined;
  if (deadline) notice.deadline = deadline;
  else if (deadlineText) warnings.push(`unreadable deadline "${deadlineText}"`);
  used('date et heure limite de remise des plis');

  const lieu = fieldText(fields, "lieu d'execution");
  const departments = departmentsIn(lieu);
  if (departments[0]) notice.place = { department: departments[0] };
  used("lieu d'execution");

  notice.cpv = readCpv(fields.get('code cpv')?.value);
  used('code cpv');

  notice.lots = readLots(fieldText(fields, 'allotissement'), objet, warnings);
  used('allotissement');

  const recapText = blockText(recap ?? doc.body ?? doc.documentElement);
  notice.fullText = [notice.title, recapText].filter(Boolean).join('\n');
  notice.socialSignals = socialSignalsIn(root);
  fieldsUsed.push(...publicationLinksIn(safeQueryAll(doc, 'a[href]').map((a) => a.getAttribute('href') ?? '')));
  notice.raw = { format, fieldsUsed, ...(warnings.length ? { warnings } : {}) };
  return notice;
}

/** "MTES-MCTRCT-MER / EP / EP MP - Etablissement Public du Marais Poitevin" → "Etablissement Public du Marais Poitevin". */
export function buyerNameFromEntity(entity: string): string {
  const last = squeeze(entity.split(' / ').pop() ?? '');
  const dash = last.indexOf(' - ');
  // Strip the leading code only when it is one ("67 CHRU", "EP MP", "DA"), not a name ("DRAC Auvergne - Rhône Alpes").
  return dash > 0 && /^[A-Z0-9][A-Z0-9 .&'_-]{0,11}$/.test(last.slice(0, dash)) ? squeeze(last.slice(dash + 3)) : last;
}

function readCpv(value: Element | undefined): Notice['cpv'] {
  if (!value) return [];
  // Symfony: <span data-code-cpv="71241000">71241000 (Code principal)</span>; empty data-code-cpv="" spans occur.
  const spans = safeQueryAll(value, 'span[data-code-cpv]');
  if (spans.length > 0) {
    const codes: string[] = [];
    let main: string | undefined;
    for (const s of spans) {
      const code = cpvCodesIn(s.getAttribute('data-code-cpv') ?? '')[0] ?? cpvCodesIn(s.textContent ?? '')[0];
      if (!code || codes.includes(code)) continue;
      codes.push(code);
      if (!main && /principal/i.test(s.textContent ?? '')) main = code;
    }
    return cpvList(codes, new Map(), main);
  }
  // Prado: <span id="…_idAtexoRef_scriptRef">66512000</span> (Code principal), further codes after it.
  return cpvList(cpvCodesIn(value.textContent ?? ''));
}

function readLots(allotissement: string, objet: string, warnings: string[]): Lot[] {
  const count = lotCountIn(allotissement);
  if (!count) return [];
  // The recap only gives the count; titles are often enumerated in "Objet", else they sit behind the
  // PopUpDetailLots link (not fetched here).
  const titled = lotTitlesIn(objet);
  if (titled.length === 0) {
    warnings.push(`${count} lots announced; their titles are only in the lots popup (PopUpDetailLots), not read`);
    return [];
  }
  if (titled.length !== count) warnings.push(`${count} lots announced, ${titled.length} found in the object text`);
  return titled.map((l) => ({ id: l.id, title: l.title, cpv: [], criteria: [] }));
}
