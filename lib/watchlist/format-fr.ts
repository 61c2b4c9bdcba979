import type { Money } from '@/lib/notice/schema';
import { parisWallClock, parseNoticeDate } from '@/lib/notice/dates';

/** French display of values stored by the watchlist (change history, exports, popup): "1 250 000 € HT", "01/12/2026 12:00". */

const amountFormatter = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** "1 250 000 € HT" (the narrow no-break spaces of Intl replaced by ordinary no-break spaces for spreadsheets). */
export function formatMoneyFr(money: Money | undefined): string {
  if (!money) return '';
  const unit = money.currency === 'EUR' ? '€' : money.currency;
  const fmt = (n: number) => amountFormatter.format(n).replace(/[\u202f\u00a0]/g, '\u00a0');
  const low = `${fmt(money.amount)}\u00a0${unit} HT`;
  return money.max !== undefined ? `${fmt(money.amount)} à ${fmt(money.max)}\u00a0${unit} HT` : low;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "01/12/2026 12:00" in Paris time; a date-only deadline is shown without a time. */
export function formatDeadlineFr(iso: string | undefined): string {
  const parsed = parseNoticeDate(iso);
  if (!parsed || !iso) return '';
  const w = parisWallClock(parsed.ms);
  const date = `${pad(w.day)}/${pad(w.month)}/${w.year}`;
  return parsed.dateOnly ? date : `${date} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** "25/11/2026 21:30" for an instant in ms (Paris time). */
export function formatInstantFr(ms: number): string {
  const w = parisWallClock(ms);
  return `${pad(w.day)}/${pad(w.month)}/${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
}
