/**
 * boamp.fr URL shapes (research/boamp.md §6.1):
 *   notice  https://www.boamp.fr/pages/avis/?q=idweb:24-76932      (the API's `url_avis`, no quotes)
 *           https://www.boamp.fr/pages/avis?q=idweb:"26-12"        (links on the site, quoted, no slash)
 *           https://www.boamp.fr/pages/avis/?q=idweb:%2226-12%22   (scrapers)
 *           https://www.boamp.fr/avis/detail/20-102039[/officiel]  (legacy, still linked by many tools)
 *   search  https://www.boamp.fr/pages/recherche/?…
 */

/** An idweb: "26-12", "24-76932", legacy "BXP06181020621O". */
const IDWEB = '(\\d{2}-\\d+|B[WX]P[0-9A-Z]+)';
const IDWEB_IN_QUERY = new RegExp(`idweb\\s*:\\s*(?:"|%22)?${IDWEB}`, 'i');
const LEGACY_DETAIL = new RegExp(`^/avis/detail/${IDWEB}(?:/|$)`);

export type BoampPageKind = 'notice' | 'list';

function isBoampHost(url: URL): boolean {
  return url.hostname === 'www.boamp.fr' || url.hostname === 'boamp.fr';
}

/** The idweb of a boamp.fr notice page, from its URL alone; undefined when the URL is not a notice page. */
export function idwebFromBoampUrl(url: URL): string | undefined {
  if (!isBoampHost(url)) return undefined;
  const legacy = LEGACY_DETAIL.exec(url.pathname);
  if (legacy?.[1]) return legacy[1];
  if (!/^\/pages\/avis\/?$/.test(url.pathname)) return undefined;
  // `q` may arrive decoded ("idweb:"26-12"") or not (%22): try the decoded parameter, then the raw query.
  const q = url.searchParams.get('q') ?? '';
  return IDWEB_IN_QUERY.exec(q)?.[1] ?? IDWEB_IN_QUERY.exec(url.search)?.[1];
}

/** The idweb a link (href, relative or absolute) points at, e.g. `/pages/avis?q=idweb:"26-12"`. */
export function idwebFromHref(href: string, base = 'https://www.boamp.fr/pages/recherche/'): string | undefined {
  try {
    return idwebFromBoampUrl(new URL(href, base));
  } catch {
    return undefined;
  }
}

/** What kind of boamp.fr page this URL is. */
export function boampPageKind(url: URL): BoampPageKind | null {
  if (!isBoampHost(url)) return null;
  if (idwebFromBoampUrl(url)) return 'notice';
  if (/^\/pages\/recherche(?:\/|$)/.test(url.pathname)) return 'list';
  return null;
}

/** The canonical notice page of an idweb (the form the API gives in `url_avis`). */
export function boampNoticeUrl(idweb: string): string {
  return `https://www.boamp.fr/pages/avis/?q=idweb:${encodeURIComponent(idweb)}`;
}
