import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeWithMap } from '@/lib/notice/normalize';

describe('normalizeText', () => {
  it('drops accents, case, ligatures and typographic variants', () => {
    expect(normalizeText('Marché RÉSERVÉ aux SIAE – œuvre d’insertion')).toBe("marche reserve aux siae - oeuvre d'insertion");
    expect(normalizeText('1\u202F250\u00A0000 €')).toBe('1 250 000 €');
  });
  it('maps normalised positions back to the original text', () => {
    const source = 'Lot réservé : Œuvre';
    const { text, map } = normalizeWithMap(source);
    const at = text.indexOf('oeuvre');
    expect(source.slice(map[at], (map[at + 'oeuvre'.length - 1] ?? 0) + 1)).toBe('Œuvre');
  });
});
