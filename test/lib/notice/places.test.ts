import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allDepartments,
  departmentByName,
  departmentFromNuts,
  departmentFromPostcode,
  departmentsInNuts,
  findDepartment,
  normalizeDepartmentCode,
  nutsFromDepartment,
} from '@/lib/notice/places';

describe('départements', () => {
  it('has the 101 départements, each with a distinct NUTS 3 code', () => {
    const all = allDepartments();
    expect(all).toHaveLength(101);
    expect(new Set(all.map((d) => d.nuts)).size).toBe(101);
  });

  it('normalises codes', () => {
    expect(normalizeDepartmentCode('1')).toBe('01');
    expect(normalizeDepartmentCode('2a')).toBe('2A');
    expect(normalizeDepartmentCode('974')).toBe('974');
    expect(normalizeDepartmentCode('20')).toBeUndefined(); // Corsica is 2A/2B since 1976
    expect(normalizeDepartmentCode('96')).toBeUndefined();
    expect(normalizeDepartmentCode('975')).toBeUndefined();
  });

  it('reads names with or without accents', () => {
    expect(departmentByName('Seine-Saint-Denis')?.code).toBe('93');
    expect(departmentByName('seine st denis')?.code).toBe('93');
    expect(departmentByName("Val d'Oise")?.code).toBe('95');
    expect(departmentByName('CÔTES-D’ARMOR')?.code).toBe('22');
    expect(departmentByName('Reunion')?.code).toBe('974');
    expect(departmentByName('Atlantide')).toBeUndefined();
  });

  it('maps postcodes, Corsica split at 20200', () => {
    expect(departmentFromPostcode('93232')).toBe('93');
    expect(departmentFromPostcode('20000')).toBe('2A');
    expect(departmentFromPostcode('20090')).toBe('2A');
    expect(departmentFromPostcode('20200')).toBe('2B');
    expect(departmentFromPostcode('20600')).toBe('2B');
    expect(departmentFromPostcode('97600')).toBe('976');
    expect(departmentFromPostcode('98000')).toBeUndefined(); // Monaco
    expect(departmentFromPostcode('7500')).toBeUndefined();
  });

  it('maps NUTS 3 codes both ways (as written in the 2020 pages: "Code NUTS : FRD22", "-FR106")', () => {
    expect(departmentFromNuts('FRD22')).toBe('76');
    expect(departmentFromNuts('FR106')).toBe('93');
    expect(departmentFromNuts('FRM01')).toBe('2A');
    expect(departmentFromNuts('FRY40')).toBe('974');
    expect(departmentFromNuts('FR10')).toBeUndefined();
    expect(nutsFromDepartment('67')).toBe('FRF11');
    expect(departmentsInNuts('FR10')).toEqual(['75', '77', '78', '91', '92', '93', '94', '95']);
  });

  it('matches the eForms NUTS codelist of the corpus', () => {
    const gc = readFileSync(join(__dirname, '../../fixtures/boamp-avis-2020/T455776160.html'), 'utf8');
    // The page cites its NUTS code; the table gives the département of its header "Dépt. : 76".
    expect(gc).toContain('Code NUTS : FRD22');
    expect(departmentFromNuts('FRD22')).toBe('76');
  });

  it('finds the département of a text', () => {
    expect(findDepartment('Dépt. : 76 Habitat 76')?.code).toBe('76');
    expect(findDepartment('Département(s) de publication : 13, 4, 5')?.code).toBe('13');
    expect(findDepartment('Code NUTS : FRF11')?.code).toBe('67');
    expect(findDepartment('100 avenue Gaston Roussel 93232 Romainville cedex')?.code).toBe('93');
    expect(findDepartment('Lieu d’exécution : Haute-Savoie')?.code).toBe('74');
    expect(findDepartment('rien ici')).toBeUndefined();
  });
});
