import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { PageViewController, waitFor } from '@/lib/overlay/page-view';

describe('page views', () => {
  it('aborts the previous view when the URL changes, ignores a repeat of the same URL', () => {
    const views = new PageViewController();
    const a = views.begin(new URL('https://www.boamp.fr/pages/recherche/'));
    expect(a?.seq).toBe(1);
    expect(views.begin(new URL('https://www.boamp.fr/pages/recherche/'))).toBeUndefined();
    const b = views.begin(new URL('https://www.boamp.fr/pages/avis?q=idweb:"26-12"'));
    expect(a?.signal.aborted).toBe(true);
    expect(b?.signal.aborted).toBe(false);
    expect(views.begin(new URL('https://www.boamp.fr/pages/avis?q=idweb:"26-12"'), true)?.seq).toBe(3);
    views.end();
  });
});

describe('waiting for late rendering', () => {
  const doc = () => new DOMParser().parseFromString('<html><body><div id="app"></div></body></html>', 'text/html') as unknown as Document;

  it('resolves when the element appears', async () => {
    const d = doc();
    setTimeout(() => d.getElementById('app')?.appendChild(d.createElement('h1')), 50);
    const found = await waitFor(d, () => d.querySelector('h1'), { timeoutMs: 2_000 });
    expect(found?.tagName).toBe('H1');
  });

  it('gives up on timeout and on abort, without rejecting', async () => {
    const d = doc();
    expect(await waitFor(d, () => d.querySelector('h2'), { timeoutMs: 150 })).toBeUndefined();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    expect(await waitFor(d, () => d.querySelector('h2'), { timeoutMs: 5_000, signal: controller.signal })).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await waitFor(d, () => { throw new Error('bad selector'); }, { timeoutMs: 100 })).toBeUndefined();
  });
});
