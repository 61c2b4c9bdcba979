import { describe, expect, it } from 'vitest';
import { describeDepartments, parseTerritory } from '@/lib/monitoring/territory';

describe('territory typed in the options page', () => {
  it('codes, names and regions become validated département codes; the rest is reported', () => {
    const r = parseTerritory('93, Val-de-Marne; 2a\nseine st denis, Atlantide, 99');
    expect(r.codes).toEqual(['93', '94', '2A']);
    expect(r.unknown).toEqual(['Atlantide', '99']);
  });
  it('a region expands to its départements (NUTS 1)', () => {
    expect(parseTerritory('Île-de-France').codes.sort()).toEqual(['75', '77', '78', '91', '92', '93', '94', '95']);
    expect(parseTerritory('Corse').codes.sort()).toEqual(['2A', '2B']);
  });
  it('"Seine-Saint-Denis (93)" and "1" are read as codes', () => {
    expect(parseTerritory('Seine-Saint-Denis (93), 1').codes).toEqual(['93', '01']);
    expect(describeDepartments(['93', '01'])).toBe('93 Seine-Saint-Denis, 01 Ain');
  });
});
