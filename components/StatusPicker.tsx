import { WATCH_STATUSES, type WatchStatus } from '@/lib/messaging/watchlist';
import { STATUS_LABELS_EN, STATUS_LABELS_FR } from '@/lib/watchlist/status-labels';

/** The status pipeline as a select: à étudier → go / no-go → en préparation → déposé → gagné / perdu / infructueux. */
export function StatusPicker(props: {
  value: WatchStatus | '';
  onChange: (status: WatchStatus) => void;
  label?: string;
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <label class="status-picker">
      <span>{props.label ?? 'Statut'}</span>{' '}
      <select
        data-testid={props.testId ?? 'status-picker'}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => {
          const v = e.currentTarget.value;
          const status = WATCH_STATUSES.find((s) => s === v);
          if (status) props.onChange(status);
        }}
      >
        {props.value === '' && <option value="">{props.placeholder ?? '— choisir —'}</option>}
        {WATCH_STATUSES.map((s) => (
          <option value={s} title={STATUS_LABELS_EN[s]}>
            {STATUS_LABELS_FR[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
