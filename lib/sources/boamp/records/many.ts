/**
 * A file or response holding BOAMP records, whatever its shape: a v2.1 response `{total_count, results}`, a v1
 * response `{nhits, records:[{fields}]}`, a v2.0 response `{records:[{record:{fields}}]}`, an exports JSON array,
 * one record, or JSON Lines. Items that are not records are skipped; `splitBoampRecords` says how many.
 */
import type { Notice } from '@/lib/notice/schema';
import { isBoampRecord, parseBoampRecord } from './record';
import { isObject } from './xml-json';

/** The record items of a parsed JSON value. */
export function recordItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return [];
  if (Array.isArray(value.results)) return value.results;
  if (Array.isArray(value.records)) return value.records;
  return [value];
}

/** Records of a text (JSON or JSON Lines); `skipped` counts unreadable lines/items. */
export function splitBoampRecords(content: string): { records: unknown[]; skipped: number } {
  const trimmed = content.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { records: [], skipped: 0 };
  try {
    const items = recordItems(JSON.parse(trimmed) as unknown);
    const records = items.filter(isBoampRecord);
    return { records, skipped: items.length - records.length };
  } catch {
    // Not one JSON value: JSON Lines (one record per line).
  }
  const records: unknown[] = [];
  let skipped = 0;
  for (const line of trimmed.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    try {
      const items = recordItems(JSON.parse(line) as unknown).filter(isBoampRecord);
      records.push(...items);
      if (items.length === 0) skipped++;
    } catch {
      skipped++;
    }
  }
  return { records, skipped };
}

export function parseBoampRecords(content: string): Notice[] {
  return splitBoampRecords(content).records.map(parseBoampRecord);
}
