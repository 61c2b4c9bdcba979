import type { NoticeLoadResult } from '@/lib/overlay/load-notice';
import type { UiLang } from '@/lib/overlay/labels';
import { NoticePanel, type WatchProps } from './NoticePanel';

export type PageOverlayState = NoticeLoadResult | { status: 'loading' };

/**
 * The notice overlay of a page: a pending badge while the background answers, then the NoticePanel, or a short
 * message when nothing could be read. Stateless: the content script re-renders it with each new state.
 */
export function PageOverlay(props: {
  state: PageOverlayState;
  now?: number;
  lang: UiLang;
  onLangChange: (lang: UiLang) => void;
  collapsed: boolean;
  onToggleCollapsed: () => void;
  watch?: WatchProps;
  onQuote?: (quote: string) => void;
  quoteOnPage?: (quote: string) => boolean;
}) {
  const { state } = props;
  if (state.status === 'aborted') return null;
  if (state.status === 'loading') {
    return (
      <section class="rr-panel" aria-busy="true" aria-label="Régie Radar">
        <span class="rr-badge rr-badge--pending" role="status">
          Régie Radar : analyse de l’avis…
        </span>
      </section>
    );
  }
  if (state.status === 'failed') {
    return (
      <section class="rr-panel" aria-label="Régie Radar">
        <strong>Régie Radar</strong>
        <ul class="rr-notes" role="note">
          {state.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <NoticePanel
      notice={state.notice}
      assessment={state.assessment}
      origin={state.origin}
      notes={state.notes}
      lang={props.lang}
      onLangChange={props.onLangChange}
      collapsed={props.collapsed}
      onToggleCollapsed={props.onToggleCollapsed}
      {...(props.now !== undefined ? { now: props.now } : {})}
      {...(props.watch ? { watch: props.watch } : {})}
      {...(props.onQuote ? { onQuote: props.onQuote } : {})}
      {...(props.quoteOnPage ? { quoteOnPage: props.quoteOnPage } : {})}
    />
  );
}
