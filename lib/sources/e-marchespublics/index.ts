import { emptyNotice, type Notice } from '@/lib/notice/schema';
import type { ListItem, PageKind, PageSource } from '@/lib/sources/types';
import { detectSafely, extractSafely, listSafely } from '@/lib/sources/portal-page/never-throw';
import { blockText, lineText, safeQuery, safeQueryAll, squeeze } from '@/lib/sources/portal-page/dom-text';
import { findFrenchDates } from '@/lib/notice/dates';
import { pick, readLabelledPairs } from '@/lib/sources/portal-page/labelled-pairs';
import { textBasedNotice } from '@/lib/sources/portal-page/text-based-notice';

/**
 * e-marchespublics.com (Dematis). Aggregator detail `/appel-offre/{region}/{dept}/{ville}/{id}/{id2}`; buyer sites
 * `{buyer}.e-marchespublics.com/pack/annonce_marche_public_{n}_{id}.html` (notice text in `.txtmark`); buyer-site lists
 * `div.orga` > `.resultatOrganismeHaut` (buyer + "Réf. : …"), `.resultatOrganismeMilieu` (title),
 * `.resultatOrganismeBasTab1` (procedure), `.resultatOrganismeBasTab4` (dates, the last one = deadline).
 * No page of this portal was found saved (research/portals.md §5): synthetic tests; the text source backs detail pages.
 */
export const E_MARCHESPUBLICS_MATCHES: readonly string[] = ['*://www.e-marchespublics.com/*', '*://*.e-marchespublics.com/*'];

export function emarchesIdFromUrl(url: URL): string | undefined {
  const pack = /annonce_marche_public_(\d+_\d+)\.html/i.exec(url.pathname)?.[1];
  if (pack) return pack;
  const m = /\/appel-offre\/(?:[^/]+\/){3}(\d+)(?:\/(\d+))?/i.exec(url.pathname);
  return m ? [m[1], m[2]].filter(Boolean).join('_') : undefined;
}

function listRows(doc: Document): Element[] {
  return safeQueryAll(doc, 'div.orga').filter((el) => safeQuery(el, '.resultatOrganismeMilieu'));
}

function rowNotice(row: Element, url: URL): Notice {
  const link = safeQueryAll(row, '.resultatOrganismeBasTab2 a[href], a[href*="annonce_marche_public"]').find((a) => /annonce/i.test(a.getAttribute('href') ?? ''));
  let href = url.href;
  try {
    if (link) href = new URL(link.getAttribute('href') ?? '', url).href;
  } catch {
    // keep the list URL
  }
  const top = lineText(safeQuery(row, '.resultatOrganismeHaut'));
  const reference = /R[ée]f\.?\s*:\s*(\S+)/i.exec(top)?.[1];
  const id = emarchesIdFromUrl(new URL(href)) ?? reference ?? 'ligne';
  const n = emptyNotice('e-marchespublics', `e-marchespublics:${id}`, href, 'e-marchespublics:list-row');
  n.title = lineText(safeQuery(row, '.resultatOrganismeMilieu'));
  n.buyer = { name: squeeze(top.replace(/R[ée]f\.?\s*:.*$/i, '')) };
  const proc = lineText(safeQuery(row, '.resultatOrganismeBasTab1'));
  if (proc) n.procedure = proc;
  const dates = findFrenchDates(blockText(safeQuery(row, '.resultatOrganismeBasTab4')));
  const last = dates[dates.length - 1];
  if (last) n.deadline = last.iso;
  n.noticeType = 'contract';
  n.fullText = blockText(row);
  n.raw = { format: 'e-marchespublics:list-row', fieldsUsed: ['row'] };
  return n;
}

export function extractEMarchesNotice(doc: Document, url: URL): Notice {
  const body = safeQuery(doc, '.txtmark') ?? doc;
  const pairs = readLabelledPairs(body);
  const id = emarchesIdFromUrl(url) ?? pick(pairs, /^reference/) ?? 'inconnu';
  return textBasedNotice(doc, url, 'e-marchespublics', `e-marchespublics:${id}`, 'e-marchespublics:detail', {
    title: pick(pairs, /^objet du marche/, /^objet/, /^intitule/),
    buyer: pick(pairs, /^nom et adresse/, /^acheteur/, /^organisme/, /^pouvoir adjudicateur/),
    procedure: pick(pairs, /^type de procedure/, /^procedure/),
    nature: pick(pairs, /^type de marche/),
    deadline: pick(pairs, /^date limite/, /^remise des offres/) ?? lineText(safeQuery(doc, 'div.col3 span.pink')),
    place: pick(pairs, /^lieu d'execution/, /^departement/),
    cpv: pick(pairs, /^code cpv/, /^cpv/),
  });
}

export const eMarchesPublicsSource: PageSource = {
  id: 'e-marchespublics',
  matches: E_MARCHESPUBLICS_MATCHES,
  detect(doc: Document, url: URL): PageKind {
    return detectSafely(() => {
      if (emarchesIdFromUrl(url) || safeQuery(doc, '.txtmark')) return 'notice';
      if (listRows(doc).length > 0) return 'list';
      return null;
    });
  },
  extract(doc: Document, url: URL): Notice {
    return extractSafely(
      () => extractEMarchesNotice(doc, url),
      () => emptyNotice('e-marchespublics', 'e-marchespublics:erreur', url.href, 'e-marchespublics:detail'),
    );
  },
  extractList(doc: Document, url: URL): ListItem[] {
    return listSafely(() => listRows(doc).map((element) => ({ element, notice: rowNotice(element, url) })));
  },
};
