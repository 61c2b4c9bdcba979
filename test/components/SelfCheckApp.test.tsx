import { afterEach, describe, expect, it } from 'vitest';
import { DOMParser, parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SelfCheckApp } from '@/components/SelfCheckApp';
import { loadNoticesFromFile } from '@/lib/cli/load-input';

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
const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const flush = () => act(async () => { await new Promise((r) => setTimeout(r, 0)); });

describe('SelfCheckApp', () => {
  it('shows the report of the tab’s notice (real 26-5927), exports Markdown and prints through the injected callbacks', async () => {
    const root = setup();
    const notice = loadNoticesFromFile('test/fixtures/boamp/records/exports-json_2026-01_pdl_4full_TRANSCRIBED.json').find((n) => n.id === '26-5927');
    const downloads: { name: string; content: string; mime: string }[] = [];
    let prints = 0;
    await act(() =>
      render(
        <SelfCheckApp loadTabNotice={async () => notice} parseHtml={parseHtml} download={(name, content, mime) => downloads.push({ name, content, mime })} print={() => prints++} />,
        root,
      ),
    );
    await flush();
    const report = root.querySelector('[data-testid="self-check-report"]');
    expect(report?.querySelector('.sc-report__title')?.textContent).toContain('Balayage mécanisé des voiries');
    expect(root.querySelector('[data-check="check-allotment-justification"]')?.getAttribute('data-status')).toBe('a-revoir');
    expect(root.textContent).toContain('Source : avis de l’onglet courant.');
    const click = (sel: string) => root.querySelector(sel)?.dispatchEvent(new (root.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
    await act(() => {
      click('[data-testid="self-check-markdown"]');
    });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.name).toBe('auto-controle-26-5927.md');
    expect(downloads[0]?.mime).toMatch(/^text\/markdown/);
    expect(downloads[0]?.content).toContain('### À revoir — Allotissement ou justification du marché global');
    await act(() => {
      click('[data-testid="self-check-print"]');
    });
    expect(prints).toBe(1);
  });

  it('shows the notice text as text, never as HTML', async () => {
    const root = setup();
    const notice = loadNoticesFromFile('test/fixtures/boamp/records/exports-json_2026-01_pdl_4full_TRANSCRIBED.json').find((n) => n.id === '26-5927');
    if (!notice) throw new Error('fixture');
    const hostile = { ...notice, title: '<img src=x onerror=alert(1)>Balayage' };
    await act(() => render(<SelfCheckApp loadTabNotice={async () => hostile} parseHtml={parseHtml} download={() => {}} print={() => {}} />, root));
    await flush();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.sc-report__title')?.textContent).toBe('<img src=x onerror=alert(1)>Balayage');
  });
});
