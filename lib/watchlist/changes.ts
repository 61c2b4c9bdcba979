import type { Notice } from '@/lib/notice/schema';
import { normalizeText } from '@/lib/notice/normalize';
import type { ChangeRecord } from './records';
import { formatDeadlineFr, formatMoneyFr } from './format-fr';

/**
 * Change tracking: what changed between the stored copy of a watched notice and the copy seen again
 * (rectificatif: new deadline, value, lots; annulation). Pure; values are written for display.
 */

function describeLots(notice: Notice): string {
  if (notice.lots.length === 0) return 'aucun lot';
  return notice.lots
    .map((lot) => {
      const value = formatMoneyFr(lot.estimatedValue);
      return `Lot ${lot.id} : ${lot.title}${value ? ` (${value})` : ''}`;
    })
    .join(' | ');
}

const NOTICE_TYPE_FR: Record<Notice['noticeType'], string> = {
  contract: 'avis de marché',
  award: "avis d'attribution",
  prior: 'avis de pré-information',
  correction: 'avis rectificatif',
  other: 'autre avis',
};

/** An "avis d'annulation" or a notice that says the procedure is cancelled / declared unsuccessful. */
export function looksCancelled(notice: Notice): boolean {
  const title = normalizeText(notice.title);
  return /\b(annulation|avis d'annulation|procedure annulee|declare(e)? sans suite|sans suite)\b/.test(title);
}

function sameDeadline(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isFinite(ta) && ta === tb;
}

/** Changes from `before` to `after`, stamped `at`. An empty list when nothing that matters changed. */
export function diffNotices(before: Notice, after: Notice, at: number): ChangeRecord[] {
  const changes: ChangeRecord[] = [];
  // A field the new copy does not carry (a partial page) is not a change: only compare what both have.
  if (after.deadline !== undefined && !sameDeadline(before.deadline, after.deadline)) {
    changes.push({ at, field: 'deadline', before: formatDeadlineFr(before.deadline) || 'non indiquée', after: formatDeadlineFr(after.deadline) });
  }
  if (after.estimatedValue !== undefined) {
    const b = formatMoneyFr(before.estimatedValue);
    const a = formatMoneyFr(after.estimatedValue);
    if (a !== b) changes.push({ at, field: 'estimatedValue', before: b || 'non indiquée', after: a });
  }
  if (after.lots.length > 0) {
    const b = describeLots(before);
    const a = describeLots(after);
    if (a !== b) changes.push({ at, field: 'lots', before: b.slice(0, 2000), after: a.slice(0, 2000) });
  }
  if (after.noticeType !== before.noticeType && after.noticeType !== 'other') {
    changes.push({ at, field: 'noticeType', before: NOTICE_TYPE_FR[before.noticeType], after: NOTICE_TYPE_FR[after.noticeType] });
  }
  if (looksCancelled(after) && !looksCancelled(before)) {
    changes.push({ at, field: 'cancelled', before: 'procédure en cours', after: `annulée : « ${after.title.slice(0, 300)} »` });
  }
  return changes;
}

export const CHANGE_LABELS_FR: Record<ChangeRecord['field'], string> = {
  deadline: 'Date limite',
  estimatedValue: 'Valeur estimée',
  lots: 'Lots',
  noticeType: "Type d'avis",
  cancelled: 'Annulation',
};
