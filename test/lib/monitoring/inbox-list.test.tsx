import { afterEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { InboxList } from '@/components/InboxList';
import { openWatchlistDb } from '@/lib/watchlist/db';
import { monitoringStore } from '@/lib/watchlist/monitoring-store';
import { runMonitoring } from '@/lib/monitoring/run';
import { DEFAULT_MONITORING_SETTINGS } from '@/lib/monitoring/settings';
import { DEFAULT_PROFILE } from '@/lib/rules/profile';
import { mockApis } from './mock-apis';

// Preact renders into a linkedom document installed as the global one for the duration of each test.
const g = globalThis as unknown as { document?: Document };
const saved = g.document;
afterEach(() => {
  g.document = saved;
});

async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
}

describe('InboxList', () => {
  it('lists the matches with verdict and reasons; Écarter hides one for good; Suivre puts one in the watchlist', async () => {
    const db = openWatchlistDb('inbox-ui', new IDBFactory(), IDBKeyRange);
    let clock = Date.parse('2026-11-25T09:00:00+01:00');
    await runMonitoring({
      fetch: mockApis().fetch,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
      store: monitoringStore(db),
      profile: DEFAULT_PROFILE,
      settings: { ...DEFAULT_MONITORING_SETTINGS, enabled: true },
      notify: async () => undefined,
      pageSize: 100,
    });
    const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    g.document = document as unknown as Document;
    const root = document.getElementById('root') as unknown as HTMLElement;
    await act(async () => {
      render(<InboxList db={db} now={() => clock} />, root);
    });
    await settle();
    const items = () => [...root.querySelectorAll('[data-testid="inbox-item"]')];
    expect(items()).toHaveLength(7);
    expect(root.querySelector('[data-testid="inbox-count"]')?.textContent).toBe('(7 nouvelles)');
    const aizenay = root.querySelector('[data-key="boamp:26-5927"]');
    expect(aizenay?.textContent).toContain('À regarder');
    expect(aizenay?.textContent).toContain('Métier de Régie : nettoyage et propreté');
    expect(aizenay?.textContent).toContain('réponse avant le 20/02/2026 12:00');
    const click = (el: Element | null | undefined): void => void el?.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('click'));
    await act(async () => click(root.querySelector('[data-key="boamp:26-3091"] [data-testid="inbox-dismiss"]')));
    await settle();
    expect(items()).toHaveLength(6);
    expect((await db.inbox.get('boamp:26-3091'))?.status).toBe('dismissed');
    await act(async () => click(root.querySelector('[data-key="boamp:26-5927"] [data-testid="inbox-watch"]')));
    await settle();
    expect(root.querySelector('[data-key="boamp:26-5927"] [data-testid="inbox-watched"]')?.textContent).toBe('Suivi dans la liste');
    expect((await db.watched.get('boamp:26-5927'))?.title).toBe('Balayage mécanisé des voiries et nettoyage des avaloirs');
    expect(root.querySelector('[data-testid="inbox-count"]')?.textContent).toBe('(5 nouvelles)');
  });
});
