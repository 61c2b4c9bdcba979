/**
 * Reading the JSON that DILA produces from its XML (`donnees`, `gestion`): the conventions are those of an
 * XML→JSON conversion, so every accessor here copes with them instead of each family parser re-doing it:
 * - an element repeated once is an object, repeated several times an array (`asArray` always gives an array);
 * - text with attributes is `{"@ATTR": "…", "#text": "…"}`, plain text is a string, an empty element is `""`;
 * - a choice is the presence of a key (`{"OUVERT": ""}`, `MARCHE_RESERVE_NON: ""`);
 * - numbers are strings.
 */

export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One-or-many → array; `undefined`/`null`/`""` → empty array. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Child object at a path of keys (through single objects only; the first item of an array). */
export function child(value: unknown, ...keys: string[]): unknown {
  let cur: unknown = value;
  for (const key of keys) {
    if (Array.isArray(cur)) cur = cur[0];
    if (!isObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** The text of a node: a string, a number, or `#text` of an object; trimmed; `undefined` when empty. */
export function text(value: unknown): string | undefined {
  let v = value;
  if (Array.isArray(v)) {
    const parts = v.map((item) => text(item)).filter((s): s is string => s !== undefined);
    return parts.length > 0 ? parts.join('\n') : undefined;
  }
  if (isObject(v)) v = v['#text'];
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** Text at a path of keys. */
export function textAt(value: unknown, ...keys: string[]): string | undefined {
  return text(child(value, ...keys));
}

/** An attribute (`@NAME`) of a node. */
export function attr(value: unknown, name: string): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return isObject(v) ? text(v[`@${name}`]) : undefined;
}

/** Is this key present (a choice element or a flag like `MARCHE_RESERVE_NON`)? */
export function has(value: unknown, key: string): boolean {
  const v = Array.isArray(value) ? value[0] : value;
  return isObject(v) && Object.prototype.hasOwnProperty.call(v, key);
}

/** The first key among `keys` present in the object. */
export function firstKey<K extends string>(value: unknown, keys: readonly K[]): K | undefined {
  return keys.find((k) => has(value, k));
}

/** Keys of a choice node (`{"SERVICE": ""}` → ["SERVICE"]), attributes left out. */
export function keysOf(value: unknown): string[] {
  const v = Array.isArray(value) ? value[0] : value;
  return isObject(v) ? Object.keys(v).filter((k) => !k.startsWith('@') && k !== '#text') : [];
}

/** Every piece of text below a node, in document order (used for the free-text parts of `fullText`). */
export function allText(value: unknown, skipKeys: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const t = v.trim();
      if (t) out.push(t);
    } else if (Array.isArray(v)) {
      v.forEach(walk);
    } else if (isObject(v)) {
      for (const [k, c] of Object.entries(v)) {
        if (k.startsWith('@') || skipKeys.has(k)) continue;
        walk(c);
      }
    }
  };
  walk(value);
  return out;
}

/** Parse a JSON string without throwing. */
export function parseJsonString(value: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (typeof value !== 'string') return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) as unknown };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
