import type { WatchStatus } from '@/lib/messaging/watchlist';
import type { Verdict } from '@/lib/rules/types';

/** French labels (English second) of the status pipeline and verdicts, shared by the popup, the page and exports. */
export const STATUS_LABELS_FR: Record<WatchStatus, string> = {
  'a-etudier': 'À étudier',
  go: 'Go',
  'no-go': 'No-go',
  'en-preparation': 'En préparation',
  depose: 'Déposé',
  gagne: 'Gagné',
  perdu: 'Perdu',
  infructueux: 'Infructueux',
};

export const STATUS_LABELS_EN: Record<WatchStatus, string> = {
  'a-etudier': 'To study',
  go: 'Go',
  'no-go': 'No-go',
  'en-preparation': 'Preparing',
  depose: 'Submitted',
  gagne: 'Won',
  perdu: 'Lost',
  infructueux: 'Unsuccessful',
};

export const VERDICT_LABELS_FR: Record<Verdict, string> = {
  opportunity: 'Opportunité',
  maybe: 'À regarder',
  no: 'Non adapté',
};
