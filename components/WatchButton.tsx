/** "Suivre" button of the panel: sends WatchNotice through the callback; shows the state it gets back. */
export function WatchButton(props: { watched: boolean; busy?: boolean; error?: string; onWatch: () => void }) {
  return (
    <span class="rr-watch">
      <button
        type="button"
        class={props.watched ? 'rr-btn rr-btn--primary rr-watch--on' : 'rr-btn rr-btn--primary'}
        data-testid="rr-watch"
        aria-pressed={props.watched}
        disabled={props.busy || props.watched}
        title={props.watched ? 'Watched: see the watchlist' : 'Watch this notice'}
        onClick={props.onWatch}
      >
        {props.watched ? '★ Suivi' : '☆ Suivre'}
      </button>
      {props.error ? (
        <span class="rr-error" role="alert">
          {props.error}
        </span>
      ) : null}
    </span>
  );
}
