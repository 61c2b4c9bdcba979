import type { Notice } from '@/lib/notice/schema';
import { parseBoampRecords, parseBoampXml } from '@/lib/sources/boamp';
import { isEformsXml, parseEformsXml } from '@/lib/sources/eforms';
import { sourceForUrl } from '@/lib/sources/registry';
import { extractFromDocument, extractFromText } from '@/lib/sources/text';

/**
 * A notice given as a file or pasted text → Notices: the one table of input formats shared by the CLI
 * (lib/cli/input-formats.ts, linkedom) and the self-check page (lib/self-check/load-input.ts, the browser's DOMParser).
 * Tried in order; structured formats come before the HTML/text fallback, which accepts anything.
 * Pure: the HTML parser is injected, so the extension page does not bundle linkedom.
 */
export type NoticeInputFormatId = 'boamp-records' | 'eforms-xml' | 'boamp-dila-xml' | 'page-or-text';

export interface NoticeInput {
  content: string;
  fileName?: string;
  /** The page's address, when known: picks the dedicated source (BOAMP, TED, portals) for an HTML page. */
  url?: string;
  /** Used as the Notice's address when there is no `url` (the CLI gives file:///name); never picks a source. */
  fallbackUrl?: URL;
  parseHtml: (html: string) => Document;
}

/** The first 4 kB, without BOM and leading blanks: enough to recognise a format. */
export const inputHead = (content: string) => content.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);

/** More than 10 % control or replacement characters in the first 4 kB: a PDF or other binary read as text. */
export function looksBinary(content: string): boolean {
  const sample = content.slice(0, 4096);
  if (sample.length === 0) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) odd++;
  }
  return odd / sample.length > 0.1;
}

/** Looks like JSON or JSON Lines (by extension or first character). */
function looksLikeJson(content: string, fileName: string): boolean {
  if (/\.(?:jsonl?|ndjson)$/i.test(fileName)) return true;
  const first = inputHead(content)[0];
  return first === '{' || first === '[';
}

/** DILA BOAMP XML (Boamp_v230/v240, 2015–2023). */
function isBoampDilaXml(content: string): boolean {
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:ANNONCE|ANNONCES|BOAMP)\b/i.test(inputHead(content));
}

export function looksLikeHtml(content: string, fileName: string): boolean {
  return /^<|<(?:html|body|div|p|table|h1|h2|header|section)\b/i.test(inputHead(content)) || /\.x?html?$/i.test(fileName);
}

export function safeUrl(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** HTML page or plain text → Notice, through the dedicated source of `input.url` if there is one, else the text source. */
export function parsePageOrText(input: NoticeInput): Notice[] {
  const pageUrl = safeUrl(input.url);
  const url = pageUrl ?? input.fallbackUrl;
  if (!looksLikeHtml(input.content, input.fileName ?? '')) return [extractFromText(input.content, url, { format: 'text:plain' })];
  const doc = input.parseHtml(input.content);
  const dedicated = pageUrl ? sourceForUrl(pageUrl) : undefined;
  if (dedicated && pageUrl) {
    try {
      if (dedicated.detect(doc, pageUrl) === 'notice') return [dedicated.extract(doc, pageUrl)];
    } catch {
      // A dedicated source that fails on this page leaves it to the text source.
    }
  }
  return [extractFromDocument(doc, url)];
}

export interface NoticeInputFormat {
  id: NoticeInputFormatId;
  accepts(content: string, fileName: string): boolean;
  parse(input: NoticeInput): Notice[];
}

export const NOTICE_INPUT_FORMATS: readonly NoticeInputFormat[] = [
  // BOAMP open-data records: API responses, exports, one record, JSON Lines.
  { id: 'boamp-records', accepts: looksLikeJson, parse: (input) => parseBoampRecords(input.content) },
  // eForms XML notices (TED, BOAMP JOUE since late 2023).
  { id: 'eforms-xml', accepts: (content) => isEformsXml(inputHead(content)), parse: (input) => [parseEformsXml(input.content, input.url)] },
  // DILA BOAMP XML (Boamp_v230/v240, 2015–2023).
  { id: 'boamp-dila-xml', accepts: isBoampDilaXml, parse: (input) => [parseBoampXml(input.content)] },
  // Anything else: a saved HTML page or plain text.
  { id: 'page-or-text', accepts: () => true, parse: parsePageOrText },
];

/** The format that reads this input (the last one accepts anything). */
export function noticeInputFormat(content: string, fileName: string): NoticeInputFormat {
  return NOTICE_INPUT_FORMATS.find((f) => f.accepts(content, fileName)) ?? (NOTICE_INPUT_FORMATS.at(-1) as NoticeInputFormat);
}
