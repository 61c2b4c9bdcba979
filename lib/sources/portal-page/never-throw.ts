import type { Notice } from '@/lib/notice/schema';
import type { ListItem, PageKind } from '@/lib/sources/types';

/**
 * The PageSource contract says a source never throws out of detect/extract/extractList (a content script must keep
 * the page usable). These wrappers are that contract written once for every portal source:
 * detection falls back to "nothing we read", extraction to the source's empty Notice with the error as a warning,
 * a list to no rows.
 */
export function detectSafely(detect: () => PageKind): PageKind {
  try {
    return detect();
  } catch {
    return null;
  }
}

export function extractSafely(extract: () => Notice, empty: () => Notice): Notice {
  try {
    return extract();
  } catch (e) {
    const n = empty();
    n.raw.warnings = [`extraction failed: ${e instanceof Error ? e.message : String(e)}`];
    return n;
  }
}

export function listSafely(list: () => ListItem[]): ListItem[] {
  try {
    return list();
  } catch {
    return [];
  }
}
