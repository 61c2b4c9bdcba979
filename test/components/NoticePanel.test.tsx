import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { render } from 'preact';
import { NoticePanel } from '@/components/NoticePanel';
import { ListBadge } from '@/components/ListBadge';
import { evaluate } from '@/lib/rules';
import { parseBoampRecord } from '@/lib/sources/boamp';
import type { Notice } from '@/lib/notice/schema';

// Preact renders into a linkedom document (no browser): enough to check what the panel says and its accessibility wiring.
const RECORDS = JSON.parse(readFileSync('test/fixtures/boamp/records/exports-json_2026-01_pdl_4full_TRANSCRIBED.json', 'utf8')) as unknown[];
const NOW = Date.parse('2026-02-01T10:00:00+01:00');

let doc: Document;
const saved = globalThis.document;
beforeAll(() => {
  doc = new DOMParser().parseFromString('<!DOCTYPE html><html><body><div id="root"></div></body></html>', 'text/html') as unknown as Document;
  (globalThis as { document?: Document }).document = doc;
});
afterAll(() => {
  (globalThis as { document?: Document }).document = saved;
});

function mount(node: preact.ComponentChild): Element {
  const root = doc.getElementById('root') as unknown as Element;
  render(null, root);
  render(node, root);
  return root;
}

describe('NoticePanel', () => {
  const menage: Notice = { ...parseBoampRecord(RECORDS[1]) };
  const assessment = evaluate(menage);

  it('shows the essentials of a real record in French, with days left in Paris time', () => {
    const root = mount(<NoticePanel notice={menage} assessment={assessment} now={NOW} />);
    expect(root.querySelector('[data-testid="rr-title"]')?.textContent).toBe("Prestations de ménage des locaux et vitreries, gestion des consommables d'hygiène");
    expect(root.querySelector('[data-field="buyer"] dd')?.textContent).toBe('Institut Public Ocens');
    expect(root.querySelector('[data-field="deadline"] dd')?.textContent).toBe('13 février 2026 à 12 h 00 (dans 12 jours)');
    expect(root.querySelector('[data-field="value"] dd')?.textContent).toBe('non indiquée');
    expect(root.querySelectorAll('table.rr-lots tbody tr')).toHaveLength(3);
    expect(root.querySelector('.rr-badge')?.getAttribute('data-verdict')).toBe('maybe');
    expect(root.querySelectorAll('[data-flag="regie-trade"]').length).toBeGreaterThan(0);
    expect(root.querySelector('a.rr-link')?.getAttribute('href')).toBe('https://www.boamp.fr/pages/avis/?q=idweb:26-3091');
  });

  it('formats the value as "1 000 000 € HT" and wires collapse for keyboard users', () => {
    const balayage = parseBoampRecord(RECORDS[3]);
    let toggled = 0;
    const root = mount(<NoticePanel notice={balayage} assessment={evaluate(balayage)} now={NOW} collapsed onToggleCollapsed={() => toggled++} idPrefix="t" />);
    expect(root.querySelector('[data-field="value"] dd')?.textContent).toBe('1\u202f000\u202f000\u00a0€\u00a0HT');
    const toggle = root.querySelector('.rr-panel__toggle');
    expect(toggle?.tagName).toBe('BUTTON');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(toggle?.getAttribute('aria-controls')).toBe('t-body');
    expect(root.querySelector('#t-body')?.hasAttribute('hidden')).toBe(true);
    (toggle as unknown as { click(): void }).click();
    expect(toggled).toBe(1);
  });

  it('offers on-page quotes as buttons, others as plain quotations, never as HTML', () => {
    const hostile: Notice = { ...menage, title: '<img src=x onerror=alert(1)>Titre' };
    const quoted = {
      ...assessment,
      flags: [
        { id: 'social-clause', severity: 'strong' as const, title: 'Clause sociale', explanation: 'x', legalBasis: ['CCP art. L2112-2'], evidence: [{ quote: 'sur la page' }, { quote: 'ailleurs <b>gras</b>' }] },
      ],
    };
    const clicked: string[] = [];
    const root = mount(<NoticePanel notice={hostile} assessment={quoted} onQuote={(q) => clicked.push(q)} quoteOnPage={(q) => q === 'sur la page'} />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-testid="rr-title"]')?.textContent).toBe('<img src=x onerror=alert(1)>Titre');
    const button = root.querySelector('button.rr-quote--link');
    expect(button?.textContent).toContain('sur la page');
    (button as unknown as { click(): void }).click();
    expect(clicked).toEqual(['sur la page']);
    expect(root.querySelector('q.rr-quote')?.textContent).toBe('ailleurs <b>gras</b>');
    expect(root.querySelector('.rr-legal')?.textContent).toBe('CCP art. L2112-2');
  });

  it('shows English under the French when asked', () => {
    const root = mount(<NoticePanel notice={menage} assessment={assessment} lang="en" now={NOW} onLangChange={() => undefined} />);
    expect(root.querySelector('[data-field="buyer"] dt')?.textContent).toBe('Acheteur / Buyer');
    expect(root.querySelector('[data-field="deadline"] dd')?.textContent).toContain('in 12 days');
  });
});

describe('ListBadge', () => {
  it('names the verdict and describes it with the top reasons', () => {
    const n = parseBoampRecord(RECORDS[1]);
    const root = mount(<ListBadge assessment={evaluate(n)} source="record" />);
    const button = root.querySelector('button.rr-listbadge');
    expect(button?.getAttribute('data-verdict')).toBe('maybe');
    const tip = root.querySelector(`#${button?.getAttribute('aria-describedby') ?? 'none'}`);
    expect(tip?.getAttribute('role')).toBe('tooltip');
    expect(tip?.textContent).toContain('Métier de Régie');
    expect(tip?.textContent).toContain('D’après la fiche complète (API)');
    expect(mount(<ListBadge pending />).textContent).toBe('Régie Radar…');
  });
});
