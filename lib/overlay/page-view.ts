/**
 * One "page view" = one URL the overlay works on. Sites like boamp.fr (AngularJS) and TED (SPA) change the URL
 * without reloading: every view gets its own AbortController, and starting a new view aborts the previous one
 * so late answers (API, DOM waits) of an old view never paint over the new page.
 */

export interface PageView {
  /** Increasing number, handy in logs and tests. */
  readonly seq: number;
  readonly url: URL;
  readonly signal: AbortSignal;
}

export class PageViewController {
  private current: AbortController | undefined;
  private seq = 0;
  private lastHref: string | undefined;

  /**
   * Start a view for `url`, aborting the previous one. Returns undefined when the URL is the one already
   * shown and `force` is not set (a `locationchange` fired for a hash-only or identical URL).
   */
  begin(url: URL, force = false): PageView | undefined {
    if (!force && this.lastHref === url.href && this.current && !this.current.signal.aborted) return undefined;
    this.current?.abort();
    this.current = new AbortController();
    this.lastHref = url.href;
    this.seq += 1;
    return { seq: this.seq, url, signal: this.current.signal };
  }

  /** Stop the current view (content script invalidated, page hidden for good). */
  end(): void {
    this.current?.abort();
    this.current = undefined;
    this.lastHref = undefined;
  }
}

export interface WaitOptions {
  signal?: AbortSignal;
  /** Give up after this many milliseconds (default 15 s). */
  timeoutMs?: number;
}

/**
 * Resolve with the first non-empty value `find()` returns, re-checking on every DOM mutation of `doc` (the site
 * renders late); undefined on timeout or abort. Uses the document's own MutationObserver when it has one (the
 * browser), otherwise polls (Node DOMs in tests). Never rejects.
 */
export function waitFor<T>(doc: Document, find: () => T | null | undefined, options: WaitOptions = {}): Promise<T | undefined> {
  const safeFind = (): T | undefined => {
    try {
      const v = find();
      if (v === null || v === undefined) return undefined;
      if (Array.isArray(v) && v.length === 0) return undefined;
      return v;
    } catch {
      return undefined;
    }
  };
  const first = safeFind();
  if (first !== undefined || options.signal?.aborted) return Promise.resolve(first);
  return new Promise((resolve) => {
    let done = false;
    let observer: MutationObserver | undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    const finish = (value: T | undefined): void => {
      if (done) return;
      done = true;
      observer?.disconnect();
      if (poll !== undefined) clearInterval(poll);
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const check = (): void => {
      const v = safeFind();
      if (v !== undefined) finish(v);
    };
    const onAbort = (): void => finish(undefined);
    const timer = setTimeout(() => finish(undefined), options.timeoutMs ?? 15_000);
    options.signal?.addEventListener('abort', onAbort);
    const Observer = doc.defaultView?.MutationObserver;
    const root = doc.documentElement;
    if (Observer && root) {
      observer = new Observer(check);
      observer.observe(root, { childList: true, subtree: true, characterData: true });
    } else {
      poll = setInterval(check, 100);
    }
  });
}
