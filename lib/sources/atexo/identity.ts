import { safeQueryAll } from '@/lib/sources/portal-page/dom-text';

/**
 * Which consultation a page is about: the consultation id and the buyer organisation acronym (`orgAcronyme`),
 * from the URL (every URL shape of research/portals.md §1.2) or from the inline script of Symfony pages
 * (`var consulation_ref='2992873'; var organisme = 'd4t';` — the typo is Atexo's).
 */
export interface AtexoIdentity {
  consultationId?: string;
  org?: string;
}

export function identityFromUrl(url: URL): AtexoIdentity {
  const out: AtexoIdentity = {};
  const path = /\/entreprise\/consultation\/(\d+)/i.exec(url.pathname);
  const params = url.searchParams;
  const param = (name: string): string | undefined => {
    for (const [k, v] of params) if (k.toLowerCase() === name.toLowerCase() && v) return v;
    return undefined;
  };
  const id = path?.[1] ?? param('refConsultation') ?? param('id');
  if (id && /^\d+$/.test(id)) out.consultationId = id;
  const org = param('orgAcronyme') ?? param('orgAccronyme');
  if (org) out.org = org;
  return out;
}

export function identityFromScripts(doc: Document): AtexoIdentity {
  const out: AtexoIdentity = {};
  for (const s of safeQueryAll(doc, 'script:not([src])')) {
    const text = s.textContent ?? '';
    const ref = /consulation_ref\s*=\s*'(\d+)'/.exec(text);
    const org = /\borganisme\s*=\s*'([a-z0-9]+)'/i.exec(text);
    if (ref?.[1]) out.consultationId = ref[1];
    if (org?.[1]) out.org = org[1];
    if (out.consultationId) break;
  }
  return out;
}

/** Is this URL a consultation detail (or DCE) page of an Atexo instance? */
export function isAtexoDetailUrl(url: URL): boolean {
  if (/\/entreprise\/consultation\/\d+/i.test(url.pathname)) return true;
  const page = url.searchParams.get('page') ?? '';
  return /entreprise\.(EntrepriseDetailsConsultation|EntrepriseDetailConsultation|EntrepriseDemandeTelechargementDce)/i.test(page);
}
