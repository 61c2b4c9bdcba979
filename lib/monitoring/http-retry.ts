/**
 * One HTTP call with retries, for the two public APIs. Retries network errors, timeouts, HTTP 429 and 5xx with
 * exponential backoff (1 s, 2 s, 4 s … capped at 60 s), honouring `Retry-After` (seconds or HTTP date, capped at
 * 10 min). 4xx other than 429 are not retried (the request itself is wrong). Never throws: returns a result.
 * Sleep and clock are injected so tests run instantly.
 */
export interface HttpResponseLike {
  ok: boolean;
  status: number;
  headers?: { get(name: string): string | null };
  json(): Promise<unknown>;
}

export type MonitorFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<HttpResponseLike>;

export interface RetryOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export const DEFAULT_RETRY: Omit<RetryOptions, 'sleep' | 'now'> = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000, timeoutMs: 20_000 };

export type HttpResult = { ok: true; body: unknown; attempts: number } | { ok: false; error: string; status?: number; attempts: number; retryable: boolean };

/** Retry-After → milliseconds (undefined when absent or unreadable). */
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export async function fetchJsonWithRetry(
  fetchFn: MonitorFetch,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  options: RetryOptions,
  label: string,
): Promise<HttpResult> {
  let last: HttpResult = { ok: false, error: `${label} : aucune tentative`, attempts: 0, retryable: true };
  for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
    let waitMs = Math.min(options.baseDelayMs * 2 ** (attempt - 1), options.maxDelayMs);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const res = await fetchFn(url, { ...init, signal: controller.signal });
      if (res.ok) {
        try {
          return { ok: true, body: await res.json(), attempts: attempt };
        } catch {
          last = { ok: false, error: `${label} : réponse qui n’est pas du JSON`, status: res.status, attempts: attempt, retryable: true };
        }
      } else {
        const retryable = res.status === 429 || res.status >= 500;
        const tooMany = res.status === 429 ? ' (trop de requêtes)' : '';
        last = { ok: false, error: `${label} : HTTP ${res.status}${tooMany}`, status: res.status, attempts: attempt, retryable };
        if (!retryable) return last;
        const after = retryAfterMs(res.headers?.get('Retry-After'), options.now());
        if (after !== undefined) waitMs = Math.min(after, 600_000);
      }
    } catch (error) {
      const reason = controller.signal.aborted ? 'délai dépassé' : error instanceof Error ? error.message : String(error);
      last = { ok: false, error: `${label} : réseau indisponible (${reason})`, attempts: attempt, retryable: true };
    } finally {
      clearTimeout(timer);
    }
    if (attempt < options.maxAttempts) await options.sleep(waitMs);
  }
  return last;
}
