import { formatDeadlineFr } from '@/lib/watchlist/format-fr';

const DAY = 86_400_000;

/** "dans 3 jours", "aujourd'hui", "dépassée" next to a deadline. */
export function daysLeftFr(deadlineMs: number | undefined, now: number): string {
  if (deadlineMs === undefined) return '';
  if (deadlineMs < now) return 'dépassée';
  const days = Math.floor((deadlineMs - now) / DAY);
  if (days === 0) return 'dans moins de 24 h';
  return `dans ${days} jour${days > 1 ? 's' : ''}`;
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
