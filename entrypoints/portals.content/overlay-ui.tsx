import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';
import { render } from 'preact';
import overlayCss from '@/assets/overlay.css?inline';
import { PageOverlay, type PageOverlayState } from '@/components/PageOverlay';
import { ListBadge } from '@/components/ListBadge';
import { callMessage } from '@/lib/messaging/protocol';
import { AssessNotices, GetBoampRecords } from '@/lib/messaging/records';
import { GetWatchState, WatchNotice } from '@/lib/messaging/watchlist';
import type { AnalyseDeps } from '@/lib/analyse-page/analyse-in-page';
import { findQuoteRange } from '@/lib/overlay/text-highlight';
import { uiLangFrom, type UiLang } from '@/lib/overlay/labels';
import type { Notice } from '@/lib/notice/schema';
import type { Assessment } from '@/lib/rules/types';

/**
 * Browser glue shared by the portals content script and the "Analyser cette page" script: messages to the
 * background, the panel and the row badges in shadow roots (H6's components and styles; the CSS is inlined so the
 * injected script needs no web-accessible stylesheet). No page text is ever inserted as HTML: Preact renders text.
 */
const send = (envelope: unknown) => browser.runtime.sendMessage(envelope);

export async function createPortalOverlay(ctx: ContentScriptContext): Promise<AnalyseDeps> {
  let state: PageOverlayState = { status: 'loading' };
  let lang: UiLang = uiLangFrom(navigator.language);
  let collapsed = false;
  let watch: { watched: boolean; busy?: boolean; error?: string } = { watched: false };
  let mount: HTMLElement | undefined;

  const ui = await createShadowRootUi(ctx, {
    name: 'regie-radar-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: overlayCss,
    onMount(container) {
      mount = container;
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });

  const onWatch = async (notice: Notice, assessment: Assessment): Promise<void> => {
    watch = { ...watch, busy: true };
    paint();
    try {
      const s = await callMessage(WatchNotice, { notice, assessment }, send);
      watch = { watched: s.watched };
    } catch (e) {
      watch = { watched: watch.watched, error: e instanceof Error ? e.message : String(e) };
    }
    paint();
  };

  function paint(): void {
    if (!mount) return;
    const ready = state.status === 'ready' ? state : undefined;
    render(
      <PageOverlay
        state={state}
        lang={lang}
        onLangChange={(l) => {
          lang = l;
          paint();
        }}
        collapsed={collapsed}
        onToggleCollapsed={() => {
          collapsed = !collapsed;
          paint();
        }}
        {...(ready ? { watch: { ...watch, onWatch: () => void onWatch(ready.notice, ready.assessment) } } : {})}
        quoteOnPage={(quote) => Boolean(findQuoteRange(document, quote))}
        onQuote={(quote) => {
          const range = findQuoteRange(document, quote);
          if (!range) return;
          range.startContainer.parentElement?.scrollIntoView({ behavior: 'smooth', block: 'center' });
          const selection = window.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
        }}
      />,
      mount,
    );
  }

  return {
    assess: async (notices) => (await callMessage(AssessNotices, { notices }, send)).results,
    boampRecords: (ids) => callMessage(GetBoampRecords, { ids }, send),
    showNotice(next) {
      state = next;
      if (!ui.mounted) ui.mount();
      paint();
    },
    showList(rows) {
      for (const { element, result } of rows) void badgeRow(ctx, element, result.assessed.assessment, result.source);
    },
    async remember(notice, assessment) {
      const s = await callMessage(GetWatchState, { key: { source: notice.source, id: notice.id }, notice, assessment }, send);
      watch = { watched: s.watched };
      paint();
      return s;
    },
  };
}

const badges = new WeakMap<Element, HTMLElement>();

/** One badge per row, at the start of the row (a table row gets it in its first cell). */
async function badgeRow(ctx: ContentScriptContext, row: Element, assessment: Assessment, source: 'row' | 'record'): Promise<void> {
  const existing = badges.get(row);
  if (existing) {
    render(<ListBadge assessment={assessment} source={source} />, existing);
    return;
  }
  const anchor = row.tagName.toUpperCase() === 'TR' ? (row.querySelector('td, th') ?? row) : row;
  const ui = await createShadowRootUi(ctx, {
    name: 'regie-radar-badge',
    position: 'inline',
    anchor,
    append: 'first',
    css: overlayCss,
    onMount(container, _shadow, host) {
      host.setAttribute('data-rr-list', '');
      badges.set(row, container);
      render(<ListBadge assessment={assessment} source={source} />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
}
