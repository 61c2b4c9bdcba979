/** "Suivre cet avis" / "Suivi — ne plus suivre" button. */
export function WatchToggle(props: { watched: boolean; busy?: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      class={props.watched ? 'watch-toggle watched' : 'watch-toggle'}
      data-testid="watch-toggle"
      aria-pressed={props.watched}
      disabled={props.busy}
      onClick={props.onToggle}
      title={props.watched ? 'Stop watching this notice' : 'Watch this notice'}
    >
      {props.watched ? '★ Suivi — ne plus suivre' : '☆ Suivre cet avis'}
    </button>
  );
}
