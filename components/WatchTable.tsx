import type { WatchedNotice } from '@/lib/watchlist/records';
import type { IndexedRow, SortKey, WatchSort } from '@/lib/watchlist/filter';
import { STATUS_LABELS_FR, VERDICT_LABELS_FR } from '@/lib/watchlist/status-labels';
import { WatchDeadline } from './WatchDeadline';

/** One page of the filtered watchlist (pagination keeps 10 000 notices fast: only PAGE_SIZE rows are in the DOM). */
export const PAGE_SIZE = 50;

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: null, label: '' },
  { key: 'title', label: 'Objet' },
  { key: 'buyer', label: 'Acheteur' },
  { key: 'deadline', label: 'Date limite' },
  { key: 'status', label: 'Statut' },
  { key: 'score', label: 'Verdict' },
  { key: null, label: 'Signaux' },
];

export function WatchTable(props: {
  rows: readonly IndexedRow[];
  page: number;
  sort: WatchSort;
  selected: ReadonlySet<string>;
  now: number;
  onSort: (by: SortKey) => void;
  onSelect: (keys: readonly string[], selected: boolean) => void;
  onOpen: (row: WatchedNotice) => void;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(props.rows.length / PAGE_SIZE));
  const page = Math.min(props.page, pages - 1);
  const visible = props.rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const allSelected = visible.length > 0 && visible.every((r) => props.selected.has(r.row.key));
  return (
    <div class="watch-table">
      <table data-testid="watch-table">
        <thead>
          <tr>
            {COLUMNS.map((c, i) =>
              i === 0 ? (
                <th>
                  <input
                    type="checkbox"
                    aria-label="Tout sélectionner sur cette page"
                    data-testid="select-page"
                    checked={allSelected}
                    onChange={(e) => props.onSelect(visible.map((r) => r.row.key), e.currentTarget.checked)}
                  />
                </th>
              ) : c.key ? (
                <th aria-sort={props.sort.by === c.key ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" class="link" data-testid={`sort-${c.key}`} onClick={() => c.key && props.onSort(c.key)}>
                    {c.label}
                    {props.sort.by === c.key ? (props.sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ) : (
                <th>{c.label}</th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {visible.map(({ row }) => (
            <tr key={row.key} data-key={row.key} class={row.changes.length > 0 ? 'changed' : ''}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Sélectionner ${row.title}`}
                  checked={props.selected.has(row.key)}
                  onChange={(e) => props.onSelect([row.key], e.currentTarget.checked)}
                />
              </td>
              <td>
                <button type="button" class="link title" onClick={() => props.onOpen(row)}>
                  {row.title || row.id}
                </button>
                {row.changes.length > 0 && <span class="changed-mark" title="Avis modifié depuis le suivi"> modifié</span>}
                <small class="source"> {row.source} {row.id}</small>
              </td>
              <td>{row.buyerName}</td>
              <td>
                <WatchDeadline deadline={row.deadline} deadlineMs={row.deadlineMs} now={props.now} />
              </td>
              <td class={`status status-${row.status}`}>{STATUS_LABELS_FR[row.status]}</td>
              <td class={`verdict verdict-${row.verdict}`}>
                {VERDICT_LABELS_FR[row.verdict]} <small>{row.score}</small>
              </td>
              <td class="flags">{row.flags.slice(0, 3).map((f) => f.title).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label="Pages">
        <button type="button" disabled={page === 0} onClick={() => props.onPage(page - 1)}>
          ← Précédente
        </button>
        <span data-testid="page-info">
          Page {page + 1} / {pages} — {props.rows.length.toLocaleString('fr-FR')} avis
        </span>
        <button type="button" disabled={page >= pages - 1} onClick={() => props.onPage(page + 1)}>
          Suivante →
        </button>
      </nav>
    </div>
  );
}
