import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { findQuote, quoteIsOnPage, type QuotePosition } from '@/lib/overlay/text-highlight';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** The text a position covers (what a Range would select), for checking in Node where linkedom has no Range. */
function covered(doc: Document, pos: QuotePosition | undefined): string {
  if (!pos) return '';
  const texts: Text[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) texts.push(n as Text);
    else if (!(n.nodeType === 1 && ['SCRIPT', 'STYLE', 'TITLE'].includes((n as Element).tagName))) n.childNodes.forEach(walk);
  };
  walk(doc);
  const from = texts.indexOf(pos.startNode);
  const to = texts.indexOf(pos.endNode);
  return texts
    .slice(from, to + 1)
    .map((t) => t.data.slice(t === pos.startNode ? pos.startOffset : 0, t === pos.endNode ? pos.endOffset : undefined))
    .join('');
}

describe('finding an evidence quote in the page', () => {
  it('finds words split over several elements, whatever the accents, case and spacing', () => {
    const doc = parse('<html><body><p>Le marché est <b>réservé</b>  à des\n SIAE</p><script>réservé à des SIAE</script></body></html>');
    const pos = findQuote(doc, 'RESERVE A DES siae');
    expect(pos?.startNode.data).toBe('réservé');
    expect(covered(doc, pos).replace(/\s+/g, ' ')).toBe('réservé à des SIAE');
  });

  it('finds a quote taken from a real 2020 notice page (record text with "…" and cell separators)', () => {
    const doc = parse(readFileSync('test/fixtures/boamp-avis-2020/T455626942.html', 'utf8'));
    // The evidence the rules quote from this page's visible text
    const quote = "Visite sur site facultative.L'exécution du marché comporte une clause obligatoire d'insertion par l'activité économique.";
    expect(covered(doc, findQuote(doc, quote))).toContain("clause obligatoire d'insertion par l'activité économique");
    expect(quoteIsOnPage(doc, '… comporte une clause obligatoire d’insertion …')).toBe(true);
  });

  it('ignores excluded elements, scripts, too-short quotes and absent words', () => {
    const doc = parse('<body><regie-radar-panel><p>clause sociale</p></regie-radar-panel><p>autre texte</p></body>');
    expect(findQuote(doc, 'clause sociale', { exclude: (el) => el.tagName.toLowerCase() === 'regie-radar-panel' })).toBeUndefined();
    expect(findQuote(doc, 'clause sociale')).toBeDefined();
    expect(findQuote(doc, 'au')).toBeUndefined();
    expect(findQuote(doc, 'marché réservé')).toBeUndefined();
  });
});
