import { emptyNotice, type Notice } from '@/lib/notice/schema';
import type { ListItem, PageKind, PageSource } from '@/lib/sources/types';
import { detectSafely, extractSafely, listSafely } from '@/lib/sources/portal-page/never-throw';
import { safeQuery } from '@/lib/sources/portal-page/dom-text';
import { extractAwsNotice } from './detail';
import { awsListRows, extractAwsList } from './list';

/**
 * AWS-Achat (AWSolutions) — `www.marches-publics.info`, its buyer sub-domains (`{buyer}.marches-publics.info`) and the
 * legacy ColdFusion pages (`/avis/index.cfm?fuseaction=pub.affPublication…`). Buyer-branded hosts on other domains
 * (e.g. marches-publics.gironde.fr) are reached through "Analyser cette page".
 */
export const AWS_MATCHES: readonly string[] = ['*://www.marches-publics.info/*', '*://*.marches-publics.info/*'];

export const awsSource: PageSource = {
  id: 'aws',
  matches: AWS_MATCHES,
  detect(doc: Document, url: URL): PageKind {
    void url;
    return detectSafely(() => {
      if (safeQuery(doc, '#AAPCGenere')) return 'notice';
      if (awsListRows(doc).length > 0) return 'list';
      return null;
    });
  },
  extract(doc: Document, url: URL): Notice {
    return extractSafely(
      () => extractAwsNotice(doc, url),
      () => emptyNotice('aws', 'aws:erreur', url.href, 'aws:AAPCGenere'),
    );
  },
  extractList(doc: Document, url: URL): ListItem[] {
    return listSafely(() => extractAwsList(doc, url));
  },
};
