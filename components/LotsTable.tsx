import type { Lot } from '@/lib/notice/schema';
import type { LotAssessment } from '@/lib/rules/types';
import { formatEuros } from '@/lib/notice/money';
import { VERDICT_LABELS } from '@/lib/overlay/labels';

/** Lots with their own verdicts: a Régie often answers one lot of a large contract. */
export function LotsTable(props: { lots: readonly Lot[]; assessments: readonly LotAssessment[]; max?: number }) {
  const byId = new Map(props.assessments.map((a) => [a.lotId, a]));
  const shown = props.lots.slice(0, props.max ?? 30);
  return (
    <table class="rr-lots">
      <caption class="rr-sr">Lots et verdict par lot</caption>
      <thead>
        <tr>
          <th scope="col">Lot</th>
          <th scope="col">Intitulé</th>
          <th scope="col">Valeur</th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((lot) => {
          const a = byId.get(lot.id);
          const v = a ? VERDICT_LABELS[a.verdict] : undefined;
          return (
            <tr key={lot.id} data-lot={lot.id}>
              <td>{lot.id}</td>
              <td>
                {lot.title}
                {lot.reserved && lot.reserved !== 'none' && lot.reserved !== 'unknown' ? <span class="rr-tag">réservé</span> : null}
              </td>
              <td class="rr-num">{lot.estimatedValue ? formatEuros(lot.estimatedValue) : '—'}</td>
              <td>{v && a ? <span class={`rr-pill rr-pill--${a.verdict}`}>{v.fr}</span> : '—'}</td>
            </tr>
          );
        })}
      </tbody>
      {props.lots.length > shown.length ? (
        <tfoot>
          <tr>
            <td colSpan={4}>… et {props.lots.length - shown.length} autres lots</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
