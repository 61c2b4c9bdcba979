import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findCpvCodes, isCpvShaped, parseCpvCode, toNoticeCpv } from '@/lib/notice/cpv';
import { formatCpvCode, isKnownCpv, labelCpvList, loadCpvLabels } from '@/lib/notice/cpv-labels';

describe('parseCpvCode', () => {
  it('reads the written forms', () => {
    expect(parseCpvCode('90910000-9')).toEqual({ code: '90910000', checkDigit: '9' });
    expect(parseCpvCode('90910000')).toEqual({ code: '90910000' });
    expect(parseCpvCode('909100009')).toEqual({ code: '90910000', checkDigit: '9' });
    expect(parseCpvCode(' 90910000 - 9 ')).toEqual({ code: '90910000', checkDigit: '9' });
  });
  it('rejects what is not a CPV code', () => {
    expect(parseCpvCode('12345678')).toBeUndefined(); // division 12 does not exist
    expect(parseCpvCode('9091000')).toBeUndefined();
    expect(parseCpvCode('90910000-99')).toBeUndefined();
    expect(parseCpvCode('')).toBeUndefined();
    expect(isCpvShaped('45000000')).toBe(true);
    expect(isCpvShaped('4500000a')).toBe(false);
  });
});

describe('findCpvCodes on real lines', () => {
  it('2020 standard form: "Descripteur principal : 51700000"', () => {
    expect(findCpvCodes('Descripteur principal : 51700000\nDescripteur supplémentaire :')).toEqual([
      { code: '51700000', index: 24, text: '51700000' },
    ]);
  });
  it('MAPA form: "CPV - Objet principal : 85312300" and "Objets supplémentaires : 80530000."', () => {
    expect(findCpvCodes('CPV - Objet principal : 85312300\nObjets supplémentaires : 80530000.').map((c) => c.code)).toEqual(['85312300', '80530000']);
  });
  it('code with check digit and label, and lists', () => {
    const [one] = findCpvCodes('CPV : 90910000-9 Services de nettoyage');
    expect(one).toMatchObject({ code: '90910000', checkDigit: '9', label: 'Services de nettoyage' });
    expect(findCpvCodes('90910000-9, 90911200-8; 77310000-6').map((c) => c.code)).toEqual(['90910000', '90911200', '77310000']);
  });
  it('ignores phone numbers, SIRET and dates', () => {
    expect(findCpvCodes('Téléphone : 0970828076 ; SIRET 78110744600028 ; le 20200915')).toEqual([]);
  });
  it('deduplicates and marks the main code', () => {
    const list = toNoticeCpv(findCpvCodes('45000000 45262500 45000000'), '45262500');
    expect(list).toEqual([
      { code: '45262500', main: true },
      { code: '45000000', main: false },
    ]);
  });
  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => findCpvCodes(s).every((c) => /^\d{8}$/.test(c.code))));
  });
});

describe('loadCpvLabels (CPV 2008, FR/EN)', () => {
  it('holds the 9 454 official codes with check digits and labels', async () => {
    const labels = await loadCpvLabels();
    expect(labels.size).toBe(9454);
    expect(labels.get('90910000')).toEqual({ code: '90910000', checkDigit: '9', fr: 'Services de nettoyage', en: 'Cleaning services' });
    expect(labels.get('03000000')?.checkDigit).toBe('1');
    expect(labels.get('15230000')?.fr).toBe('Poisson séché ou salé; poisson en saumure; poisson fumé');
    expect(await loadCpvLabels()).toBe(labels); // loaded once
  });
  it('validates check digits against the table and labels a list', async () => {
    const labels = await loadCpvLabels();
    expect(isKnownCpv({ code: '90910000', checkDigit: '9' }, labels)).toBe(true);
    expect(isKnownCpv({ code: '90910000', checkDigit: '3' }, labels)).toBe(false);
    expect(isKnownCpv({ code: '90999999' }, labels)).toBe(false);
    expect(formatCpvCode('77310000', labels)).toBe('77310000-6');
    expect(labelCpvList([{ code: '77310000', main: true }, { code: '90910000', main: false, label: 'déjà là' }], labels, 'fr')).toEqual([
      { code: '77310000', main: true, label: "Réalisation et entretien d'espaces verts" },
      { code: '90910000', main: false, label: 'déjà là' },
    ]);
  });
});
