import type { Notice, SourceId } from '@/lib/notice/schema';
import { extractFromDocument } from '@/lib/sources/text';
import { parseFrenchDateTime } from './french-dates';
import { cpvCodesIn, cpvList, departmentsIn, lotCountIn, natureFrom, noticeTypeFrom, publicationLinksIn } from './fields';
import { safeQueryAll, squeeze } from './dom-text';

/**
 * Notice for a portal whose markup we only know from scrapers: the `text` source reads the whole page (labels
 * such as "Date limite de réception des offres", CPV, criteria, lots), then the labelled fields the portal prints
 * override it. So a change of markup degrades to the text path instead of to nothing.
 */
export interface PortalFields {
  title?: string;
  description?: string;
  buyer?: string;
  reference?: string;
  procedure?: string;
  nature?: string;
  noticeType?: string;
  deadline?: string;
  published?: string;
  place?: string;
  cpv?: string;
  lots?: string;
}

export function textBasedNotice(doc: Document, url: URL, source: SourceId, id: string, format: string, fields: PortalFields): Notice {
  const n = extractFromDocument(doc, url);
  const warnings = [...(n.raw.warnings ?? [])];
  const used: string[] = [];
  n.source = source;
  n.id = id;
  n.url = url.href;
  const set = (name: keyof PortalFields): string | undefined => {
    const v = fields[name];
    if (v === undefined || !squeeze(v)) return undefined;
    used.push(`${format}:${name}`);
    return squeeze(v);
  };
  const title = set('title');
  if (title) n.title = title;
  const description = fields.description?.trim();
  if (description) {
    n.description = description;
    used.push(`${format}:description`);
  }
  const buyer = set('buyer');
  if (buyer) n.buyer = { ...n.buyer, name: buyer };
  const procedure = set('procedure');
  if (procedure) n.procedure = procedure;
  const nature = natureFrom(set('nature') ?? '');
  if (nature) n.contractNature = nature;
  const type = set('noticeType');
  if (type) n.noticeType = noticeTypeFrom(type);
  else if (n.noticeType === 'other') n.noticeType = 'contract';
  const deadlineText = set('deadline');
  const deadline = deadlineText ? parseFrenchDateTime(deadlineText) : undefined;
  if (deadline) n.deadline = deadline;
  else if (deadlineText) warnings.push(`unreadable deadline "${deadlineText}"`);
  const published = set('published');
  const publishedAt = published ? parseFrenchDateTime(published) : undefined;
  if (publishedAt) n.publishedAt = publishedAt.slice(0, 10);
  const department = departmentsIn(set('place') ?? '')[0];
  if (department) n.place = { ...n.place, department };
  const cpvCodes = cpvCodesIn(set('cpv') ?? '');
  if (cpvCodes.length) n.cpv = cpvList(cpvCodes);
  const lots = lotCountIn(set('lots') ?? '');
  if (lots && n.lots.length === 0) warnings.push(`${lots} lots announced; titles not on the page`);
  n.raw = {
    format,
    fieldsUsed: [...used, ...n.raw.fieldsUsed.map((f) => `text:${f}`), ...publicationLinksIn(safeQueryAll(doc, 'a[href]').map((a) => a.getAttribute('href') ?? ''))],
    ...(warnings.length ? { warnings } : {}),
  };
  return n;
}
