import { formatDeadlineFr } from '@/lib/watchlist/format-fr';
import { parisDayNumber } from '@/lib/notice/dates';

const DAY = 86_400_000;

/** Calendar day number of an instant in Paris (so "demain" means tomorrow on Paris clocks, not "in 24 h"). */
const parisDay = parisDayNumber;

/** "aujourd'hui", "demain", "dans 3 jours", "dépassée" next to a deadline. */
export function daysLeftFr(deadlineMs: number | undefined, now: number): string {
  if (deadlineMs === undefined) return '';
  if (deadlineMs < now) return 'dépassée';
  const days = parisDay(deadlineMs) - parisDay(now);
  if (days <= 0) return "aujourd'hui";
  if (days === 1) return 'demain';
  return `dans ${days} jours`;
}

export function WatchDeadline(props: { deadline: string | undefined; deadlineMs: number | undefined; now: number }) {
  if (!props.deadline) return <span class="deadline none">date limite non indiquée</span>;
  const left = daysLeftFr(props.deadlineMs, props.now);
  const urgent = props.deadlineMs !== undefined && props.deadlineMs >= props.now && props.deadlineMs - props.now <= 7 * DAY;
  return (
    <span class={urgent ? 'deadline urgent' : 'deadline'}>
      {formatDeadlineFr(props.deadline)}
      {left && <small> ({left})</small>}
    </span>
  );
}
