/**
 * A small, dependency-free XML reader giving the same JSON as DILA's XML→JSON conversion of `donnees`
 * (elements → keys, repeated elements → arrays, attributes → `@name`, text beside attributes → `#text`,
 * empty element → ""). Enough for the BOAMP XML flux (no DTDs, no namespaces to resolve); runs in Node and in
 * the extension's service worker, which has no DOMParser. Never throws: problems are reported in `warnings`
 * and whatever was read so far is returned.
 */

export type XmlJson = string | { [key: string]: XmlJson | XmlJson[] };

interface Frame {
  name: string;
  attrs: Record<string, string>;
  children: [string, XmlJson][];
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, e: string) => {
    if (e.startsWith('#x')) return safeCodePoint(parseInt(e.slice(2), 16)) ?? whole;
    if (e.startsWith('#')) return safeCodePoint(parseInt(e.slice(1), 10)) ?? whole;
    return ENTITIES[e] ?? whole;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

function frameToJson(f: Frame): XmlJson {
  const text = f.text.trim();
  const attrKeys = Object.keys(f.attrs);
  if (f.children.length === 0 && attrKeys.length === 0) return text;
  const out: { [key: string]: XmlJson | XmlJson[] } = {};
  for (const k of attrKeys) out[`@${k}`] = f.attrs[k] ?? '';
  for (const [name, value] of f.children) {
    const prev = out[name];
    if (prev === undefined) out[name] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[name] = [prev, value];
  }
  if (text !== '') out['#text'] = text;
  return out;
}

const ATTR = /([^\s=/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Parse an XML document; `root` is the document element's name and `value` its JSON. */
export function xmlToJson(xml: string): { root?: string; value?: XmlJson; warnings: string[] } {
  const warnings: string[] = [];
  const stack: Frame[] = [];
  let result: { root: string; value: XmlJson } | undefined;
  let i = 0;
  const n = xml.length;
  const closeTop = (): void => {
    const f = stack.pop();
    if (!f) return;
    const value = frameToJson(f);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push([f.name, value]);
    else result ??= { root: f.name, value };
  };
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i && stack.length > 0) {
      const top = stack[stack.length - 1];
      const chunk = xml.slice(i, textEnd);
      // Indentation between elements is not text; skip it cheaply.
      if (top && (top.text !== '' || chunk.trim() !== '')) top.text += decodeEntities(chunk);
    }
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      const top = stack[stack.length - 1];
      if (top) top.text += xml.slice(lt + 9, end === -1 ? n : end);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt + 2);
      i = end === -1 ? n : end + 1;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt === -1) {
      warnings.push('XML tronqué (balise non fermée)');
      break;
    }
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      let idx = stack.length - 1;
      while (idx >= 0 && stack[idx]?.name !== name) idx--;
      if (idx === -1) {
        warnings.push(`balise fermante inattendue </${name}>`);
        continue;
      }
      if (idx !== stack.length - 1) warnings.push(`balises non fermées avant </${name}>`);
      while (stack.length > idx) closeTop();
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameMatch = /^\s*([^\s/>]+)/.exec(body);
    if (!nameMatch?.[1]) {
      warnings.push('balise sans nom ignorée');
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const m of body.slice(nameMatch[0].length).matchAll(ATTR)) {
      if (m[1]) attrs[m[1]] = decodeEntities(m[3] ?? m[4] ?? '');
    }
    stack.push({ name: nameMatch[1], attrs, children: [], text: '' });
    if (selfClosing) closeTop();
  }
  if (stack.length > 0) {
    warnings.push(`XML tronqué : ${stack.length} élément(s) non fermé(s)`);
    while (stack.length > 0) closeTop();
  }
  if (!result) warnings.push('aucun élément XML lu');
  return result ? { root: result.root, value: result.value, warnings } : { warnings };
}
