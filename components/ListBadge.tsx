import { useState } from 'preact/hooks';
import type { Assessment } from '@/lib/rules/types';
import { badgeText, topReasons, VERDICT_LABELS } from '@/lib/overlay/labels';

let tooltipSeq = 0;

/**
 * The small badge on a result row/card with a tooltip of the top reasons (shown on hover and on keyboard focus).
 * `pending` while the background answers; `source` says whether it rests on the full record or on the row only.
 */
export function ListBadge(props: { assessment?: Assessment; pending?: boolean; source?: 'record' | 'row'; error?: string }) {
  const [id] = useState(() => `rr-tip-${++tooltipSeq}`);
  const [open, setOpen] = useState(false);
  if (!props.assessment) {
    return (
      <span class="rr-listbadge rr-listbadge--pending" role="status">
        {props.pending ? 'Régie Radar…' : `Régie Radar : ${props.error ?? 'non évalué'}`}
      </span>
    );
  }
  const a = props.assessment;
  const v = VERDICT_LABELS[a.verdict];
  const reasons = topReasons(a, 3);
  return (
    <span class="rr-listbadge-wrap">
      <button
        type="button"
        class={`rr-listbadge rr-listbadge--${a.verdict}`}
        data-verdict={a.verdict}
        aria-describedby={id}
        aria-label={`Régie Radar : ${badgeText(a)}`}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        <span aria-hidden="true">{v.symbol}</span> {v.fr} <span class="rr-listbadge__score">{Math.round(a.score)}</span>
      </button>
      <span id={id} role="tooltip" class={open ? 'rr-tooltip rr-tooltip--open' : 'rr-tooltip'}>
        <strong>
          {v.fr} <span class="rr-en">/ {v.en}</span>
        </strong>
        {reasons.length > 0 ? (
          <ul>
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : (
          <span class="rr-tooltip__none">Aucun levier social repéré</span>
        )}
        <span class="rr-tooltip__source">
          {props.source === 'record' ? 'D’après la fiche complète (API)' : 'D’après la carte de résultat seulement'}
        </span>
      </span>
    </span>
  );
}
