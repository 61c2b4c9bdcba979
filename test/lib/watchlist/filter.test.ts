import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, facetValues, filterRows, indexRows, sortRows } from '@/lib/watchlist/filter';
import { buildWatchedRecord } from '@/lib/watchlist/repository';
import { loadBoampRecords, recordToNotice, syntheticAssessment } from './seed-notices';

const T0 = Date.parse('2024-07-03T09:00:00+02:00');
const rows = loadBoampRecords().map((r) => {
  const n = recordToNotice(r);
  return buildWatchedRecord(n, syntheticAssessment(n), T0);
});
const first = rows[0];
if (!first) throw new Error('fixture');
first.status = 'go';
first.tags = ['à relancer'];
const indexed = indexRows(rows, new Map([['boamp:24-76216', ['Réunion à Besançon avec la Régie']]]));
const now = Date.parse('2024-07-10T00:00:00Z');

describe('watchlist filters', () => {
  it('accent- and case-insensitive text search over title, buyer, tags and notes, all words required', () => {
    const hits = filterRows(indexed, { ...EMPTY_FILTER, text: 'DECHETTERIE orange' }, now);
    expect(hits.map((h) => h.row.id)).toEqual(['24-76932']);
    expect(filterRows(indexed, { ...EMPTY_FILTER, text: 'besancon regie' }, now).map((h) => h.row.key)).toEqual(['boamp:24-76216']);
    expect(filterRows(indexed, { ...EMPTY_FILTER, text: 'A RELANCER' }, now).map((h) => h.row.id)).toEqual(['24-76932']);
    expect(filterRows(indexed, { ...EMPTY_FILTER, text: 'université de lorraine' }, now).length).toBeGreaterThan(0);
  });

  it('status, trade, flag, département and deadline window combine', () => {
    expect(filterRows(indexed, { ...EMPTY_FILTER, statuses: ['go'] }, now).map((h) => h.row.id)).toEqual(['24-76932']);
    const trade = filterRows(indexed, { ...EMPTY_FILTER, trade: 'dechets' }, now);
    expect(trade.length).toBeGreaterThan(0);
    expect(trade.every((h) => h.row.trades.includes('dechets'))).toBe(true);
    const dep = filterRows(indexed, { ...EMPTY_FILTER, department: '84' }, now);
    expect(dep.every((h) => h.row.department === '84')).toBe(true);
    const week = filterRows(indexed, { ...EMPTY_FILTER, deadline: '7d' }, now);
    const expectedWeek = rows.filter((r) => r.deadlineMs !== undefined && r.deadlineMs >= now && r.deadlineMs <= now + 7 * 86_400_000);
    expect(week.length).toBe(expectedWeek.length);
    expect(filterRows(indexed, { ...EMPTY_FILTER, deadline: 'overdue' }, now).length + filterRows(indexed, { ...EMPTY_FILTER, deadline: 'none' }, now).length + filterRows(indexed, { ...EMPTY_FILTER, deadline: '30d' }, now).length + rows.filter((r) => (r.deadlineMs ?? 0) > now + 30 * 86_400_000).length).toBe(rows.length);
    expect(filterRows(indexed, { ...EMPTY_FILTER, flag: 'regie-trade', verdict: 'no' }, now)).toEqual([]);
  });

  it('sorts by deadline (none last), title in French order, and score', () => {
    const byDeadline = sortRows(indexed, { by: 'deadline', dir: 'asc' }).map((r) => r.row.deadlineMs ?? Infinity);
    expect(byDeadline).toEqual([...byDeadline].sort((a, b) => a - b));
    const titles = sortRows(indexed.slice(0, 30), { by: 'title', dir: 'asc' }).map((r) => r.row.title);
    expect(titles).toEqual([...titles].sort(new Intl.Collator('fr', { sensitivity: 'base', numeric: true }).compare));
    const scores = sortRows(indexed, { by: 'score', dir: 'desc' }).map((r) => r.row.score);
    expect(scores[0]).toBe(40);
    expect(scores.at(-1)).toBe(5);
  });

  it('lists the facets present', () => {
    const facets = facetValues(rows);
    expect(facets.flags).toEqual([['regie-trade', 'Métier de Régie']]);
    expect(facets.trades).toEqual(expect.arrayContaining(['dechets', 'espaces-verts']));
    expect(facets.departments).toContain('84');
  });
});
