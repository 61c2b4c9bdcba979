import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor, draftKey, type DraftStore } from '@/components/NoteEditor';

/** NoteEditor in Node (linkedom DOM): drafts survive a closed popup, debounced saves, errors keep the draft. */

function memoryStore(): DraftStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

let root: HTMLElement;
let win: Window & typeof globalThis;

beforeEach(() => {
  const dom = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  win = dom.window as unknown as Window & typeof globalThis;
  Object.assign(globalThis, {
    document: dom.document,
    window: dom.window,
    addEventListener: dom.window.addEventListener.bind(dom.window),
    removeEventListener: dom.window.removeEventListener.bind(dom.window),
  });
  root = dom.document.getElementById('app') as unknown as HTMLElement;
  vi.useFakeTimers();
});

afterEach(() => {
  render(null, root);
  vi.useRealTimers();
});

function type(text: string) {
  const area = root.querySelector('textarea');
  if (!area) throw new Error('no textarea');
  area.value = text;
  area.dispatchEvent(new win.Event('input', { bubbles: true }));
}

describe('NoteEditor', () => {
  it('copies every keystroke to the draft at once and saves once after the pause', async () => {
    const store = memoryStore();
    const save = vi.fn(async (_text: string, id: number | undefined) => id ?? 7);
    await act(() => render(<NoteEditor noticeKey="boamp:24-76932" save={save} draftStore={store} debounceMs={400} />, root));
    await act(() => type('Visite'));
    await act(() => type('Visite le 12'));
    expect(JSON.parse(store.getItem(draftKey('boamp:24-76932')) ?? '{}')).toEqual({ text: 'Visite le 12' });
    expect(save).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(450);
    });
    expect(save.mock.calls).toEqual([['Visite le 12', undefined]]);
    expect(store.getItem(draftKey('boamp:24-76932'))).toBeNull();
    expect(root.querySelector('[data-testid="note-state"]')?.textContent).toBe('Enregistré');
    // Later edits update the same note (id 7), never a new one.
    await act(() => type('Visite le 12 à 10 h'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(450);
    });
    expect(save.mock.calls[1]).toEqual(['Visite le 12 à 10 h', 7]);
  });

  it('a draft left by a closed popup is shown and saved when the editor opens again', async () => {
    const store = memoryStore();
    store.setItem(draftKey('boamp:24-76638'), JSON.stringify({ text: 'Pas pour nous car', id: 3 }));
    const save = vi.fn(async (_text: string, id: number | undefined) => id ?? 1);
    await act(() => render(<NoteEditor noticeKey="boamp:24-76638" initial={{ text: 'ancien', id: 3 }} save={save} draftStore={store} />, root));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(root.querySelector('textarea')?.value).toBe('Pas pour nous car');
    expect(save.mock.calls).toEqual([['Pas pour nous car', 3]]);
    expect(store.getItem(draftKey('boamp:24-76638'))).toBeNull();
  });

  it('pagehide flushes a pending write without waiting for the pause', async () => {
    const store = memoryStore();
    const save = vi.fn(async () => 9);
    await act(() => render(<NoteEditor noticeKey="k:1" save={save} draftStore={store} debounceMs={5000} />, root));
    await act(() => type('mi-phrase'));
    await act(async () => {
      win.dispatchEvent(new win.Event('pagehide'));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(save).toHaveBeenCalledWith('mi-phrase', undefined);
  });

  it('a failed write (disk full) shows the message and keeps the draft', async () => {
    const store = memoryStore();
    const save = vi.fn(async () => {
      throw new Error("Le disque est plein : l'enregistrement n'a pas pu se faire.");
    });
    await act(() => render(<NoteEditor noticeKey="k:2" save={save} draftStore={store} debounceMs={10} />, root));
    await act(() => type('texte important'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(20);
    });
    expect(root.querySelector('[data-testid="note-state"]')?.textContent).toBe(
      "Le disque est plein : l'enregistrement n'a pas pu se faire. Le texte est gardé en brouillon.",
    );
    expect(JSON.parse(store.getItem(draftKey('k:2')) ?? '{}')).toEqual({ text: 'texte important' });
  });
});
