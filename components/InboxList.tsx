import { useEffect, useState } from 'preact/hooks';
import type { WatchlistDb } from '@/lib/watchlist/db';
import type { InboxItem } from '@/lib/monitoring/records';
import { dismissInboxItem, listInbox, watchInboxItem } from '@/lib/watchlist/monitoring-store';
import { formatDeadlineFr, formatMoneyFr } from '@/lib/watchlist/format-fr';
import { VERDICT_LABELS_FR } from '@/lib/watchlist/status-labels';

/**
 * The monitoring inbox ("boîte de réception de la veille"): new matches with verdict and reasons, one click to
 * watch (watchlist repository) or dismiss (kept dismissed: the row stays, so the notice found again stays hidden).
 * Used by the options page; meant for the popup and the watchlist page too (the lead mounts it there).
 * Page text is rendered as text nodes only.
 */
export interface InboxListProps {
  db: WatchlistDb;
  now?: () => number;
  /** Bump to reload (after "Vérifier maintenant"). */
  refreshKey?: number;
  /** At most this many rows (the popup shows a few). */
  limit?: number;
}

const SOURCE_LABELS: Record<string, string> = { boamp: 'BOAMP', ted: 'TED (Journal officiel de l’UE)' };

function reasonsOf(item: InboxItem): string[] {
  const titles = [...item.assessment.flags, ...item.assessment.lots.flatMap((l) => l.flags)]
    .filter((f) => f.severity !== 'info' || f.id === 'regie-trade')
    .map((f) => f.title);
  return [...new Set([item.topReason, ...titles])].slice(0, 3);
}

export function InboxList(props: InboxListProps) {
  const now = props.now ?? Date.now;
  const [items, setItems] = useState<InboxItem[] | undefined>(undefined);
  const [problem, setProblem] = useState('');
  const load = () =>
    listInbox(props.db)
      .then(setItems)
      .catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
  useEffect(() => {
    void load();
  }, [props.refreshKey]);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setProblem('');
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
    await load();
  };

  if (items === undefined) return <p data-testid="inbox-loading">Chargement de la boîte de réception…</p>;
  const shown = props.limit ? items.slice(0, props.limit) : items;
  const fresh = items.filter((i) => i.status === 'new').length;
  return (
    <section class="inbox" data-testid="inbox" aria-label="Boîte de réception de la veille">
      <h2>
        Boîte de réception de la veille{' '}
        <span class="inbox-count" data-testid="inbox-count">
          ({fresh === 0 ? 'rien de nouveau' : fresh === 1 ? '1 nouvelle' : `${fresh} nouvelles`})
        </span>
      </h2>
      {problem && (
        <p role="alert" class="inbox-problem">
          {problem}
        </p>
      )}
      {shown.length === 0 ? (
        <p data-testid="inbox-empty">Aucune opportunité trouvée pour l’instant. La veille interroge le BOAMP et TED selon votre profil.</p>
      ) : (
        <ul class="inbox-list">
          {shown.map((item) => (
            <li key={item.key} class={`inbox-item inbox-${item.status}`} data-testid="inbox-item" data-key={item.key}>
              <p class="inbox-head">
                <span class={`verdict verdict-${item.assessment.verdict}`}>{VERDICT_LABELS_FR[item.assessment.verdict]}</span>{' '}
                {item.priority && <span class="inbox-priority">Mécanisme suivi</span>}{' '}
                <a href={/^https?:\/\//.test(item.notice.url) ? item.notice.url : undefined} target="_blank" rel="noopener noreferrer">
                  {item.notice.title || item.notice.id}
                </a>
              </p>
              <p class="inbox-meta">
                {item.notice.buyer.name || 'Acheteur non indiqué'} · {SOURCE_LABELS[item.notice.source] ?? item.notice.source} {item.notice.id}
                {item.notice.place.department ? ` · dépt. ${item.notice.place.department}` : ''}
                {item.notice.deadline ? ` · réponse avant le ${formatDeadlineFr(item.notice.deadline)}` : ''}
                {item.notice.estimatedValue ? ` · ${formatMoneyFr(item.notice.estimatedValue)}` : ''}
              </p>
              {item.alsoOn.length > 0 && <p class="inbox-also">Aussi publié : {item.alsoOn.join(', ')}</p>}
              <ul class="inbox-reasons" data-testid="inbox-reasons">
                {reasonsOf(item).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              <p class="inbox-actions">
                {item.status === 'watched' ? (
                  <span data-testid="inbox-watched">Suivi dans la liste</span>
                ) : (
                  <>
                    <button type="button" data-testid="inbox-watch" onClick={() => void act(() => watchInboxItem(props.db, item.key, now()))}>
                      Suivre
                    </button>{' '}
                    <button type="button" data-testid="inbox-dismiss" onClick={() => void act(() => dismissInboxItem(props.db, item.key))}>
                      Écarter
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
