import type { ContractNature, Cpv, Criterion, CriterionType, Money, NoticeType } from '@/lib/notice/schema';
import { parseMoney } from '@/lib/notice/money';
import { labelKey, squeeze } from './dom-text';

/**
 * Small field parsers shared by the portal sources (Atexo, AWS, achatpublic, marches-securises, e-marchespublics):
 * the portals print the same French words for the same things.
 */

/** Eight-digit CPV codes in a text ("71241000 (Code principal)", "39224300-5 - Balais"), in order, deduplicated. */
export function cpvCodesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<!\d)(\d{8})(?:-\d)?(?!\d)/g)) {
    const code = m[1];
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/** CPV list from codes, the first being the main one unless `mainCode` says otherwise. */
export function cpvList(codes: readonly string[], labels: ReadonlyMap<string, string> = new Map(), mainCode?: string): Cpv[] {
  const main = mainCode && codes.includes(mainCode) ? mainCode : codes[0];
  return codes.map((code) => {
    const label = labels.get(code);
    return { code, main: code === main, ...(label ? { label } : {}) };
  });
}

/** "Travaux" / "Fournitures" / "Services" (any case, plural or not) → contract nature. */
export function natureFrom(text: string): ContractNature | undefined {
  const k = labelKey(text);
  if (/travau/.test(k)) return 'works';
  if (/fourniture/.test(k)) return 'supplies';
  if (/service|prestation/.test(k)) return 'services';
  return undefined;
}

/** Notice type from the portal's wording ("Annonce de consultation", "AVIS D'ATTRIBUTION", "Rectificatif"…). */
export function noticeTypeFrom(text: string): NoticeType {
  const k = labelKey(text);
  if (!k) return 'other';
  if (/attribution|resultat|avis d'intention de conclure/.test(k)) return 'award';
  if (/rectificati|modificati|correcti/.test(k)) return 'correction';
  if (/pre-?information|information prealable|annonce d'information|projet d'achat/.test(k)) return 'prior';
  if (/consultation|appel public|appel d'offres|avis de publicite|avis de marche|concurrence/.test(k)) return 'contract';
  return 'other';
}

/** Département codes in the order written: "(85) Vendée, (17) Charente-Maritime" → ["85","17"]; "78450 CHAVENAY" → ["78"]. */
export function departmentsIn(text: string): string[] {
  const out: string[] = [];
  const push = (d: string | undefined): void => {
    if (d && !out.includes(d)) out.push(d);
  };
  for (const m of text.matchAll(/\((\d{2,3}|2[AB])\)/gi)) {
    const d = (m[1] ?? '').toUpperCase();
    if (/^(97\d|\d{2}|2[AB])$/.test(d) && d !== '00' && d !== '20') push(d);
  }
  if (out.length) return out;
  for (const m of text.matchAll(/(?<!\d)(\d{5})(?!\d)/g)) push(departmentOfPostcode(m[1] ?? ''));
  return out;
}

/** Département of a French postcode (Corsica 20xxx → 2A/2B, overseas 97x). */
export function departmentOfPostcode(postcode: string): string | undefined {
  if (!/^\d{5}$/.test(postcode) || postcode === '00000') return undefined;
  if (postcode.startsWith('97') || postcode.startsWith('98')) return postcode.slice(0, 3);
  if (postcode.startsWith('20')) return Number(postcode) < 20200 ? '2A' : '2B';
  return postcode.slice(0, 2);
}

/** First amount of a text, preferring an HT one ("Valeur estimée hors TVA : 246 000,00 €"); see lib/notice/money. */
export function moneyIn(text: string): Money | undefined {
  return parseMoney(text)?.money;
}

/** Criterion type from its name. */
export function criterionType(name: string): CriterionType {
  const k = labelKey(name);
  if (/insertion|social|sociaux|handicap|emploi/.test(k)) return 'social';
  if (/environnement|ecolog|developpement durable|carbone|energ/.test(k)) return 'environmental';
  if (/cout|cycle de vie/.test(k)) return 'cost';
  if (/prix|montant|tarif/.test(k)) return 'price';
  if (/technique|qualit|valeur|methodolog|delai|organisation|moyens/.test(k)) return 'quality';
  return 'other';
}

/** Weighted criteria, one per line: "60 % : Prix", "Prix : 40 %", "1. Valeur technique (60 %)". */
export function criteriaIn(text: string): Criterion[] {
  const out: Criterion[] = [];
  for (const raw of text.split(/\n/)) {
    const line = squeeze(raw);
    let name: string | undefined;
    let weight: number | undefined;
    const before = /^(\d{1,3}(?:[.,]\d+)?)\s*%\s*[:\-–]?\s*(.+)$/.exec(line);
    const after = /^(?:\d+\s*[.)-]\s*)?(.+?)\s*[:(\-–]\s*(\d{1,3}(?:[.,]\d+)?)\s*%\s*\)?\.?$/.exec(line);
    if (before) {
      weight = Number((before[1] ?? '').replace(',', '.'));
      name = before[2];
    } else if (after) {
      name = after[1];
      weight = Number((after[2] ?? '').replace(',', '.'));
    }
    if (!name || weight === undefined || !Number.isFinite(weight) || weight > 100) continue;
    name = squeeze(name.replace(/[.;]$/, ''));
    out.push({ type: criterionType(name), name, weight });
  }
  return out;
}

/** Lots enumerated in a text: "Lot 1 : AMO pour …", "- Lot n°2 - Petits matériels". */
export function lotTitlesIn(text: string): { id: string; title: string }[] {
  const out: { id: string; title: string }[] = [];
  for (const m of text.matchAll(/(?:^|\n|[-•;]\s*)\s*lot\s*(?:n\s*[°º o]\s*)?(\d{1,3})\s*[:\-–.)]\s*([^\n]+)/gi)) {
    const id = m[1] ?? '';
    const title = squeeze((m[2] ?? '').replace(/\s*[;.]\s*$/, '')).replace(/^["«\s]+|["»\s]+$/g, '');
    if (id && title && !out.some((l) => l.id === id)) out.push({ id, title });
  }
  return out;
}

/** Number of lots from "2 lots", "4 Lots ", "Non", "Marché unique" (0 = not divided). */
export function lotCountIn(text: string): number | undefined {
  const k = labelKey(text);
  if (/^non\b|marche unique|pas d'allotissement|non alloti/.test(k)) return 0;
  const m = /(\d{1,3})\s*lots?\b/.exec(k);
  return m ? Number(m[1]) : undefined;
}

/** Links to the structured publication of the same notice (BOAMP idweb, TED number), as "link:boamp:24-47259". */
export function publicationLinksIn(hrefs: readonly string[]): string[] {
  const out: string[] = [];
  for (const href of hrefs) {
    const boamp = /boamp\.fr\/(?:avis\/detail\/|pages\/avis\/?\?q=idweb:%?22?"?)(\d{2}-\d{3,7})/i.exec(href);
    if (boamp?.[1]) out.push(`link:boamp:${boamp[1]}`);
    const ted = /ted\.europa\.eu\/[^\s"']*?(\d{5,8}-\d{4})/i.exec(href);
    if (ted?.[1]) out.push(`link:ted:${ted[1]}`);
  }
  return [...new Set(out)];
}
