import type { Profile } from '@/lib/rules/profile';
import { TRADE_FAMILIES } from '@/lib/rules/regie-trades';
import { tedQueryForWatch } from '@/lib/sources/ted/search-api';

/**
 * Expert query of the TED search API for the watch: French buyers, CPV prefixes of the profile's trades
 * (`9091*`), published since the last check. The territory is filtered locally (place of performance NUTS →
 * département) because the query field name for it is not confirmed (research/eforms.md §14: an unknown field
 * fails the whole request).
 */
export function buildTedWatchQuery(profile: Profile, since: string): string {
  const families = TRADE_FAMILIES.filter((f) => profile.trades.includes(f.trade));
  const cpv = [...new Set(families.flatMap((f) => f.cpvPrefixes))].map((p) => (p.length >= 8 ? p.slice(0, 8) : `${p}*`));
  return tedQueryForWatch({ cpv, since: since.slice(0, 10) });
}
