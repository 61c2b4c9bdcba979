import { localName, type EfNode } from './tree';

/**
 * XML → EfNode adapters.
 *
 * `xmlToTree` is a small non-validating XML reader written for eForms notices (elements, attributes, text, CDATA,
 * comments, processing instructions, the five predefined entities and numeric character references; no DTD).
 * It needs no DOM, so the same code runs in Node (CLI, tests, benchmarks) and in the extension, and it never throws:
 * a truncated or broken document yields the part that was read plus warnings.
 *
 * `domToTree` reads a DOM already parsed by a DOMParser (the browser's, or linkedom's in Node) — the caller passes
 * the Document, lib/ never touches a global.
 */

interface MutableNode {
  name: string;
  attrs: Record<string, string>;
  children: MutableNode[];
  text: string;
}

export interface XmlTreeResult {
  root: EfNode | undefined;
  /** Namespace URI of the root element (its default `xmlns` or the one bound to its prefix), if declared. */
  rootNamespace: string | undefined;
  warnings: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) {
      const cp = parseInt(body.slice(2), 16);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    if (body.startsWith('#')) {
      const cp = parseInt(body.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[body] ?? m;
  });
}

const ATTR_RE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Parse an XML string into an EfNode tree. Never throws. */
export function xmlToTree(xml: string): XmlTreeResult {
  const warnings: string[] = [];
  const stack: MutableNode[] = [];
  let root: MutableNode | undefined;
  let rootNamespace: string | undefined;
  let i = 0;
  const n = xml.length;
  // Text is accumulated per open element; only direct text counts (mixed content is rare in eForms).
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && stack.length > 0) {
      const top = stack[stack.length - 1]!;
      top.text += decodeEntities(xml.slice(i, textEnd));
    }
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) {
        warnings.push('xml: commentaire non fermé (document tronqué ?)');
        break;
      }
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      const body = xml.slice(i + 9, end < 0 ? n : end);
      if (stack.length > 0) stack[stack.length - 1]!.text += body;
      if (end < 0) {
        warnings.push('xml: section CDATA non fermée (document tronqué ?)');
        break;
      }
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) break;
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!', i)) {
      // DOCTYPE or other declaration: skipped (eForms has none).
      const end = xml.indexOf('>', i + 2);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    const gt = findTagEnd(xml, i + 1);
    if (gt < 0) {
      warnings.push('xml: balise non fermée en fin de document (document tronqué ?)');
      break;
    }
    const inner = xml.slice(i + 1, gt);
    i = gt + 1;
    if (inner.startsWith('/')) {
      const name = localName(inner.slice(1).trim());
      // Pop to the matching element; tolerate a mismatch instead of failing.
      let k = stack.length - 1;
      while (k >= 0 && stack[k]!.name !== name) k--;
      if (k < 0) {
        warnings.push(`xml: balise fermante inattendue </${name}>`);
        continue;
      }
      if (k !== stack.length - 1) warnings.push(`xml: élément(s) non fermé(s) avant </${name}>`);
      stack.length = k;
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const nameMatch = /^[^\s/>]+/.exec(body);
    if (!nameMatch) {
      warnings.push('xml: balise sans nom ignorée');
      continue;
    }
    const qname = nameMatch[0];
    const node: MutableNode = { name: localName(qname), attrs: {}, children: [], text: '' };
    const nsDecl: Record<string, string> = {};
    ATTR_RE.lastIndex = qname.length;
    for (let m = ATTR_RE.exec(body); m; m = ATTR_RE.exec(body)) {
      const aname = m[1]!;
      const value = decodeEntities(m[3] ?? m[4] ?? '');
      if (aname === 'xmlns') nsDecl[''] = value;
      else if (aname.startsWith('xmlns:')) nsDecl[aname.slice(6)] = value;
      else node.attrs[localName(aname)] = value;
    }
    if (stack.length === 0) {
      if (root) {
        warnings.push('xml: plusieurs éléments racine, seul le premier est lu');
        break;
      }
      root = node;
      const prefix = qname.includes(':') ? qname.slice(0, qname.indexOf(':')) : '';
      rootNamespace = nsDecl[prefix];
    } else {
      stack[stack.length - 1]!.children.push(node);
    }
    if (!selfClosing) stack.push(node);
  }
  if (stack.length > 0) warnings.push(`xml: ${stack.length} élément(s) non fermé(s) (document tronqué ?)`);
  if (!root) warnings.push('xml: aucun élément racine');
  if (root) trimTexts(root);
  return { root, rootNamespace, warnings };
}

/** Index of the `>` closing a tag opened before `from`, skipping quoted attribute values; -1 if none (truncated). */
function findTagEnd(xml: string, from: number): number {
  for (let j = from; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (c === 62 /* > */) return j;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const k = xml.indexOf(c === 34 ? '"' : "'", j + 1);
      if (k < 0) return -1;
      j = k;
    } else if (c === 60 /* < */) return -1;
  }
  return -1;
}

function trimTexts(node: MutableNode): void {
  // Iterative to survive very deep (hostile) documents without a stack overflow.
  const todo: MutableNode[] = [node];
  while (todo.length > 0) {
    const cur = todo.pop()!;
    cur.text = cur.text.trim();
    for (const c of cur.children) todo.push(c);
  }
}

/** Read a DOM Element (from any DOMParser) into an EfNode tree. */
export function domToTree(el: Element): EfNode {
  const attrs: Record<string, string> = {};
  for (const a of Array.from(el.attributes)) {
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
    attrs[localName(a.name)] = a.value;
  }
  const children: EfNode[] = [];
  let text = '';
  for (const c of Array.from(el.childNodes)) {
    // 1 = element, 3 = text, 4 = CDATA (numeric constants: no DOM globals in lib/).
    if (c.nodeType === 1) children.push(domToTree(c as Element));
    else if (c.nodeType === 3 || c.nodeType === 4) text += c.nodeValue ?? '';
  }
  return { name: localName(el.localName ?? el.nodeName), attrs, children, text: text.trim() };
}
