import { atexoSource } from '@/lib/sources/atexo';
import { AWS_MATCHES } from '@/lib/sources/aws';
import { ACHATPUBLIC_MATCHES } from '@/lib/sources/achatpublic';
import { MARCHES_SECURISES_MATCHES } from '@/lib/sources/marches-securises';
import { E_MARCHESPUBLICS_MATCHES } from '@/lib/sources/e-marchespublics';

/** Match patterns of the portals content script: exactly the hosts of the five portal sources, nothing broader. */
export const PORTAL_MATCHES: readonly string[] = [
  ...atexoSource.matches,
  ...AWS_MATCHES,
  ...ACHATPUBLIC_MATCHES,
  ...MARCHES_SECURISES_MATCHES,
  ...E_MARCHESPUBLICS_MATCHES,
];
