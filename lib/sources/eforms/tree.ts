/**
 * The tiny tree the eForms mapping reads. Two adapters build it: `xml-tree.ts` (an eForms XML string or a DOM
 * Document) and `json-tree.ts` (BOAMP's `donnees.EFORMS` JSON, where attributes are `@name`, text is `#text` and a
 * repeated element is an array only when it occurs more than once). The mapping (`map-notice.ts`) is written once,
 * against this interface, so both formats are read by the same code.
 */
export interface EfNode {
  /** Local element name, without namespace prefix ("ProcurementProjectLot"). */
  readonly name: string;
  /** Attributes by local name ("listName", "languageID", "currencyID"…); namespace declarations excluded. */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly EfNode[];
  /** Text content of this element's own text children, trimmed. */
  readonly text: string;
}

/** Local part of a qualified name ("cbc:Name" → "Name"). */
export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Direct children named `name`. */
export function kids(node: EfNode | undefined, name: string): EfNode[] {
  if (!node) return [];
  return node.children.filter((c) => c.name === name);
}

/** First direct child named `name`. */
export function kid(node: EfNode | undefined, name: string): EfNode | undefined {
  if (!node) return undefined;
  return node.children.find((c) => c.name === name);
}

/** All nodes reached by following `path` (local names) from `node`, through every repetition. */
export function walk(node: EfNode | undefined, path: readonly string[]): EfNode[] {
  let current: EfNode[] = node ? [node] : [];
  for (const step of path) {
    const next: EfNode[] = [];
    for (const n of current) for (const c of n.children) if (c.name === step) next.push(c);
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

/** First node at `path`. */
export function at(node: EfNode | undefined, path: readonly string[]): EfNode | undefined {
  return walk(node, path)[0];
}

/** Trimmed text of the first node at `path`, or undefined when absent or empty. */
export function textAt(node: EfNode | undefined, path: readonly string[]): string | undefined {
  for (const n of walk(node, path)) if (n.text !== '') return n.text;
  return undefined;
}

/** Every descendant (depth first) named `name`. */
export function descendants(node: EfNode | undefined, name: string, out: EfNode[] = []): EfNode[] {
  if (!node) return out;
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** The eForms UBL extension block (`ext:UBLExtensions/…/efext:EformsExtension`) directly under `node`. */
export function eformsExtension(node: EfNode | undefined): EfNode | undefined {
  return at(node, ['UBLExtensions', 'UBLExtension', 'ExtensionContent', 'EformsExtension']);
}
