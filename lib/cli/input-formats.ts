import { DOMParser } from 'linkedom';
import type { Notice } from '@/lib/notice/schema';
import { NOTICE_INPUT_FORMATS } from '@/lib/sources/notice-input';

/**
 * The input formats the CLI reads, tried in order: the first whose `accepts` says yes parses the file.
 * The table itself is lib/sources/notice-input.ts (shared with the self-check page); the CLI adds linkedom as the
 * HTML parser and a file:// address for pages read from disk without --url.
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

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

function fileUrl(fileName: string | undefined): URL | undefined {
  if (!fileName) return undefined;
  try {
    return new URL(`file://${fileName.startsWith('/') ? '' : '/'}${encodeURI(fileName)}`);
  } catch {
    return undefined;
  }
}

export const INPUT_FORMATS: readonly InputFormat[] = NOTICE_INPUT_FORMATS.map((format) => ({
  id: format.id,
  accepts: format.accepts,
  parse: (content: string, opts: InputFormatOptions) => {
    const fallbackUrl = fileUrl(opts.fileName);
    return format.parse({
      content,
      parseHtml,
      ...(opts.fileName !== undefined ? { fileName: opts.fileName } : {}),
      ...(opts.url !== undefined ? { url: opts.url } : {}),
      ...(fallbackUrl ? { fallbackUrl } : {}),
    });
  },
}));
