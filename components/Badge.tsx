import type { Assessment } from '@/lib/rules/types';
import { badgeText, VERDICT_LABELS, type UiLang } from '@/lib/overlay/labels';

/**
 * The verdict badge of a notice: "● Opportunité · 82/100". A button when `onClick` is given (it opens or closes
 * the panel), plain text otherwise.
 */
export function Badge(props: {
  assessment: Pick<Assessment, 'verdict' | 'score'>;
  lang?: UiLang;
  onClick?: () => void;
  expanded?: boolean;
  controls?: string;
}) {
  const { assessment } = props;
  const v = VERDICT_LABELS[assessment.verdict];
  const text = badgeText(assessment, 'fr');
  const content = (
    <>
      <span class="rr-badge__dot" aria-hidden="true">
        {v.symbol}
      </span>
      <span class="rr-badge__text">{v.fr}</span>
      <span class="rr-badge__score">{Math.round(assessment.score)}/100</span>
    </>
  );
  if (!props.onClick) {
    return (
      <span class={`rr-badge rr-badge--${assessment.verdict}`} data-verdict={assessment.verdict} title={badgeText(assessment, 'en')}>
        {content}
      </span>
    );
  }
  return (
    <button
      type="button"
      class={`rr-badge rr-badge--${assessment.verdict}`}
      data-verdict={assessment.verdict}
      aria-expanded={props.expanded}
      aria-controls={props.controls}
      aria-label={`Régie Radar : ${text}`}
      title={badgeText(assessment, 'en')}
      onClick={props.onClick}
    >
      {content}
    </button>
  );
}
