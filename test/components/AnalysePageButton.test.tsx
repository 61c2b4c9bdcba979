import { afterEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { AnalysePageButton } from '@/components/AnalysePageButton';
import type { AnalyseResult } from '@/lib/analyse-page/result';

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

async function clickAndWait(root: HTMLElement): Promise<void> {
  await act(async () => {
    root.querySelector('button')?.dispatchEvent(new (root.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('AnalysePageButton', () => {
  it('runs the analysis on click and shows the verdict, title and reasons in French', async () => {
    const root = setup();
    let runs = 0;
    const result: AnalyseResult = {
      ok: true, source: 'text', kind: 'notice', title: 'Entretien des espaces verts', buyer: 'Ville d’Exemple',
      verdict: 'opportunity', score: 82, reasons: ['Marché réservé aux SIAE'],
    };
    await act(() => render(<AnalysePageButton run={async () => (runs++, result)} />, root));
    expect(root.querySelector('button')?.textContent).toBe('Analyser cette page');
    await clickAndWait(root);
    expect(runs).toBe(1);
    const out = root.querySelector('[data-testid="analyse-result"]');
    expect(out?.getAttribute('data-verdict')).toBe('opportunity');
    expect(out?.textContent).toContain('Opportunité');
    expect(out?.textContent).toContain('(82/100)');
    expect(out?.textContent).toContain('Entretien des espaces verts — Ville d’Exemple');
    expect(out?.querySelector('li')?.textContent).toBe('Marché réservé aux SIAE');
  });

  it('shows why when the page cannot be analysed (and when the runner throws)', async () => {
    const root = setup();
    await act(() => render(<AnalysePageButton run={async () => ({ ok: false, reason: 'Aucun onglet actif.' })} />, root));
    await clickAndWait(root);
    expect(root.querySelector('[data-testid="analyse-result"]')?.textContent).toBe('Aucun onglet actif.');
    const root2 = setup();
    await act(() => render(<AnalysePageButton run={async () => Promise.reject(new Error('boom'))} />, root2));
    await clickAndWait(root2);
    expect(root2.querySelector('[data-testid="analyse-result"]')?.textContent).toBe('boom');
  });
});
