import type { Notice, SourceId } from '@/lib/notice/schema';
import type { ListItem, PageSource } from '@/lib/sources/types';
import { sourceForUrl } from '@/lib/sources/registry';
import { textSource } from '@/lib/sources/text';

/**
 * What a page holds for us, whatever the site: one notice, a list of notices, or nothing. Used by the portals content
 * script (dedicated sources only) and by "Analyser cette page" (dedicated source when the URL has one, else any
 * source whose signature the page carries, else the `text` source). Pure: document and URL are parameters.
 */
export type PageReading =
  | { kind: 'notice'; source: SourceId; notice: Notice }
  | { kind: 'list'; source: SourceId; items: ListItem[] }
  | { kind: 'none'; reason: string };

export interface ReadOptions {
  /** Sources to try: the registry's PAGE_SOURCES, or only the portal ones (a content script's bundle stays small). */
  sources: readonly PageSource[];
  /** Fall back to the `text` source when no dedicated source reads the page ("Analyser cette page"). */
  textFallback?: boolean;
  /** Also try dedicated sources whose URL patterns do not match (an Atexo instance on an unknown host). */
  bySignature?: boolean;
}

/** Sources whose page signature is specific enough to be trusted on any host. */
const SIGNATURE_SOURCES: ReadonlySet<SourceId> = new Set<SourceId>(['atexo', 'aws']);

function readWith(source: PageSource, doc: Document, url: URL): PageReading | undefined {
  let kind: ReturnType<PageSource['detect']> = null;
  try {
    kind = source.detect(doc, url);
  } catch {
    kind = null;
  }
  if (kind === 'notice') return { kind: 'notice', source: source.id, notice: source.extract(doc, url) };
  if (kind === 'list' && source.extractList) {
    const items = source.extractList(doc, url);
    if (items.length > 0) return { kind: 'list', source: source.id, items };
  }
  return undefined;
}

export function readPage(doc: Document, url: URL, options: ReadOptions): PageReading {
  const sources = options.sources;
  try {
    const dedicated = sourceForUrl(url, sources);
    if (dedicated) {
      const r = readWith(dedicated, doc, url);
      if (r) return r;
    }
    if (options.bySignature) {
      // Only signatures that cannot be mistaken (an Atexo recap, an AWS #AAPCGenere body): other sources detect by
      // URL or by common labels, which would misattribute a buyer's own page.
      for (const s of sources) {
        if (s === dedicated || !SIGNATURE_SOURCES.has(s.id)) continue;
        const r = readWith(s, doc, url);
        if (r?.kind === 'notice') return r;
      }
    }
    if (options.textFallback) {
      const kind = textSource.detect(doc, url);
      const notice = textSource.extract(doc, url);
      if (kind === 'notice' || notice.title) return { kind: 'notice', source: 'text', notice };
      return { kind: 'none', reason: "Cette page ne ressemble pas à un avis de marché (aucun intitulé, aucune date limite)." };
    }
  } catch (e) {
    return { kind: 'none', reason: `Lecture impossible : ${e instanceof Error ? e.message : String(e)}` };
  }
  return { kind: 'none', reason: 'Aucune consultation reconnue sur cette page.' };
}
