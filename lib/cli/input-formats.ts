import { DOMParser } from 'linkedom';
import type { Notice } from '@/lib/notice/schema';
import { sourceForUrl } from '@/lib/sources/registry';
import { extractFromDocument, extractFromText } from '@/lib/sources/text';
import { parseBoampRecords, parseBoampXml } from '@/lib/sources/boamp';
import { isEformsXml, parseEformsXml } from '@/lib/sources/eforms';

/**
 * The input formats the CLI reads, tried in order: the first whose `accepts` says yes parses the file.
 * One line per format; structured formats come before the text/HTML fallback, which accepts anything.
 */
export interface InputFormatOptions {
  fileName?: string;
  url?: string;
}

export interface InputFormat {
  id: string;
  accepts(content: string, fileName: string): boolean;
  parse(content: string, opts: InputFormatOptions): Notice[];
}

const head = (content: string) => content.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);

/** Looks like JSON or JSON Lines (by extension or first character). */
function looksLikeJson(content: string, fileName: string): boolean {
  if (/\.(?:jsonl?|ndjson)$/i.test(fileName)) return true;
  const first = head(content)[0];
  return first === '{' || first === '[';
}

/** HTML or plain text page → Notice, through the dedicated source of `url` if there is one, else the text source. */
function parsePage(content: string, opts: InputFormatOptions): Notice[] {
  const url = safeUrl(opts.url) ?? fileUrl(opts.fileName);
  const isHtml = /^<|<(?:html|body|div|p|table|h1|h2|header|section)\b/i.test(head(content)) || /\.x?html?$/i.test(opts.fileName ?? '');
  if (!isHtml) return [extractFromText(content, url, { format: 'text:plain' })];
  const doc = new DOMParser().parseFromString(content, 'text/html') as unknown as Document;
  const dedicated = opts.url && url ? sourceForUrl(url) : undefined;
  if (dedicated && url) {
    try {
      if (dedicated.detect(doc, url) === 'notice') return [dedicated.extract(doc, url)];
    } catch {
      // A dedicated source that fails on this page leaves it to the text source.
    }
  }
  return [extractFromDocument(doc, url)];
}

function safeUrl(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

function fileUrl(fileName: string | undefined): URL | undefined {
  if (!fileName) return undefined;
  try {
    return new URL(`file://${fileName.startsWith('/') ? '' : '/'}${encodeURI(fileName)}`);
  } catch {
    return undefined;
  }
}

export const INPUT_FORMATS: readonly InputFormat[] = [
  // BOAMP open-data records: API responses, exports, one record, JSON Lines.
  { id: 'boamp-records', accepts: looksLikeJson, parse: (content) => parseBoampRecords(content) },
  // eForms XML notices (TED, BOAMP JOUE since late 2023).
  { id: 'eforms-xml', accepts: (content) => isEformsXml(head(content)), parse: (content, opts) => [parseEformsXml(content, opts.url)] },
  // DILA BOAMP XML (Boamp_v230/v240, 2015–2023).
  { id: 'boamp-dila-xml', accepts: (content) => /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:ANNONCE|ANNONCES|BOAMP)\b/i.test(head(content)), parse: (content) => [parseBoampXml(content)] },
  // Anything else: a saved HTML page or plain text.
  { id: 'page-or-text', accepts: () => true, parse: parsePage },
];
