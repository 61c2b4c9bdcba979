import { emptyNotice, type Notice, type SourceId } from '@/lib/notice/schema';
import { blockText, lineText, safeQueryAll, squeeze } from './dom-text';
import { parseFrenchDateTime } from './french-dates';
import { departmentsIn } from './fields';

/**
 * Result lists whose row markup we do not know for sure: each row is the largest ancestor of a notice link that holds
 * no other notice link. Works for tables, lists and card grids alike.
 */
export function rowsAroundLinks(doc: Document, linkSelector: string): { row: Element; link: Element }[] {
  const links = safeQueryAll(doc, linkSelector);
  const hrefOf = (a: Element): string => a.getAttribute('href') ?? '';
  const out: { row: Element; link: Element }[] = [];
  const seen = new Set<Element>();
  for (const link of links) {
    const href = hrefOf(link);
    let row: Element = link;
    for (let p = link.parentElement; p && !/^(BODY|HTML)$/i.test(p.tagName); p = p.parentElement) {
      const others = safeQueryAll(p, linkSelector).some((a) => hrefOf(a) !== href);
      if (others) break;
      row = p;
    }
    if (row === link || seen.has(row)) continue;
    seen.add(row);
    out.push({ row, link });
  }
  return out;
}

/** A partial Notice from a row's text: title (link text or longest line), deadline, département. */
export function listRowNotice(row: Element, link: Element, pageUrl: URL, source: SourceId, id: string): Notice {
  let href = pageUrl.href;
  try {
    href = new URL(link.getAttribute('href') ?? '', pageUrl).href;
  } catch {
    // keep the page URL
  }
  const n = emptyNotice(source, id, href, `${source}:list-row`);
  const lines = blockText(row).split('\n');
  const linkText = lineText(link);
  n.title = linkText.length >= 15 ? linkText : squeeze([...lines].sort((a, b) => b.length - a.length)[0] ?? '');
  const buyerLine = lines.find((l) => /^(acheteur|organisme|pouvoir adjudicateur)/i.test(l));
  if (buyerLine) n.buyer = { name: squeeze(buyerLine.replace(/^[^:]*:\s*/, '')) };
  const deadlineLine = lines.find((l) => /limite|cl[ôo]ture|remise/i.test(l));
  const deadline = parseFrenchDateTime(deadlineLine ?? '');
  if (deadline) n.deadline = deadline;
  const dep = departmentsIn(lines.join(' '))[0];
  if (dep) n.place = { department: dep };
  n.noticeType = 'contract';
  n.fullText = lines.join('\n');
  n.raw = { format: `${source}:list-row`, fieldsUsed: ['row'] };
  return n;
}
