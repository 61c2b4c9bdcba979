import { departmentByCode, departmentByName, departmentsInNuts, normalizeDepartmentCode } from '@/lib/notice/places';
import { normalizeText } from '@/lib/notice/normalize';

/**
 * The territory typed in the options page ("93, Val-de-Marne, Île-de-France") → département codes, validated.
 * Regions are expanded through their NUTS 1 code (NUTS 2021, the codes of lib/notice/places.ts).
 */
export const REGIONS: readonly { name: string; nuts: string }[] = [
  { name: 'Île-de-France', nuts: 'FR1' },
  { name: 'Centre-Val de Loire', nuts: 'FRB' },
  { name: 'Bourgogne-Franche-Comté', nuts: 'FRC' },
  { name: 'Normandie', nuts: 'FRD' },
  { name: 'Hauts-de-France', nuts: 'FRE' },
  { name: 'Grand Est', nuts: 'FRF' },
  { name: 'Pays de la Loire', nuts: 'FRG' },
  { name: 'Bretagne', nuts: 'FRH' },
  { name: 'Nouvelle-Aquitaine', nuts: 'FRI' },
  { name: 'Occitanie', nuts: 'FRJ' },
  { name: 'Auvergne-Rhône-Alpes', nuts: 'FRK' },
  { name: "Provence-Alpes-Côte d'Azur", nuts: 'FRL' },
  { name: 'Corse', nuts: 'FRM' },
  { name: 'Outre-mer', nuts: 'FRY' },
];

function key(text: string): string {
  return normalizeText(text).replace(/['’-]/g, ' ').replace(/\s+/g, ' ').trim();
}

export interface TerritoryParse {
  /** Canonical département codes, in the order typed, without repeats. */
  codes: string[];
  /** Entries recognised neither as a code, a département name nor a region name. */
  unknown: string[];
}

export function parseTerritory(text: string): TerritoryParse {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[,;\n]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    // "93 - Seine-Saint-Denis" or "Seine-Saint-Denis (93)": the code wins.
    const codeMatch = /^(2[AaBb]|97[1-6]|\d{1,2})\b|\((2[AaBb]|97[1-6]|\d{2})\)$/.exec(entry);
    const code = codeMatch ? normalizeDepartmentCode(codeMatch[1] ?? codeMatch[2] ?? '') : undefined;
    const byName = code ? undefined : departmentByName(entry);
    const region = code || byName ? undefined : REGIONS.find((r) => key(r.name) === key(entry));
    const found = code ? [code] : byName ? [byName.code] : region ? departmentsInNuts(region.nuts) : [];
    if (found.length === 0) unknown.push(entry);
    for (const c of found) if (!codes.includes(c)) codes.push(c);
  }
  return { codes, unknown };
}

/** "93 Seine-Saint-Denis, 94 Val-de-Marne" for display. */
export function describeDepartments(codes: readonly string[]): string {
  return codes.map((c) => `${c} ${departmentByCode(c)?.name ?? ''}`.trim()).join(', ');
}
