import type { Notice, SourceId } from '@/lib/notice/schema';

/** What a page is, for a source: one notice, a list of notices, or nothing we read. */
export type PageKind = 'notice' | 'list' | null;

/** One row of a list page (search results, "consultations en cours"), enough for a badge. */
export interface ListItem {
  /** The element the badge attaches to. */
  element: Element;
  /** A Notice built from the row's text (partial); the background may enrich it from a structured record. */
  notice: Notice;
}

/**
 * A page source, Zotero-translator style: `matches` (URL match patterns), `detect`, `extract`.
 * Pure: takes the document and URL as parameters, never touches globals, never throws out of `extract`
 * (a partial Notice with `raw.warnings` instead).
 */
export interface PageSource {
  readonly id: SourceId;
  /** WebExtension match patterns of the pages this source reads. */
  readonly matches: readonly string[];
  detect(doc: Document, url: URL): PageKind;
  extract(doc: Document, url: URL): Notice;
  extractList?(doc: Document, url: URL): ListItem[];
}
