import { describe, expect, it } from 'vitest';
import { badgeText, daysLeftText, rankFlags, topReasons, uiLangFrom } from '@/lib/overlay/labels';
import { TtlCache } from '@/lib/records-cache/ttl-cache';
import type { Assessment, Flag } from '@/lib/rules/types';

const flag = (id: string, severity: Flag['severity'], title: string, lotId?: string): Flag => ({
  id, severity, title, explanation: '', legalBasis: [], evidence: [], ...(lotId ? { lotId } : {}),
});

describe('overlay wording', () => {
  it('ranks strong levers first and lists distinct reasons', () => {
    const a: Assessment = {
      verdict: 'opportunity', score: 81.6, lots: [],
      flags: [flag('regie-trade', 'info', 'Métier de Régie', '1'), flag('regie-trade', 'info', 'Métier de Régie'), flag('reserved-siae', 'strong', 'Réservé aux SIAE'), flag('x', 'warning', 'Attention')],
    };
    expect(rankFlags(a.flags).map((f) => f.id)).toEqual(['reserved-siae', 'regie-trade', 'regie-trade', 'x']);
    expect(rankFlags(a.flags)[1]?.lotId).toBeUndefined();
    expect(topReasons(a, 3)).toEqual(['Réservé aux SIAE', 'Métier de Régie', 'Attention']);
    expect(badgeText(a)).toBe('Opportunité · 82/100');
    expect(badgeText({ verdict: 'no', score: 0 }, 'en')).toBe('Not a fit · 0/100');
  });

  it('says days left in French and English', () => {
    expect(daysLeftText(12)).toBe('dans 12 jours');
    expect(daysLeftText(0)).toBe('aujourd’hui');
    expect(daysLeftText(1)).toBe('demain');
    expect(daysLeftText(-1)).toBe('clos depuis 1 jour');
    expect(daysLeftText(-3, 'en')).toBe('closed 3 days ago');
    expect(daysLeftText(undefined)).toBe('');
    expect(uiLangFrom('en-GB')).toBe('en');
    expect(uiLangFrom('fr-FR')).toBe('fr');
    expect(uiLangFrom(undefined)).toBe('fr');
  });
});

describe('records cache', () => {
  it('expires entries and drops the oldest beyond its size', () => {
    let now = 0;
    const cache = new TtlCache<string>({ ttlMs: 100, maxEntries: 2, now: () => now });
    cache.set('a', '1');
    cache.set('b', '2');
    cache.set('c', '3');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe('3');
    now = 100;
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(1);
  });
});
