import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tidyLines } from '@/lib/sources/text/visible-text';

/** tidyLines before its fast path (every line through the four rewrites): the fast path must give the same text. */
function tidyLinesReference(text: string): string {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw
      .replace(/[ \t\u00a0\u202f]+/g, (m) => (m.includes('\u00a0') || m.includes('\u202f') ? '\u00a0' : ' '))
      .replace(/^[\s|]+/, '')
      .replace(/[\s|]+$/, '')
      .replace(/(\s*\|\s*)+/g, ' | ');
    if (line) lines.push(line);
  }
  return lines.join('\n');
}

describe('tidyLines fast path', () => {
  it('gives the same text as the four rewrites on lines made of spaces, pipes and letters', () => {
    const piece = fc.constantFrom('a', 'é', ' ', '  ', '\t', '\u00a0', '\u202f', '\u2009', '|', ' | ', '\n', '\r', 'Lot 1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(tidyLines(text)).toBe(tidyLinesReference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('still tidies the lines that need it', () => {
    expect(tidyLines(' | Objet | Nettoyage  des locaux |\n\n\u00a0\nLot\u00a0 1')).toBe('Objet | Nettoyage des locaux\nLot\u00a01');
  });
});
