import type { PageSource } from './types';
import { tedPageSource } from './ted';
import { boampPageSource } from './boamp/page';
import { atexoSource } from './atexo';
import { awsSource } from './aws';
import { achatpublicSource } from './achatpublic';
import { marchesSecurisesSource } from './marches-securises';
import { eMarchesPublicsSource } from './e-marchespublics';

/**
 * Every page source, most specific first: one line per source. The `text` source is the fallback
 * for any page no dedicated source reads.
 */
export const PAGE_SOURCES: readonly PageSource[] = [
  // dedicated sources register here
  tedPageSource,
  boampPageSource,
  atexoSource,
  awsSource,
  achatpublicSource,
  marchesSecurisesSource,
  eMarchesPublicsSource,
];

/** Does this URL match a WebExtension match pattern ("https://*.example.fr/*")? */
export function urlMatchesPattern(url: URL, pattern: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (scheme === '*' && url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const hostOk =
    host === '*' ||
    (host.startsWith('*.')
      ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
      : url.hostname === host);
  if (!hostOk) return false;
  const pathRe = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return pathRe.test(url.pathname + url.search);
}

/** The dedicated source for this URL, if any. */
export function sourceForUrl(url: URL, sources: readonly PageSource[] = PAGE_SOURCES): PageSource | undefined {
  return sources.find((s) => s.matches.some((p) => urlMatchesPattern(url, p)));
}
