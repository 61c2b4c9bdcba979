import { emptyNotice, type Notice } from '@/lib/notice/schema';
import type { ListItem } from '@/lib/sources/types';
import { blockText, lineText, safeQuery, safeQueryAll, squeeze } from '@/lib/sources/portal-page/dom-text';
import { parseFrenchDateTime } from '@/lib/sources/portal-page/french-dates';
import { departmentsIn, lotCountIn } from '@/lib/sources/portal-page/fields';

/**
 * AWS-Achat result list (`/Annonces/lister`, bootstrap re-skin ~2023): one `div.container-fluid#entity` per notice
 * (the id is duplicated), `.affiche_date_avis` (`.col-md-3` published, `.col-md-6` "Date limite : le 30/04/26 à
 * 12h00"), `h2.h2-avis` "BUYER (postcode)", `.ref-acheteur` "[réf. X]", `#titre_box` (title; "[Marché alloti : 3 lots]"),
 * `a[title="Consulter l'avis"]`. No listing page was found saved: selectors from public scrapers (research §2).
 */
export function awsListRows(doc: Document): Element[] {
  return safeQueryAll(doc, 'div[id="entity"]').filter((el) => safeQuery(el, 'h2.h2-avis, [id="titre_box"]'));
}

export function awsListRowNotice(row: Element, url: URL): Notice {
  const link = safeQuery(row, 'a[title="Consulter l\'avis"], a[href*="MPI-pub-"]');
  let href = url.href;
  try {
    if (link) href = new URL(link.getAttribute('href') ?? '', url).href;
  } catch {
    // keep the list URL
  }
  const mpi = /MPI-pub-(\d{6,12})/i.exec(href)?.[1];
  const reference = squeeze(lineText(safeQuery(row, '.ref-acheteur')).replace(/^\[\s*r[ée]f\.?\s*|\]$/gi, ''));
  const notice = emptyNotice('aws', `aws:${mpi ? `MPI-pub-${mpi}` : reference || 'ligne'}`, href, 'aws:list-row');
  const titleBox = safeQuery(row, '[id="titre_box"]');
  const titleClone = titleBox?.cloneNode(true) as Element | undefined;
  if (titleClone) for (const el of safeQueryAll(titleClone, '.ref-acheteur, p')) el.remove();
  notice.title = lineText(titleClone);
  const buyer = lineText(safeQuery(row, 'h2.h2-avis'));
  notice.buyer = { name: squeeze(buyer.replace(/\(\s*\d{5}\s*\)\s*$/, '')) };
  const dep = departmentsIn(buyer.replace(/[()]/g, ' '))[0];
  if (dep) notice.place = { department: dep };
  const dates = safeQuery(row, '.affiche_date_avis');
  const deadlineText = lineText(safeQuery(dates ?? row, '.col-md-6'));
  const deadline = parseFrenchDateTime(deadlineText.replace(/^.*?limite\s*:?\s*(le)?/i, ''));
  if (deadline) notice.deadline = deadline;
  const published = parseFrenchDateTime(lineText(safeQuery(dates ?? row, '.col-md-3')));
  if (published) notice.publishedAt = published.slice(0, 10);
  notice.noticeType = 'contract';
  notice.fullText = blockText(row);
  const lots = lotCountIn(lineText(safeQuery(titleBox ?? row, 'p')));
  notice.raw = { format: 'aws:list-row', fieldsUsed: ['row'], ...(lots ? { warnings: [`${lots} lots (titles on the notice page)`] } : {}) };
  return notice;
}

export function extractAwsList(doc: Document, url: URL): ListItem[] {
  return awsListRows(doc).map((element) => ({ element, notice: awsListRowNotice(element, url) }));
}
