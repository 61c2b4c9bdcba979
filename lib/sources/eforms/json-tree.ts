import { localName, type EfNode } from './tree';

/**
 * BOAMP JSON → EfNode. BOAMP's API stores the eForms XML converted to JSON (xmltodict style, research/boamp.md §4.1):
 * an element is a key "prefix:Name"; its value is a string (text only), an object (attributes as "@name", text as
 * "#text", child elements as keys) or, when the element occurs several times, an array of those. `null` is an empty
 * element. Anything else (numbers, booleans from a re-encoding) is read as text.
 */
export function jsonToTree(name: string, value: unknown, depth = 0): EfNode[] {
  // Depth guard: hostile input must not overflow the stack.
  if (depth > 200) return [];
  if (Array.isArray(value)) return value.flatMap((v) => jsonToTree(name, v, depth + 1));
  const local = localName(name);
  if (value === null || value === undefined) return [{ name: local, attrs: {}, children: [], text: '' }];
  if (typeof value !== 'object') {
    return [{ name: local, attrs: {}, children: [], text: String(value).trim() }];
  }
  const attrs: Record<string, string> = {};
  const children: EfNode[] = [];
  let text = '';
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === '#text') text = v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v).trim();
    else if (k.startsWith('@')) {
      if (k === '@xmlns' || k.startsWith('@xmlns:')) continue;
      if (v !== null && typeof v !== 'object') attrs[localName(k.slice(1))] = String(v);
    } else children.push(...jsonToTree(k, v, depth + 1));
  }
  return [{ name: local, attrs, children, text }];
}

/**
 * The root element of a BOAMP `donnees.EFORMS` object: its single key is the eForms root
 * ("ContractNotice", "ContractAwardNotice", "PriorInformationNotice"). Accepts the `donnees` object too
 * (`{EFORMS: {...}}`) and the record's `donnees` string.
 */
export function eformsJsonRoot(input: unknown): EfNode | undefined {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const obj = value as Record<string, unknown>;
  if ('EFORMS' in obj) return eformsJsonRoot(obj.EFORMS);
  for (const key of Object.keys(obj)) {
    const local = localName(key);
    if (local === 'ContractNotice' || local === 'ContractAwardNotice' || local === 'PriorInformationNotice') {
      return jsonToTree(key, Array.isArray(obj[key]) ? (obj[key] as unknown[])[0] : obj[key])[0];
    }
  }
  return undefined;
}
