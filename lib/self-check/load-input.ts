import type { Notice } from '@/lib/notice/schema';
import { looksBinary, looksLikeHtml, noticeInputFormat } from '@/lib/sources/notice-input';

/**
 * The self-check page's input → Notices, through the format table the CLI uses too (lib/sources/notice-input.ts:
 * BOAMP records JSON, eForms XML, DILA BOAMP XML, then saved HTML or plain text). The HTML parser is injected (the
 * browser's DOMParser in the page, linkedom in tests). Never throws: an empty list comes with a French reason.
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

export function loadSelfCheckInput(input: SelfCheckInput): SelfCheckLoad {
  const { content } = input;
  const fileName = input.fileName ?? '';
  if (typeof content !== 'string' || content.trim() === '') return { notices: [], format: 'none', problem: 'Le texte ou le fichier est vide.' };
  if (looksBinary(content)) return { notices: [], format: 'none', problem: 'Ce fichier n’est pas un texte lisible (PDF ou binaire ?). Déposez l’avis en XML, JSON, HTML ou texte.' };
  try {
    const format = noticeInputFormat(content, fileName);
    const notices = format.parse(input);
    if (format.id === 'boamp-records') {
      return notices.length > 0 ? { notices, format: 'boamp-records' } : { notices, format: 'boamp-records', problem: 'Aucun avis BOAMP lisible dans ce JSON.' };
    }
    if (format.id === 'page-or-text') return { notices, format: looksLikeHtml(content, fileName) ? 'html' : 'text' };
    return { notices, format: format.id };
  } catch (e) {
    return { notices: [], format: 'none', problem: `Lecture impossible : ${e instanceof Error ? e.message : String(e)}` };
  }
}
