import type { Assessment } from '@/lib/rules/types';
import type { InboxItem } from './records';

/** The reason shown first for a match: its strongest flag's French title ("Lot réservé aux SIAE"). */
export function topReasonOf(assessment: Assessment): string {
  const order = { strong: 0, warning: 1, info: 2 } as const;
  const flags = [...assessment.flags, ...assessment.lots.flatMap((l) => l.flags)].filter((f) => f.id !== 'invalid-notice');
  const best = [...flags].sort((a, b) => order[a.severity] - order[b.severity])[0];
  return best?.title ?? 'Métier de la Régie';
}

function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

export const MONITORING_NOTIFICATION_PREFIX = 'regie-radar-veille:';

/**
 * One notification per run: "3 nouvelles opportunités" + one line per match (title — top reason), priorities
 * first, at most 4 lines (Chrome shows ~4 lines). Undefined when nothing is new: no notification at all.
 */
export function notificationFor(items: readonly InboxItem[], runId: string): { id: string; title: string; message: string } | undefined {
  if (items.length === 0) return undefined;
  const sorted = [...items].sort((a, b) => Number(b.priority) - Number(a.priority) || b.assessment.score - a.assessment.score);
  const n = items.length;
  const title = n === 1 ? '1 nouvelle opportunité' : `${n} nouvelles opportunités`;
  const lines = sorted.slice(0, 4).map((i) => `• ${shorten(i.notice.title || i.notice.id, 60)} — ${shorten(i.topReason, 40)}`);
  if (n > 4) lines.push(`… et ${n - 4} autre${n - 4 > 1 ? 's' : ''} dans la boîte de réception`);
  return { id: `${MONITORING_NOTIFICATION_PREFIX}${runId}`, title: `Régie Radar : ${title}`, message: lines.join('\n') };
}
