import { normalizeText } from './normalize';

/**
 * French départements: codes ("01"…"95", "2A"/"2B", "971"…"976"), names written with or without accents
 * ("Seine-Saint-Denis", "seine st denis" → "93"), postcodes ("93100", Corsica "20000" → "2A") and NUTS 3 codes
 * ("FR106" ↔ "93"). The NUTS codes are those of the eForms codelist nuts-fra-lvl3 (NUTS 2021, SDK 1.15.1), matched to
 * the départements by name; older NUTS versions (2013: "FR301"…) are not mapped.
 */

/** [code, name, NUTS 3 (2021)] for the 101 départements. */
const DEPARTMENTS: ReadonlyArray<readonly [string, string, string]> = [
  ['01', "Ain", 'FRK21'],
  ['02', "Aisne", 'FRE21'],
  ['03', "Allier", 'FRK11'],
  ['04', "Alpes-de-Haute-Provence", 'FRL01'],
  ['05', "Hautes-Alpes", 'FRL02'],
  ['06', "Alpes-Maritimes", 'FRL03'],
  ['07', "Ardèche", 'FRK22'],
  ['08', "Ardennes", 'FRF21'],
  ['09', "Ariège", 'FRJ21'],
  ['10', "Aube", 'FRF22'],
  ['11', "Aude", 'FRJ11'],
  ['12', "Aveyron", 'FRJ22'],
  ['13', "Bouches-du-Rhône", 'FRL04'],
  ['14', "Calvados", 'FRD11'],
  ['15', "Cantal", 'FRK12'],
  ['16', "Charente", 'FRI31'],
  ['17', "Charente-Maritime", 'FRI32'],
  ['18', "Cher", 'FRB01'],
  ['19', "Corrèze", 'FRI21'],
  ['2A', "Corse-du-Sud", 'FRM01'],
  ['2B', "Haute-Corse", 'FRM02'],
  ['21', "Côte-d'Or", 'FRC11'],
  ['22', "Côtes-d'Armor", 'FRH01'],
  ['23', "Creuse", 'FRI22'],
  ['24', "Dordogne", 'FRI11'],
  ['25', "Doubs", 'FRC21'],
  ['26', "Drôme", 'FRK23'],
  ['27', "Eure", 'FRD21'],
  ['28', "Eure-et-Loir", 'FRB02'],
  ['29', "Finistère", 'FRH02'],
  ['30', "Gard", 'FRJ12'],
  ['31', "Haute-Garonne", 'FRJ23'],
  ['32', "Gers", 'FRJ24'],
  ['33', "Gironde", 'FRI12'],
  ['34', "Hérault", 'FRJ13'],
  ['35', "Ille-et-Vilaine", 'FRH03'],
  ['36', "Indre", 'FRB03'],
  ['37', "Indre-et-Loire", 'FRB04'],
  ['38', "Isère", 'FRK24'],
  ['39', "Jura", 'FRC22'],
  ['40', "Landes", 'FRI13'],
  ['41', "Loir-et-Cher", 'FRB05'],
  ['42', "Loire", 'FRK25'],
  ['43', "Haute-Loire", 'FRK13'],
  ['44', "Loire-Atlantique", 'FRG01'],
  ['45', "Loiret", 'FRB06'],
  ['46', "Lot", 'FRJ25'],
  ['47', "Lot-et-Garonne", 'FRI14'],
  ['48', "Lozère", 'FRJ14'],
  ['49', "Maine-et-Loire", 'FRG02'],
  ['50', "Manche", 'FRD12'],
  ['51', "Marne", 'FRF23'],
  ['52', "Haute-Marne", 'FRF24'],
  ['53', "Mayenne", 'FRG03'],
  ['54', "Meurthe-et-Moselle", 'FRF31'],
  ['55', "Meuse", 'FRF32'],
  ['56', "Morbihan", 'FRH04'],
  ['57', "Moselle", 'FRF33'],
  ['58', "Nièvre", 'FRC12'],
  ['59', "Nord", 'FRE11'],
  ['60', "Oise", 'FRE22'],
  ['61', "Orne", 'FRD13'],
  ['62', "Pas-de-Calais", 'FRE12'],
  ['63', "Puy-de-Dôme", 'FRK14'],
  ['64', "Pyrénées-Atlantiques", 'FRI15'],
  ['65', "Hautes-Pyrénées", 'FRJ26'],
  ['66', "Pyrénées-Orientales", 'FRJ15'],
  ['67', "Bas-Rhin", 'FRF11'],
  ['68', "Haut-Rhin", 'FRF12'],
  ['69', "Rhône", 'FRK26'],
  ['70', "Haute-Saône", 'FRC23'],
  ['71', "Saône-et-Loire", 'FRC13'],
  ['72', "Sarthe", 'FRG04'],
  ['73', "Savoie", 'FRK27'],
  ['74', "Haute-Savoie", 'FRK28'],
  ['75', "Paris", 'FR101'],
  ['76', "Seine-Maritime", 'FRD22'],
  ['77', "Seine-et-Marne", 'FR102'],
  ['78', "Yvelines", 'FR103'],
  ['79', "Deux-Sèvres", 'FRI33'],
  ['80', "Somme", 'FRE23'],
  ['81', "Tarn", 'FRJ27'],
  ['82', "Tarn-et-Garonne", 'FRJ28'],
  ['83', "Var", 'FRL05'],
  ['84', "Vaucluse", 'FRL06'],
  ['85', "Vendée", 'FRG05'],
  ['86', "Vienne", 'FRI34'],
  ['87', "Haute-Vienne", 'FRI23'],
  ['88', "Vosges", 'FRF34'],
  ['89', "Yonne", 'FRC14'],
  ['90', "Territoire de Belfort", 'FRC24'],
  ['91', "Essonne", 'FR104'],
  ['92', "Hauts-de-Seine", 'FR105'],
  ['93', "Seine-Saint-Denis", 'FR106'],
  ['94', "Val-de-Marne", 'FR107'],
  ['95', "Val-d'Oise", 'FR108'],
  ['971', "Guadeloupe", 'FRY10'],
  ['972', "Martinique", 'FRY20'],
  ['973', "Guyane", 'FRY30'],
  ['974', "La Réunion", 'FRY40'],
  ['976', "Mayotte", 'FRY50'],];

