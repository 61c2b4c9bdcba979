import type { Notice } from '@/lib/notice/schema';
import { parseBoampRecords, parseBoampXml } from '@/lib/sources/boamp';
import { isEformsXml, parseEformsXml } from '@/lib/sources/eforms';
import { sourceForUrl } from '@/lib/sources/registry';
import { extractFromDocument, extractFromText } from '@/lib/sources/text';

/**
 * The self-check page's input → Notices, with the same parsers and the same order as the CLI (lib/cli/input-formats.ts:
 * BOAMP records JSON, eForms XML, DILA BOAMP XML, then saved HTML or plain text). The CLI's module imports linkedom and
 * node:fs; here the HTML parser is injected (the browser's DOMParser in the page, linkedom in tests), so this file
 * stays pure and small enough for the extension page. Never throws: an empty list comes with a French reason.
 */
export interface SelfCheckInput {
  content: string;
  fileName?: string;
  url?: string;
  parseHtml: (html: string) => Document;
}

export interface SelfCheckLoad {
  notices: Notice[];
  /** Which parser read the input. */
  format: 'boamp-records' | 'eforms-xml' | 'boamp-dila-xml' | 'html' | 'text' | 'none';
  /** French reason when nothing could be read. */
  problem?: string;
}

const head = (content: string) => content.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);

function looksBinary(content: string): boolean {
  const sample = content.slice(0, 4096);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.1;
}

function safeUrl(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

export function loadSelfCheckInput(input: SelfCheckInput): SelfCheckLoad {
  const { content } = input;
  const fileName = input.fileName ?? '';
  if (typeof content !== 'string' || content.trim() === '') return { notices: [], format: 'none', problem: 'Le texte ou le fichier est vide.' };
  if (looksBinary(content)) return { notices: [], format: 'none', problem: 'Ce fichier n’est pas un texte lisible (PDF ou binaire ?). Déposez l’avis en XML, JSON, HTML ou texte.' };
  const h = head(content);
  try {
    if (/\.(?:jsonl?|ndjson)$/i.test(fileName) || h[0] === '{' || h[0] === '[') {
      const notices = parseBoampRecords(content);
      return notices.length > 0 ? { notices, format: 'boamp-records' } : { notices, format: 'boamp-records', problem: 'Aucun avis BOAMP lisible dans ce JSON.' };
    }
    if (isEformsXml(h)) return { notices: [parseEformsXml(content, input.url)], format: 'eforms-xml' };
    if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:ANNONCE|ANNONCES|BOAMP)\b/i.test(h)) return { notices: [parseBoampXml(content)], format: 'boamp-dila-xml' };
    const url = safeUrl(input.url);
    const isHtml = /^<|<(?:html|body|div|p|table|h1|h2|header|section)\b/i.test(h) || /\.x?html?$/i.test(fileName);
    if (!isHtml) return { notices: [extractFromText(content, url, { format: 'text:plain' })], format: 'text' };
    const doc = input.parseHtml(content);
    const dedicated = url ? sourceForUrl(url) : undefined;
    if (dedicated && url) {
      try {
        if (dedicated.detect(doc, url) === 'notice') return { notices: [dedicated.extract(doc, url)], format: 'html' };
      } catch {
        // A dedicated source that fails on this page leaves it to the text source.
      }
    }
    return { notices: [extractFromDocument(doc, url)], format: 'html' };
  } catch (e) {
    return { notices: [], format: 'none', problem: `Lecture impossible : ${e instanceof Error ? e.message : String(e)}` };
  }
}
