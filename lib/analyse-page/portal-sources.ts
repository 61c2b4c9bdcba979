import type { PageSource } from '@/lib/sources/types';
import { atexoSource } from '@/lib/sources/atexo';
import { awsSource } from '@/lib/sources/aws';
import { achatpublicSource } from '@/lib/sources/achatpublic';
import { marchesSecurisesSource } from '@/lib/sources/marches-securises';
import { eMarchesPublicsSource } from '@/lib/sources/e-marchespublics';

/** The five buyer-portal sources (the portals content script reads only these: smaller bundle than the registry). */
export const PORTAL_SOURCES: readonly PageSource[] = [atexoSource, awsSource, achatpublicSource, marchesSecurisesSource, eMarchesPublicsSource];

/** Match patterns of the portals content script: exactly the hosts of the five portal sources, nothing broader. */
export const PORTAL_MATCHES: readonly string[] = PORTAL_SOURCES.flatMap((s) => s.matches);