export interface Department {
  code: string;
  name: string;
  nuts: string;
}

const BY_CODE = new Map<string, Department>(DEPARTMENTS.map(([code, name, nuts]) => [code, { code, name, nuts }]));
const BY_NUTS = new Map<string, Department>(DEPARTMENTS.map(([code, name, nuts]) => [nuts, { code, name, nuts }]));

/** Names for matching: normalised, "saint" and "st" alike, hyphens and apostrophes as spaces. */
function nameKey(name: string): string {
  return normalizeText(name)
    .replace(/['-]/g, ' ')
    .replace(/\bste?\b/g, (m) => (m === 'st' ? 'saint' : 'sainte'))
    .replace(/\s+/g, ' ')
    .trim();
}
const BY_NAME = new Map<string, Department>(DEPARTMENTS.map(([code, name, nuts]) => [nameKey(name), { code, name, nuts }]));
// Names also met without their article or in older spellings.
BY_NAME.set(nameKey('Réunion'), BY_CODE.get('974') as Department);
BY_NAME.set(nameKey('Belfort'), BY_CODE.get('90') as Department);
BY_NAME.set(nameKey('Guyane française'), BY_CODE.get('973') as Department);

/** All départements, in code order. */
export function allDepartments(): Department[] {
  return [...BY_CODE.values()];
}

/** A département code as written ("1", "01", "2a", "974", "93 ") → canonical code, if it exists. */
export function normalizeDepartmentCode(input: string): string | undefined {
  if (typeof input !== 'string') return undefined;
  const s = input.trim().toUpperCase();
  const code = /^\d$/.test(s) ? `0${s}` : s;
  return BY_CODE.has(code) ? code : undefined;
}

export function departmentByCode(code: string): Department | undefined {
  const c = normalizeDepartmentCode(code);
  return c ? BY_CODE.get(c) : undefined;
}

/** "Seine-Saint-Denis", "seine st denis", "Val d'Oise", "CÔTES-D'ARMOR" → the département. */
export function departmentByName(name: string): Department | undefined {
  if (typeof name !== 'string') return undefined;
  return BY_NAME.get(nameKey(name));
}

/**
 * Postcode → département code: first two digits, three for overseas (971–976), Corsica split at 20200
 * (20000–20199 Corse-du-Sud "2A", 20200–20620 Haute-Corse "2B"). Undefined for non-French or unknown codes.
 */
export function departmentFromPostcode(postcode: string): string | undefined {
  if (typeof postcode !== 'string') return undefined;
  const s = postcode.replace(/\s/g, '');
  if (!/^\d{5}$/.test(s)) return undefined;
  if (s.startsWith('97')) return BY_CODE.has(s.slice(0, 3)) ? s.slice(0, 3) : undefined;
  if (s.startsWith('20')) return Number(s) < 20200 ? '2A' : '2B';
  const code = s.slice(0, 2);
  return BY_CODE.has(code) ? code : undefined;
}

/** NUTS 3 code ("FR106", "FRY40") → département code; undefined for other levels or unknown codes. */
export function departmentFromNuts(nuts: string): string | undefined {
  if (typeof nuts !== 'string') return undefined;
  return BY_NUTS.get(nuts.trim().toUpperCase())?.code;
}

/** The départements inside a NUTS code of any level ("FR10" → the 8 of Île-de-France, "FR" → all). */
export function departmentsInNuts(nuts: string): string[] {
  if (typeof nuts !== 'string') return [];
  const prefix = nuts.trim().toUpperCase();
  if (!/^FR[0-9A-Z]{0,3}$/.test(prefix)) return [];
  return DEPARTMENTS.filter(([, , n]) => n.startsWith(prefix)).map(([code]) => code);
}

/** Département code → its NUTS 3 code (2021). */
export function nutsFromDepartment(code: string): string | undefined {
  return departmentByCode(code)?.nuts;
}

// "Dépt. : 93", "Département(s) de publication : 93", "(93)", "93 - Seine-Saint-Denis".
const DEPT_LABEL_RE = /\b(?:d[ée]pt\.?|d[ée]partement(?:\(s\))?(?:\s+de\s+publication)?)\s*:?\s*(2[AaBb]|97[1-6]|\d{2})\b/iu;
// A postcode next to a town name ("93232 Romainville") or in brackets ("Montreuil (93100)").
const POSTCODE_RE = /(?<![\d-])((?:0[1-9]|[1-8]\d|9[0-5]|2[0-9]|97)\d{3})(?![\d])(?:\s+[A-ZÀ-Ýa-zà-ÿ]|\))/u;
// "Paris (75)", "Bastia (2B)".
const DEPT_IN_BRACKETS_RE = /\((2[AB]|97[1-6]|\d{2})\)/;
const NUTS_RE = /\b(FR[A-Z0-9]\d{2}|FRY\d0)\b/;

/**
 * The département a text talks about, by decreasing confidence: an explicit "Dépt. : 93", a NUTS 3 code, a postcode
 * next to a town name, a code in brackets "(93)", a département name. Undefined when nothing is found.
 */
export function findDepartment(text: string): { code: string; evidence: string } | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  const label = DEPT_LABEL_RE.exec(text);
  const fromLabel = label?.[1] ? normalizeDepartmentCode(label[1]) : undefined;
  if (fromLabel && label) return { code: fromLabel, evidence: label[0] };
  const nuts = NUTS_RE.exec(text);
  const fromNuts = nuts?.[1] ? departmentFromNuts(nuts[1]) : undefined;
  if (fromNuts && nuts) return { code: fromNuts, evidence: nuts[0] };
  const post = POSTCODE_RE.exec(text);
  const fromPost = post?.[1] ? departmentFromPostcode(post[1]) : undefined;
  if (fromPost && post?.[1]) return { code: fromPost, evidence: post[1] };
  const bracket = DEPT_IN_BRACKETS_RE.exec(text);
  const fromBracket = bracket?.[1] ? normalizeDepartmentCode(bracket[1]) : undefined;
  if (fromBracket && bracket) return { code: fromBracket, evidence: bracket[0] };
  const key = ` ${nameKey(text)} `;
  // Longest names first so "Haute-Savoie" is not read as "Savoie".
  const names = [...BY_NAME.entries()].sort((a, b) => b[0].length - a[0].length);
  for (const [name, dep] of names) {
    if (name.length >= 4 && key.includes(` ${name} `)) return { code: dep.code, evidence: dep.name };
  }
  return undefined;
}
