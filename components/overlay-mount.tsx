/**
 * Mounting the overlay in a page (used by the boamp.fr and TED content scripts, and open to the portals one):
 * Preact inside WXT shadow roots, messages to the background, preferences in extension storage. The decisions
 * (what to load, in which order, what a flag says) live in lib/overlay; this file only wires browser APIs.
 */
import { render } from 'preact';
import { z } from 'zod';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';
import { callMessage, type Transport } from '@/lib/messaging/protocol';
import { AssessNotices, GetBoampRecords, type AssessedNotice } from '@/lib/messaging/records';
import { GetWatchState, WatchNotice } from '@/lib/messaging/watchlist';
import type { Notice } from '@/lib/notice/schema';
import type { ListItem } from '@/lib/sources/types';
import { loadList, type ListRowResult } from '@/lib/overlay/load-list';
import type { NoticeLoadResult } from '@/lib/overlay/load-notice';
import { uiLangFrom, type UiLang } from '@/lib/overlay/labels';
import { findQuoteRange, quoteIsOnPage, showRange } from '@/lib/overlay/text-highlight';
import { PageOverlay, type PageOverlayState } from './PageOverlay';
import { ListBadge } from './ListBadge';

export const PANEL_TAG = 'regie-radar-panel';
export const BADGE_TAG = 'regie-radar-badge';

export const messageTransport: Transport = (envelope) => browser.runtime.sendMessage(envelope);

const PREFS_KEY = 'regieRadar.overlay';
const PrefsSchema = z.object({ collapsed: z.boolean().default(false), lang: z.enum(['fr', 'en']).optional() });
type Prefs = z.infer<typeof PrefsSchema>;

async function readPrefs(): Promise<Prefs> {
  try {
    const stored = (await browser.storage.local.get(PREFS_KEY))[PREFS_KEY];
    const parsed = PrefsSchema.safeParse(stored ?? {});
    return parsed.success ? parsed.data : { collapsed: false };
  } catch {
    return { collapsed: false };
  }
}

function writePrefs(prefs: Prefs): void {
  void browser.storage.local.set({ [PREFS_KEY]: prefs }).catch(() => undefined);
}

/** Milliseconds since the page's DOMContentLoaded (what the E2E prints as "DOM ready → badge"). */
function sinceDomReady(): number {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return Math.round(performance.now() - (nav?.domContentLoadedEventStart ?? 0));
}

function isOverlayHost(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  return tag === PANEL_TAG || tag === BADGE_TAG;
}

/** Assess notices read from a page (background: CPV labels + rules). */
export async function assessInBackground(notices: Notice[]): Promise<AssessedNotice[]> {
  const { results } = await callMessage(AssessNotices, { notices }, messageTransport);
  return results;
}

/**
 * The notice panel of a page view. `load` decides where the notice comes from; the panel shows a pending
 * badge at once, then the result. Removed when `signal` aborts (URL changed).
 */
export async function mountNoticeOverlay(ctx: ContentScriptContext, signal: AbortSignal, load: () => Promise<NoticeLoadResult>): Promise<void> {
  // Start loading at once; preferences and the shadow root (which fetches its CSS) are prepared meanwhile.
  const loaded = load();
  const prefs = await readPrefs();
  let lang: UiLang = prefs.lang ?? uiLangFrom(navigator.language);
  let collapsed = prefs.collapsed;
  let state: PageOverlayState = { status: 'loading' };
  let watched = false;
  let watchBusy = false;
  let watchError: string | undefined;
  const quoteCache = new Map<string, boolean>();

  const ui = await createShadowRootUi(ctx, {
    name: PANEL_TAG,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    isolateEvents: true,
    onMount: (container) => container,
    onRemove: (container) => {
      if (container) render(null, container);
    },
  });
  if (signal.aborted) return;
  ui.mount();
  signal.addEventListener('abort', () => ui.remove(), { once: true });

  const quoteOnPage = (quote: string): boolean => {
    let hit = quoteCache.get(quote);
    if (hit === undefined) {
      hit = quoteIsOnPage(document, quote, { exclude: isOverlayHost });
      quoteCache.set(quote, hit);
    }
    return hit;
  };
  const onQuote = (quote: string): void => {
    const range = findQuoteRange(document, quote, { exclude: isOverlayHost });
    if (range) showRange(document, range);
  };

  const paint = (): void => {
    if (signal.aborted) return;
    const ready = state.status === 'ready' ? state : undefined;
    ui.shadowHost.setAttribute('data-state', state.status);
    render(
      <PageOverlay
        state={state}
        lang={lang}
        onLangChange={(next) => {
          lang = next;
          writePrefs({ collapsed, lang });
          paint();
        }}
        collapsed={collapsed}
        onToggleCollapsed={() => {
          collapsed = !collapsed;
          writePrefs({ collapsed, ...(prefs.lang || lang !== uiLangFrom(navigator.language) ? { lang } : {}) });
          paint();
        }}
        onQuote={onQuote}
        quoteOnPage={quoteOnPage}
        {...(ready
          ? {
              watch: {
                watched,
                busy: watchBusy,
                ...(watchError ? { error: watchError } : {}),
                onWatch: () => void watch(ready.notice, ready.assessment),
              },
            }
          : {})}
      />,
      ui.uiContainer,
    );
  };

  const watch = async (notice: Notice, assessment: AssessedNotice['assessment']): Promise<void> => {
    watchBusy = true;
    watchError = undefined;
    paint();
    try {
      const res = await callMessage(WatchNotice, { notice, assessment }, messageTransport);
      watched = res.watched;
    } catch (e) {
      watchError = `Suivi impossible : ${e instanceof Error ? e.message : String(e)}`;
    }
    watchBusy = false;
    paint();
  };

  paint();
  state = await loaded;
  if (signal.aborted) return;
  if (state.status === 'ready') ui.shadowHost.setAttribute('data-rr-ms', String(sinceDomReady()));
  paint();
  if (state.status === 'ready') {
    // Tell the background what this tab shows (the popup reads it) and learn whether it is watched.
    try {
      const res = await callMessage(
        GetWatchState,
        { key: { source: state.notice.source, id: state.notice.id }, notice: state.notice, assessment: state.assessment },
        messageTransport,
      );
      watched = res.watched;
      paint();
    } catch {
      // the watchlist being unavailable must not hide the assessment
    }
  }
}

