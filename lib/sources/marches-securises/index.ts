import { emptyNotice, type Notice } from '@/lib/notice/schema';
import type { ListItem, PageKind, PageSource } from '@/lib/sources/types';
import { detectSafely, extractSafely, listSafely } from '@/lib/sources/portal-page/never-throw';
import { blockText, labelKey, lineText, safeQuery, safeQueryAll, squeeze } from '@/lib/sources/portal-page/dom-text';
import { parseFrenchDateTime } from '@/lib/sources/portal-page/french-dates';
import { departmentsIn, lotCountIn, natureFrom } from '@/lib/sources/portal-page/fields';
import { pick, readLabelledPairs } from '@/lib/sources/portal-page/labelled-pairs';
import { textBasedNotice } from '@/lib/sources/portal-page/text-based-notice';

/**
 * marches-securises.fr (Atline). Detail `/entreprise/?module=consultation|details&cle_dce={key}&version=QR`; list
 * `/entreprise/?module=liste_consultations&…` (filter `criteres_sociaux=1` exists → per-consultation social flag).
 * List rows (research/portals.md §4, from public scrapers): one `table.consultation…` per item, `addToFavoris('{cle}')`,
 * `tr.tr_pa` buyer "Name (dept)", `tr.tr_identifiant` (th "Référence" + th value), `.objet`, `tr.tr_type`
 * ("Public (...) / Services"), `tr.tr_proc` (procedure, "X lots"), `tr.tr_dept`, `td.td_pub_date`, `td.td_clot_date`.
 * No page of this portal was found saved: tests use synthetic pages; the text source backs the detail page up.
 */
export const MARCHES_SECURISES_MATCHES: readonly string[] = ['*://www.marches-securises.fr/*', '*://marches-securises.fr/*'];

export function cleDceFrom(text: string): string | undefined {
  return /cle_dce=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? /addToFavoris\('([A-Za-z0-9_-]+)'\)/.exec(text)?.[1];
}

/** Pictograms / labels of the social-criteria flag the search filter `criteres_sociaux=1` relies on. */
function socialSignalsIn(root: ParentNode): string[] {
  const out = new Set<string>();
  for (const el of safeQueryAll(root, 'img[alt], img[title], span[title], i[title], abbr[title]')) {
    const t = labelKey(`${el.getAttribute('alt') ?? ''} ${el.getAttribute('title') ?? ''}`);
    if (/crit[e]res? sociaux|clauses? sociales?|considerations? sociales?/.test(t) && !/pas de|aucun|sans/.test(t)) out.add('marches-securises:criteres_sociaux');
    if (/marche reserve|ateliers? proteges?/.test(t) && !/pas de|non/.test(t)) out.add('marches-securises:marche_reserve');
  }
  return [...out];
}

function listRows(doc: Document): Element[] {
  return safeQueryAll(doc, 'table[class*="consultation"]').filter((t) => safeQuery(t, 'tr.tr_identifiant, tr.tr_pa, .objet'));
}

function rowNotice(row: Element, url: URL): Notice {
  const html = row.outerHTML ?? '';
  const cle = cleDceFrom(html) ?? cleDceFrom(safeQueryAll(row, 'a[href]').map((a) => a.getAttribute('href') ?? '').join(' '));
  const idCells = safeQueryAll(row, 'tr.tr_identifiant th, tr.tr_identifiant td');
  const reference = lineText(idCells[1]);
  const href = cle ? `https://www.marches-securises.fr/entreprise/?module=consultation|details&cle_dce=${cle}&version=QR` : url.href;
  const n = emptyNotice('marches-securises', `marches-securises:${cle ?? reference ?? 'ligne'}`, href, 'marches-securises:list-row');
  n.title = lineText(safeQuery(row, '.objet'));
  const buyer = lineText(safeQuery(row, 'tr.tr_pa'));
  n.buyer = { name: squeeze(buyer.replace(/\(\s*[\dAB]{2,3}\s*\)\s*$/, '')) };
  const dep = departmentsIn(`${lineText(safeQuery(row, 'tr.tr_dept'))} ${buyer}`)[0];
  if (dep) n.place = { department: dep };
  const type = lineText(safeQuery(row, 'tr.tr_type'));
  const nature = natureFrom(type.split('/').pop() ?? '');
  if (nature) n.contractNature = nature;
  const proc = lineText(safeQuery(row, 'tr.tr_proc'));
  if (proc) n.procedure = squeeze(proc.replace(/[-–,]?\s*\d+\s*lots?.*$/i, ''));
  const deadline = parseFrenchDateTime(lineText(safeQuery(row, 'td.td_clot_date')));
  if (deadline) n.deadline = deadline;
  const published = parseFrenchDateTime(lineText(safeQuery(row, 'td.td_pub_date')));
  if (published) n.publishedAt = published.slice(0, 10);
  n.noticeType = 'contract';
  n.socialSignals = socialSignalsIn(row);
  n.fullText = blockText(row);
  const lots = lotCountIn(proc);
  n.raw = { format: 'marches-securises:list-row', fieldsUsed: ['row'], ...(lots ? { warnings: [`${lots} lots (titles on the detail page)`] } : {}) };
  return n;
}

export function extractMarchesSecurisesNotice(doc: Document, url: URL): Notice {
  const pairs = readLabelledPairs(doc);
  const cle = cleDceFrom(url.search) ?? cleDceFrom(doc.documentElement?.outerHTML ?? '');
  const reference = pick(pairs, /^reference/);
  const n = textBasedNotice(doc, url, 'marches-securises', `marches-securises:${cle ?? reference ?? 'inconnu'}`, 'marches-securises:detail', {
    title: pick(pairs, /^objet$/, /^objet de la consultation/, /^intitule/),
    buyer: pick(pairs, /^acheteur/, /^organisme/, /^pouvoir adjudicateur/, /^entite adjudicatrice/),
    reference,
    procedure: pick(pairs, /^procedure/, /^type de procedure/),
    nature: pick(pairs, /^type de marche/, /^type de prestation/, /^nature/),
    deadline: pick(pairs, /^date (limite|de cloture)/, /^cloture/),
    published: pick(pairs, /^date de (mise en ligne|publication)/, /^mise en ligne/),
    place: pick(pairs, /^lieu d'execution/, /^departement/),
    cpv: pick(pairs, /^code cpv/, /^cpv/),
    lots: pick(pairs, /^allotissement/, /^lots?$/),
  });
  n.socialSignals = [...new Set([...n.socialSignals, ...socialSignalsIn(doc)])];
  return n;
}

export const marchesSecurisesSource: PageSource = {
  id: 'marches-securises',
  matches: MARCHES_SECURISES_MATCHES,
  detect(doc: Document, url: URL): PageKind {
    return detectSafely(() => {
      const module = url.searchParams.get('module') ?? '';
      if (/consultation\|details/i.test(module)) return 'notice';
      if (listRows(doc).length > 0) return 'list';
      return null;
    });
  },
  extract(doc: Document, url: URL): Notice {
    return extractSafely(
      () => extractMarchesSecurisesNotice(doc, url),
      () => emptyNotice('marches-securises', 'marches-securises:erreur', url.href, 'marches-securises:detail'),
    );
  },
  extractList(doc: Document, url: URL): ListItem[] {
    return listSafely(() => listRows(doc).map((element) => ({ element, notice: rowNotice(element, url) })));
  },
};
