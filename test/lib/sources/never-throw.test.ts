import { describe, expect, it } from 'vitest';
import { emptyNotice } from '@/lib/notice/schema';
import { detectSafely, extractSafely, listSafely } from '@/lib/sources/portal-page/never-throw';

const boom = (): never => {
  throw new Error('sélecteur invalide');
};

describe('never-throw wrappers of the portal sources', () => {
  it('pass results through and turn a throw into null / empty notice with a warning / no rows', () => {
    expect(detectSafely(() => 'list')).toBe('list');
    expect(detectSafely(boom)).toBeNull();
    const empty = () => emptyNotice('aws', 'aws:erreur', 'https://x.test/', 'aws:AAPCGenere');
    const ok = emptyNotice('aws', 'aws:1', 'https://x.test/1', 'aws:AAPCGenere');
    expect(extractSafely(() => ok, empty)).toBe(ok);
    const failed = extractSafely(boom, empty);
    expect(failed.id).toBe('aws:erreur');
    expect(failed.raw.warnings).toEqual(['extraction failed: sélecteur invalide']);
    expect(listSafely(boom)).toEqual([]);
  });
});
