import { emptyNotice, type Notice } from '@/lib/notice/schema';
import type { ListItem } from '@/lib/sources/types';
import { blockText, lineText, safeQuery, safeQueryAll, squeeze } from '@/lib/sources/portal-page/dom-text';
import { parseFrenchDateTime } from '@/lib/sources/portal-page/french-dates';
import { departmentsIn, lotCountIn, natureFrom } from '@/lib/sources/portal-page/fields';
import { socialSignalsIn } from './social-markers';

/**
 * Atexo search results ("consultations en cours", advanced search). Two markups (research/portals.md §1.5):
 * - Prado `table.table-results tr` with hidden `input[id$="_refCons"]`/`input[id$="_orgCons"]`,
 *   `div[id$="_panelBlocObjet"]` ("Objet : …"), `div[id$="_panelBlocDenomination"]` ("Acheteur public : …"),
 *   `td[headers=cons_ref|cons_intitule|cons_lieuExe|cons_dateEnd]`; tooltips `.info-bulle` duplicate the text.
 * - newer `.item_consultation` cards with a link to `/entreprise/consultation/{id}?orgAcronyme=`.
 * No listing page was found saved (research gap): selectors come from public scrapers, tests use a synthetic page.
 */

/** Rows of a results page (the element the badge goes on). */
export function atexoListRows(doc: Document): Element[] {
  const prado = safeQueryAll(doc, 'table.table-results tr').filter((tr) => safeQuery(tr, '[id$="_panelBlocObjet"], input[id$="_refCons"]'));
  if (prado.length > 0) return prado;
  return safeQueryAll(doc, '.item_consultation').filter(
    (el) => !el.closest('#recap-consultation') && safeQuery(el, 'a[href*="/entreprise/consultation/"], a[href*="EntrepriseDetail"]'),
  );
}

function withoutTooltips(el: Element | null): string {
  if (!el) return '';
  const clone = el.cloneNode(true) as Element;
  for (const t of safeQueryAll(clone, '.info-bulle, .info-suite, script, [style*="display: none"], [style*="display:none"]')) t.remove();
  return lineText(clone);
}

function stripLabel(text: string, label: RegExp): string {
  return squeeze(text.replace(label, ''));
}

export function atexoListRowNotice(row: Element, url: URL): Notice {
  const ref = (safeQuery(row, 'input[id$="_refCons"]') as HTMLInputElement | null)?.getAttribute('value') ?? '';
  const org = (safeQuery(row, 'input[id$="_orgCons"]') as HTMLInputElement | null)?.getAttribute('value') ?? '';
  const link = safeQuery(row, 'a[href*="/entreprise/consultation/"], a[href*="EntrepriseDetail"]');
  let href = '';
  let linkId = '';
  if (link) {
    try {
      const abs = new URL(link.getAttribute('href') ?? '', url);
      href = abs.href;
      linkId = /\/consultation\/(\d+)/.exec(abs.pathname)?.[1] ?? abs.searchParams.get('refConsultation') ?? abs.searchParams.get('id') ?? '';
    } catch {
      // malformed href: keep the page URL
    }
  }
  const consultationId = ref || linkId;
  const refText = lineText(safeQuery(row, '[id$="_reference"], .ref, .reference'));
  const id = `atexo:${url.hostname}:${org ? `${org}:` : ''}${consultationId || refText || 'ligne'}`;
  const notice = emptyNotice('atexo', id, href || url.href, 'atexo:list-row');

  // Prado rows: `_panelBlocIntitule` holds the reference (`span.ref`) and, on some platforms, the intitulé (often
  // empty/hidden); `_panelBlocObjet` holds "Objet : …" (the full text repeated in a hidden `.info-bulle`).
  const reference = lineText(safeQuery(row, '[id$="_reference"], .ref, .reference'));
  const intitule = safeQuery(row, '[id$="_panelBlocIntitule"], .objet-line .truncate span[title], td[headers="cons_intitule"]');
  const objet = safeQuery(row, '[id$="_panelBlocObjet"]');
  const titleAttr = intitule?.getAttribute('title') ?? '';
  const intituleText = squeeze(
    stripLabel(titleAttr || withoutTooltips(intitule), /^(intitul[ée]|objet)\s*:\s*/i).replace(reference, '').replace(/^[\s\-–|]+|[\s\-–|]+$/g, ''),
  );
  const objetText = stripLabel(withoutTooltips(objet), /^objet\s*:\s*/i);
  notice.title = intituleText.length > 3 && !(intitule && objet && intitule.contains(objet)) ? intituleText : objetText || intituleText;
  if (objetText && objetText !== notice.title) notice.description = objetText;

  const buyerEl = safeQuery(row, '[id$="_panelBlocDenomination"]');
  const buyerTitle = safeQuery(buyerEl ?? row, '[title]')?.getAttribute('title') ?? '';
  notice.buyer = { name: stripLabel(buyerTitle || withoutTooltips(buyerEl), /^acheteur public\s*:\s*/i) };

  const category = lineText(safeQuery(row, '[id$="_panelBlocCategorie"]'));
  const nature = natureFrom(category);
  if (nature) notice.contractNature = nature;
  const dateEl = safeQuery(row, 'td[headers="cons_dateEnd"] .cloture-line, td[headers="cons_dateEnd"], .cons_dateEnd, .cloture-line');
  const deadline = parseFrenchDateTime(lineText(dateEl).replace(/(\d{1,2})\s+(\d{1,2})\s+(\d{4})/, '$1/$2/$3'));
  if (deadline) notice.deadline = deadline;
  const dep = departmentsIn(lineText(safeQuery(row, 'td[headers="cons_lieuExe"]')))[0];
  if (dep) notice.place = { department: dep };
  const lots = lotCountIn(lineText(safeQuery(row, 'a[href*="PopUpDetailLots"]')));
  notice.noticeType = 'contract';
  notice.socialSignals = socialSignalsIn(row);
  notice.fullText = blockText(row);
  notice.raw = {
    format: 'atexo:list-row',
    fieldsUsed: ['row'],
    ...(lots ? { warnings: [`${lots} lots (titles only in the lots popup)`] } : {}),
  };
  return notice;
}

export function extractAtexoList(doc: Document, url: URL): ListItem[] {
  return atexoListRows(doc).map((element) => ({ element, notice: atexoListRowNotice(element, url) }));
}
