import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Notice } from '@/lib/notice/schema';
import { DESIGN_FLAG_IDS, type Assessment } from '@/lib/rules/types';
import { loadNoticesFromFile } from '@/lib/cli/load-input';
import { LABELLED_DIR, PROJECT_ROOT, parseBoampObjetRecords } from './corpus';

/**
 * The labelled evaluation set (test/fixtures/labelled, format in its README): notices labelled by reading them,
 * one expectation per flag with a one-line justification quoted from the notice. Shared by `npm run eval` and
 * the regression test, so both judge exactly the same way.
 */

/**
 * The flags a label may carry: the stable ids of DESIGN.md. Ids the rules add later (reserved-unspecified,
 * check-…) are not labelled, so they are neither scored nor allowed in a label file.
 */
export const LABELLED_FLAGS = DESIGN_FLAG_IDS;
export type LabelledFlag = (typeof LABELLED_FLAGS)[number];

export const LabelSchema = z.object({ expected: z.boolean(), why: z.string().min(3) });

export const LabelledEntrySchema = z.object({
  /** Path relative to the project root. */
  fixture: z.string().min(1),
  /** Record id (idweb) when the fixture holds several notices. */
  record: z.string().optional(),
  url: z.string().optional(),
  /** Publication date YYYY-MM-DD read in the notice: the date the rules judge it at. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  note: z.string().optional(),
  labels: z.partialRecord(z.enum(LABELLED_FLAGS), LabelSchema),
});
export type LabelledEntry = z.infer<typeof LabelledEntrySchema>;

export const LabelledSetSchema = z.object({
  set: z.string(),
  /** "text": evaluated through the page/text path (issue 3); "structured": API records and XML (issue 4). */
  kind: z.enum(['text', 'structured']),
  description: z.string(),
  entries: z.array(LabelledEntrySchema),
});
export type LabelledSet = z.infer<typeof LabelledSetSchema>;

export const KnownMissSchema = z.object({
  fixture: z.string(),
  record: z.string().optional(),
  flag: z.enum(LABELLED_FLAGS),
  expected: z.boolean(),
});
export type KnownMiss = z.infer<typeof KnownMissSchema>;
export const KNOWN_MISSES_FILE = join(LABELLED_DIR, 'known-misses.json');

export function loadLabelledSets(dir = LABELLED_DIR): LabelledSet[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.labels.json'))
    .sort()
    .map((f) => LabelledSetSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

export function loadKnownMisses(file = KNOWN_MISSES_FILE): KnownMiss[] {
  try {
    return z.array(KnownMissSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

export function entryKey(e: { fixture: string; record?: string | undefined }): string {
  return e.record ? `${e.fixture}#${e.record}` : e.fixture;
}

export function missKey(m: { fixture: string; record?: string | undefined; flag: string }): string {
  return `${entryKey(m)}::${m.flag}`;
}

/** Files parsed once per run: several entries point into the same multi-record file. */
const fileCache = new Map<string, Notice[]>();

/** The notice an entry labels, or an error message (missing file, record not found, parser failure). */
export async function noticeForEntry(entry: LabelledEntry): Promise<Notice | string> {
  const path = join(PROJECT_ROOT, entry.fixture);
  const cacheKey = `${path}|${entry.url ?? ''}`;
  let notices: Notice[] | undefined = fileCache.get(cacheKey);
  if (!notices) {
    try {
      // 6-field objet records have no parser of their own: text path through the corpus adapter.
      const loaded: Notice[] = basename(path).startsWith('boamp-objets')
        ? parseBoampObjetRecords(readFileSync(path, 'utf8'))
        : await loadNoticesFromFile(path, entry.url ? { url: entry.url } : undefined);
      notices = loaded;
    } catch (e) {
      return `cannot load ${entry.fixture}: ${e instanceof Error ? e.message : String(e)}`;
    }
    fileCache.set(cacheKey, notices);
  }
  if (entry.record) {
    const found = notices.find((n) => n.id === entry.record || n.id.endsWith(entry.record ?? '\u0000'));
    return found ?? `record ${entry.record} not found in ${entry.fixture} (${notices.length} notices)`;
  }
  return notices[0] ?? `no notice parsed from ${entry.fixture}`;
}

/**
 * Flag ids the assessment raises, at notice or lot level. A warning that only says a flag is expected but
 * absent (e.g. the social condition expected above EU thresholds) is not a raised flag.
 */
export function raisedFlags(assessment: Assessment): Set<string> {
  const out = new Set<string>();
  const all = [...assessment.flags, ...assessment.lots.flatMap((l) => l.flags)];
  for (const f of all) {
    const absentWarning =
      f.severity === 'warning' && /absent|attendu|expected|manquant|missing/i.test(`${f.title} ${f.titleEn ?? ''}`);
    if (!absentWarning) out.add(f.id);
  }
  return out;
}

export interface Judgement {
  set: string;
  kind: LabelledSet['kind'];
  fixture: string;
  record?: string;
  flag: LabelledFlag;
  expected: boolean;
  got: boolean;
  why: string;
}

export interface FlagScore {
  flag: LabelledFlag;
  labelled: number;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number | null;
  recall: number | null;
}

export function scoreByFlag(judgements: Judgement[]): FlagScore[] {
  return LABELLED_FLAGS.map((flag) => {
    const js = judgements.filter((j) => j.flag === flag);
    const tp = js.filter((j) => j.expected && j.got).length;
    const fp = js.filter((j) => !j.expected && j.got).length;
    const fn = js.filter((j) => j.expected && !j.got).length;
    const tn = js.filter((j) => !j.expected && !j.got).length;
    return {
      flag,
      labelled: js.length,
      support: tp + fn,
      tp,
      fp,
      fn,
      tn,
      precision: tp + fp > 0 ? tp / (tp + fp) : null,
      recall: tp + fn > 0 ? tp / (tp + fn) : null,
    };
  });
}
