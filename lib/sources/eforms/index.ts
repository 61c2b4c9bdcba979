/**
 * eForms notices → Notice. Entry points:
 * - `parseEformsXml(xml, url?)`: an eForms XML notice (TED download, BOAMP XML, SDK example) → TED Notice.
 * - `parseEformsDocument(doc, url?)`: the same from a DOM Document already parsed by a DOMParser.
 * - `parseEformsJson(root)`: BOAMP `donnees.EFORMS` JSON → `EformsMapped` (the BOAMP source merges it with its record).
 * - `isEformsXml(text)`: is this text an eForms procurement notice?
 * All never throw: a partial result with warnings instead.
 */
import { normalizeIsoDate } from '@/lib/notice/dates';
import { emptyNotice, NoticeSchema, type Notice } from '@/lib/notice/schema';
import { eformsJsonRoot } from './json-tree';
import { isEformsRoot, mapEforms, type EformsMapped } from './map-notice';
import type { EfNode } from './tree';
import { domToTree, xmlToTree } from './xml-tree';
import { tedNoticePageUrl } from '@/lib/sources/ted/urls';

export { tedNoticePageUrl } from '@/lib/sources/ted/urls';

export type { EformsMapped, EformsIds } from './map-notice';
export { mapEforms } from './map-notice';

/** Namespaces of the three eForms procurement roots (UBL 2.3 document schemas). */
export const EFORMS_ROOT_NAMESPACES: Readonly<Record<string, string>> = {
  ContractNotice: 'urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2',
  ContractAwardNotice: 'urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2',
  PriorInformationNotice: 'urn:oasis:names:specification:ubl:schema:xsd:PriorInformationNotice-2',
};

/**
 * Cheap check on the first bytes: root element ContractNotice / ContractAwardNotice / PriorInformationNotice bound
 * to its eForms (UBL) namespace. Does not parse the whole document.
 */
export function isEformsXml(text: string): boolean {
  const head = text.slice(0, 4096);
  const m = /<(?:([A-Za-z_][\w.-]*):)?(ContractNotice|ContractAwardNotice|PriorInformationNotice)\b([^>]*)>/.exec(head);
  if (!m) return false;
  const prefix = m[1];
  const ns = EFORMS_ROOT_NAMESPACES[m[2]!]!;
  const attrs = m[3] ?? '';
  const declared = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']${ns.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`);
  return declared.test(attrs);
}

/** Build the TED Notice from a mapped eForms notice. */
export function eformsToNotice(mapped: EformsMapped, format: string, url?: string, extraWarnings: readonly string[] = []): Notice {
  const { ids } = mapped;
  const id =
    ids.publicationNumber ??
    (ids.noticeId ? `${ids.noticeId}${ids.version ? `-${ids.version}` : ''}` : undefined) ??
    ids.procedureId ??
    'eforms-sans-identifiant';
  const pageUrl = ids.publicationNumber ? tedNoticePageUrl(ids.publicationNumber) : (url ?? '');
  const notice = emptyNotice('ted', id, pageUrl, format);
  notice.title = mapped.title;
  if (mapped.description !== undefined) notice.description = mapped.description;
  notice.buyer = mapped.buyer;
  notice.noticeType = mapped.noticeType;
  if (mapped.procedure) notice.procedure = mapped.procedure;
  if (mapped.contractNature) notice.contractNature = mapped.contractNature;
  if (mapped.publishedAt) notice.publishedAt = mapped.publishedAt;
  // The XML gives a true instant with its own offset (often Z); the Notice shows it in Paris time (DESIGN contract).
  const deadline = mapped.deadline ? (normalizeIsoDate(mapped.deadline) ?? mapped.deadline) : undefined;
  if (deadline) notice.deadline = deadline;
  if (mapped.estimatedValue) notice.estimatedValue = mapped.estimatedValue;
  notice.cpv = mapped.cpv;
  notice.place = mapped.place;
  notice.lots = mapped.lots;
  notice.criteria = mapped.criteria;
  notice.reserved = mapped.reserved;
  notice.socialSignals = mapped.socialSignals;
  if (mapped.awards) notice.awards = mapped.awards;
  notice.fullText = mapped.fullTextParts.join('\n');
  const warnings = [...extraWarnings, ...mapped.warnings];
  notice.raw = { format, fieldsUsed: mapped.fieldsUsed, ...(warnings.length > 0 ? { warnings } : {}) };
  return checked(notice);
}

