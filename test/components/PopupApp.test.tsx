import { afterEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PopupApp } from '@/components/PopupApp';
import { freshDb } from '../lib/watchlist/fake-db';
import { loadBoampRecords, recordToNotice, syntheticAssessment } from '../lib/watchlist/seed-notices';

// Preact renders into a linkedom document installed as the global one for the duration of each test.
const g = globalThis as unknown as { document?: Document };
const saved = g.document;
function setup(): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  g.document = document as unknown as Document;
  return document.getElementById('root') as unknown as HTMLElement;
}
afterEach(() => {
  g.document = saved;
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
}

function click(el: Element | null | undefined): void {
  el?.dispatchEvent(new (el.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
}

describe('PopupApp links', () => {
  it('offers "Vérifier (acheteur)" for a detected notice and opens the self-check page once per click', async () => {
    const root = setup();
    const notice = recordToNotice(loadBoampRecords()[0]!);
    let selfChecks = 0;
    const { db } = freshDb('popup-self-check');
    await act(() =>
      render(
        <PopupApp
          db={db}
          loadTabNotice={async () => ({ state: { watched: false }, notice, assessment: syntheticAssessment(notice) })}
          openWatchlist={() => undefined}
          openSelfCheck={() => selfChecks++}
        />,
        root,
      ),
    );
    await settle();
    const link = root.querySelector('[data-testid="open-self-check"]');
    expect(link?.tagName).toBe('BUTTON'); // a real button: focusable, Enter/Space activate it
    expect(link?.textContent).toBe('Vérifier (acheteur)');
    click(link);
    expect(selfChecks).toBe(1);
  });

  it('hides it when no notice is detected, and the watchlist link opens the list', async () => {
    const root = setup();
    const opened: (string | undefined)[] = [];
    const { db } = freshDb('popup-no-notice');
    await act(() =>
      render(
        <PopupApp db={db} loadTabNotice={async () => undefined} openWatchlist={(k) => opened.push(k)} openSelfCheck={() => undefined} />,
        root,
      ),
    );
    await settle();
    expect(root.querySelector('[data-testid="overview"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="open-self-check"]')).toBeNull();
    const list = root.querySelector('[data-testid="open-watchlist"]');
    expect(list?.textContent?.trim()).toBe('Ouvrir la liste de suivi');
    click(list);
    expect(opened).toEqual([undefined]);
  });
});
