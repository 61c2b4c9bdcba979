import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findMoneyAmounts, formatEuros, parseFrenchNumber, parseMoney } from '@/lib/notice/money';

// Strings are real, from the corpus: boamp/html/avis-2020 pages, the BOAMP records (pdl-digital CSV/JSONL, legacy
// XML) and the boamp.fr search page; the brief's forms ("1 250 000,00 € HT", "250 k€", "1,2 M€") are checked too.
describe('parseMoney on real notice strings', () => {
  const cases: Array<[string, number, 'HT' | 'TTC' | 'unknown', number?]> = [
    ['Valeur hors TVA : 500 000 euros', 500_000, 'HT'],
    ['Valeur hors TVA : 33 000 000,00 euros', 33_000_000, 'HT'],
    ['Valeur hors TVA : 28 euros', 28, 'HT'],
    ['Seuil maximum : 55 000,00 euro(s) (H.T.)', 55_000, 'HT'],
    ['Montant total des prestations pour la période initiale : Maximum Ht 125 000,00 euro(s)', 125_000, 'HT'],
    ["Montant estimatif des prestations pour la durée de l'accord-cadre : 300 000,00 euro(s)", 300_000, 'unknown'],
    ['Le montant estimatif annuel est de 2 500 000euro HT/an.', 2_500_000, 'HT'],
    ['avec un maximum en valeur de 500keuro(s) HT sur la durée', 500_000, 'HT'],
    ["égal ou supérieur à 3,5 millions d'euros HT", 3_500_000, 'HT'],
    ['un montant maximum de 55 000 euro TTC la première année', 55_000, 'TTC'],
    ['Capacité économique et financière - Niveau(x) spécifique(s) minimal(aux) exigé(s) : 376 200,00 euros.', 376_200, 'unknown'],
    ['60 000 euros (H.T.).-', 60_000, 'HT'],
    ['Marchés entre 90 k€ et seuils européens', 90_000, 'unknown'],
    ['1 250 000,00 € HT', 1_250_000, 'HT'],
    ['250 k€', 250_000, 'unknown'],
    ['1,2 M€', 1_200_000, 'unknown'],
    ['Valeur estimée hors TVA : 300 000 euros', 300_000, 'HT'],
    ['1\u202f250\u202f000\u00a0€\u00a0HT', 1_250_000, 'HT'],
    ['1.250.000 EUR HT', 1_250_000, 'HT'],
    ['EUR 1 000 000', 1_000_000, 'unknown'],
  ];
  for (const [text, amount, basis] of cases) {
    it(text, () => {
      const found = parseMoney(text);
      expect(found?.money.amount).toBe(amount);
      expect(found?.money.currency).toBe('EUR');
      expect(found?.basis).toBe(basis);
    });
  }

  it('reads ranges as amount = low bound, max = high bound', () => {
    expect(parseMoney('entre 40 000 et 90 000 €')?.money).toEqual({ amount: 40_000, currency: 'EUR', max: 90_000 });
    // Real (legacy BOAMP JOUE record): the multiplier written once applies to both bounds.
    const r = parseMoney('Fourchette de valeur estimée hors TVA : entre 5 et 10 Meuro/an.');
    expect(r?.money).toEqual({ amount: 5_000_000, currency: 'EUR', max: 10_000_000 });
    expect(r?.basis).toBe('HT');
  });

  it('prefers the HT amount when a text gives TTC first', () => {
    expect(parseMoney('soit 120 000 € TTC, soit 100 000 € HT')?.money.amount).toBe(100_000);
  });

  it('finds nothing where there is no amount (empty "Valeur hors TVA : euros" of the 2020 form, weights)', () => {
    expect(parseMoney('Valeur hors TVA : euros')).toBeUndefined();
    expect(findMoneyAmounts('1. Valeur technique / Pondération : 60')).toEqual([]);
    expect(findMoneyAmounts('')).toEqual([]);
  });

  it('finds every amount in order', () => {
    const all = findMoneyAmounts('un montant minimum de 300 000 euros HT et un maximum de 700 000 euros HT');
    expect(all.map((f) => f.money.amount)).toEqual([300_000, 700_000]);
  });
});

describe('parseFrenchNumber', () => {
  it('reads French separators', () => {
    expect(parseFrenchNumber('1 250 000,00')).toBe(1_250_000);
    expect(parseFrenchNumber('1,2')).toBe(1.2);
    expect(parseFrenchNumber('1.250.000')).toBe(1_250_000);
    expect(parseFrenchNumber('2.5')).toBe(2.5);
    expect(parseFrenchNumber('abc')).toBeUndefined();
  });
});

describe('formatEuros', () => {
  it('writes "1 250 000 € HT" with narrow no-break spaces in the number and no-break spaces around the unit', () => {
    expect(formatEuros(1_250_000)).toBe('1\u202f250\u202f000\u00a0€\u00a0HT');
    expect(formatEuros(1_250_000).replace(/[\u202f\u00a0]/g, ' ')).toBe('1 250 000 € HT');
    expect(formatEuros(12_345.67, 'TTC').replace(/[\u202f\u00a0]/g, ' ')).toBe('12 345,67 € TTC');
    expect(formatEuros({ amount: 40_000, currency: 'EUR', max: 90_000 }).replace(/[\u202f\u00a0]/g, ' ')).toBe('40 000 à 90 000 € HT');
  });

  it('round-trips through parseMoney', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (n) => {
        expect(parseMoney(formatEuros(n))?.money.amount).toBe(n);
      }),
    );
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        for (const f of findMoneyAmounts(s)) expect(Number.isFinite(f.money.amount)).toBe(true);
      }),
    );
  });
});