/** Validate against the contract; on the (unexpected) failure, drop to a minimal valid Notice with the reason. */
function checked(notice: Notice): Notice {
  const parsed = NoticeSchema.safeParse(notice);
  if (parsed.success) return parsed.data;
  const fallback = emptyNotice(notice.source, notice.id || 'eforms-sans-identifiant', notice.url, notice.raw.format);
  fallback.title = notice.title;
  fallback.fullText = notice.fullText;
  fallback.raw.warnings = [...(notice.raw.warnings ?? []), `avis non conforme au modèle : ${parsed.error.issues[0]?.message ?? '?'}`];
  return fallback;
}

function fromTree(root: EfNode | undefined, format: string, url: string | undefined, warnings: string[]): Notice {
  if (!root) {
    const n = emptyNotice('ted', 'eforms-illisible', url ?? '', format);
    n.raw.warnings = [...warnings, 'aucun avis eForms lisible'];
    return n;
  }
  return eformsToNotice(mapEforms(root), format, url, warnings);
}

/**
 * The eForms root: the document root, or the first eForms root nested in a wrapper (a notice inside an envelope,
 * e.g. a publication flux that wraps the eForms XML with its own metadata). Breadth first, iterative.
 */
function findEformsRoot(root: EfNode | undefined): EfNode | undefined {
  if (!root || isEformsRoot(root)) return root;
  const queue: EfNode[] = [...root.children];
  for (let i = 0; i < queue.length && i < 100_000; i++) {
    const n = queue[i]!;
    if (isEformsRoot(n)) return n;
    queue.push(...n.children);
  }
  return root;
}

/** Parse an eForms XML notice (string) into a Notice. Never throws. */
export function parseEformsXml(xml: string, url?: string): Notice {
  const { root: docRoot, rootNamespace, warnings } = xmlToTree(typeof xml === 'string' ? xml : '');
  const root = findEformsRoot(docRoot);
  if (root && root !== docRoot) warnings.push(`avis eForms trouvé à l’intérieur de <${docRoot?.name ?? '?'}>`);
  else if (root && isEformsRoot(root) && rootNamespace !== EFORMS_ROOT_NAMESPACES[root.name]) {
    warnings.push(`espace de noms inattendu pour ${root.name} : ${rootNamespace ?? '(aucun)'}`);
  }
  return fromTree(root, 'eforms-xml', url, warnings);
}

/** Parse an eForms notice already parsed into a DOM Document (browser DOMParser, linkedom in Node). */
export function parseEformsDocument(doc: Document, url?: string): Notice {
  const el = doc.documentElement;
  return fromTree(findEformsRoot(el ? domToTree(el) : undefined), 'eforms-xml', url, []);
}

/**
 * BOAMP `donnees.EFORMS` (or the whole `donnees`, object or string) → EformsMapped. When no eForms root is found,
 * an empty mapping with a warning (never throws).
 */
export function parseEformsJson(root: unknown): EformsMapped {
  let tree: EfNode | undefined;
  try {
    tree = eformsJsonRoot(root);
  } catch {
    tree = undefined;
  }
  if (!tree) {
    return {
      ids: {},
      rootName: '',
      title: '',
      buyer: { name: '' },
      noticeType: 'other',
      cpv: [],
      place: {},
      lots: [],
      criteria: [],
      reserved: 'unknown',
      socialSignals: [],
      fullTextParts: [],
      fieldsUsed: [],
      warnings: ['donnees.EFORMS : aucun avis eForms (ContractNotice, ContractAwardNotice, PriorInformationNotice)'],
    };
  }
  return mapEforms(tree);
}