export interface ListOverlayOptions {
  /** Read the page's rows (called again when the page adds rows). */
  readRows: () => ListItem[];
  /** One batched record request for the ids (BOAMP API); omitted when the source has no API. */
  records?: (ids: string[]) => Promise<{ found: AssessedNotice[]; errors: string[] }>;
}

/** BOAMP's batched record request through the background. */
export function boampRecordsInBackground(ids: string[]): Promise<{ found: AssessedNotice[]; errors: string[] }> {
  return callMessage(GetBoampRecords, { ids }, messageTransport);
}

/**
 * A badge at the top of every result row, first from the row, then from the records. Rows the page adds later
 * (client-side paging) get theirs too. Everything is removed when `signal` aborts.
 */
export async function mountListBadges(ctx: ContentScriptContext, signal: AbortSignal, options: ListOverlayOptions): Promise<void> {
  const done = new WeakSet<Element>();
  const uis: Array<{ remove(): void }> = [];
  signal.addEventListener('abort', () => uis.forEach((u) => u.remove()), { once: true });

  const run = async (): Promise<void> => {
    let items: ListItem[] = [];
    try {
      items = options.readRows().filter((i) => !done.has(i.element));
    } catch {
      return;
    }
    if (items.length === 0 || signal.aborted) return;
    items.forEach((i) => done.add(i.element));
    // Results may arrive before a row's badge host exists (mounting loads CSS): keep them until it does.
    const painters = new Map<string, (r?: ListRowResult) => void>();
    const latest = new Map<string, ListRowResult>();
    // Ask the background at once, in parallel with mounting the badges.
    const loading = loadList({
      rows: items.map((i) => i.notice),
      assessRows: assessInBackground,
      ...(options.records ? { records: options.records } : {}),
      update: (results) =>
        results.forEach((r) => {
          latest.set(r.id, r);
          painters.get(r.id)?.(r);
        }),
      signal,
    });
    await Promise.all(
      items.map(async (item) => {
        const ui = await createShadowRootUi(ctx, {
          name: BADGE_TAG,
          position: 'inline',
          anchor: item.element,
          append: 'first',
          isolateEvents: true,
          onMount: (container) => container,
          onRemove: (container) => {
            if (container) render(null, container);
          },
        });
        if (signal.aborted) return;
        ui.mount();
        uis.push(ui);
        ui.shadowHost.setAttribute('data-rr-list', '');
        ui.shadowHost.setAttribute('data-id', item.notice.id);
        const paint = (r?: ListRowResult): void => {
          if (r) {
            ui.shadowHost.setAttribute('data-verdict', r.assessed.assessment.verdict);
            ui.shadowHost.setAttribute('data-source', r.source);
            if (!ui.shadowHost.hasAttribute('data-rr-ms')) ui.shadowHost.setAttribute('data-rr-ms', String(sinceDomReady()));
          }
          render(r ? <ListBadge assessment={r.assessed.assessment} source={r.source} /> : <ListBadge pending />, ui.uiContainer);
        };
        painters.set(item.notice.id, paint);
        paint(latest.get(item.notice.id));
      }),
    );
    await loading;
  };

  await run();
  // Client-side rendering: re-scan (debounced) when the page changes, for rows not yet badged.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((mutations) => {
    if (mutations.every((m) => m.target instanceof Element && isOverlayHost(m.target))) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void run(), 400);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
  ctx.onInvalidated(() => observer.disconnect());
}
