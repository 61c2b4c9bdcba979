import { z } from 'zod';
import type { WatchlistDb } from './db';
import {
  FiredReminderSchema,
  NoteSchema,
  NoticeBodySchema,
  SettingSchema,
  StatusEventSchema,
  TagSchema,
  WatchedNoticeSchema,
  noticeKey,
  type ChangeRecord,
  type WatchedNotice,
} from './records';
import { guardWrite } from './storage-errors';

/**
 * Full JSON backup and its import. The import is all-or-nothing: the file is parsed and validated with zod first
 * (a truncated file, another format, a future version or hostile values are rejected with a sentence saying what is
 * wrong), then merged in ONE Dexie transaction by natural key, never deleting a local note.
 */

export const BACKUP_FORMAT = 'regie-radar-backup';
export const BACKUP_VERSION = 1;
/** Beyond this the file is not one of ours (10 000 notices with notes make a few tens of MB). */
export const MAX_BACKUP_CHARS = 200_000_000;

const WatchedInFileSchema = WatchedNoticeSchema.refine((w) => w.key === noticeKey(w.source, w.id), {
  message: 'clé incohérente (key doit valoir "source:id" de l\'avis)',
  path: ['key'],
});
const BodyInFileSchema = NoticeBodySchema.refine((b) => b.key === noticeKey(b.notice.source, b.notice.id), {
  message: 'clé incohérente (key doit valoir "source:id" de l\'avis)',
  path: ['key'],
});

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  watched: z.array(WatchedInFileSchema),
  bodies: z.array(BodyInFileSchema),
  notes: z.array(NoteSchema),
  statusEvents: z.array(StatusEventSchema),
  tags: z.array(TagSchema),
  settings: z.array(SettingSchema),
  firedReminders: z.array(FiredReminderSchema).optional(),
}).superRefine((backup, ctx) => {
  const keys = new Set(backup.watched.map((w) => w.key));
  backup.bodies.forEach((b, i) => {
    if (!keys.has(b.key)) ctx.addIssue({ code: 'custom', path: ['bodies', i, 'key'], message: 'avis absent de la liste "watched"' });
  });
});
export type Backup = z.infer<typeof BackupSchema>;

export async function exportBackup(db: WatchlistDb, now: number): Promise<Backup> {
  return db.transaction('r', [db.watched, db.bodies, db.notes, db.statusEvents, db.tags, db.settings, db.firedReminders], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    watched: await db.watched.toArray(),
    bodies: await db.bodies.toArray(),
    notes: await db.notes.toArray(),
    statusEvents: await db.statusEvents.toArray(),
    tags: await db.tags.toArray(),
    settings: await db.settings.toArray(),
    firedReminders: await db.firedReminders.toArray(),
  }));
}

export function serializeBackup(backup: Backup): string {
  return JSON.stringify(backup);
}

export type ParseResult = { ok: true; backup: Backup } | { ok: false; error: string };

function describeIssuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(racine)';
}

/** Parse and validate a backup file's text. Never throws. */
export function parseBackup(text: string): ParseResult {
  if (text.length > MAX_BACKUP_CHARS) return { ok: false, error: 'Fichier trop gros pour être une sauvegarde Régie Radar.' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      error: `Le fichier n'est pas du JSON valide (fichier tronqué ou abîmé ?) : ${error instanceof Error ? error.message : String(error)}. Rien n'a été importé.`,
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: "Ce fichier n'est pas une sauvegarde Régie Radar (objet JSON attendu). Rien n'a été importé." };
  }
  const head = data as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) {
    return { ok: false, error: `Ce fichier n'est pas une sauvegarde Régie Radar (format « ${String(head.format ?? 'absent').slice(0, 60)} »). Rien n'a été importé.` };
  }
  if (head.version !== BACKUP_VERSION) {
    return {
      ok: false,
      error: `Version de sauvegarde ${String(head.version).slice(0, 20)} non prise en charge (cette version de l'extension lit la version ${BACKUP_VERSION}). Rien n'a été importé.`,
    };
  }
  const parsed = BackupSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${describeIssuePath(i.path)} : ${i.message}`);
    const more = parsed.error.issues.length > 3 ? ` (et ${parsed.error.issues.length - 3} autres problèmes)` : '';
    return { ok: false, error: `Sauvegarde invalide — ${issues.join(' ; ')}${more}. Rien n'a été importé.` };
  }
  return { ok: true, backup: parsed.data };
}

export interface ImportSummary {
  noticesAdded: number;
  noticesMerged: number;
  notesAdded: number;
  statusEventsAdded: number;
}

function mergeChanges(a: readonly ChangeRecord[], b: readonly ChangeRecord[]): ChangeRecord[] {
  const seen = new Map<string, ChangeRecord>();
  for (const c of [...a, ...b]) seen.set(`${c.at}|${c.field}|${c.after}`, c);
  return [...seen.values()].sort((x, y) => x.at - y.at);
}

/** Local record + imported record of the same notice: newest copy of the notice, newest status, union of the rest. */
export function mergeWatched(local: WatchedNotice, incoming: WatchedNotice): WatchedNotice {
  const newerNotice = incoming.lastSeen > local.lastSeen ? incoming : local;
  const newerStatus = incoming.statusChangedAt > local.statusChangedAt ? incoming : local;
  return {
    ...newerNotice,
    status: newerStatus.status,
    statusChangedAt: newerStatus.statusChangedAt,
    tags: [...new Set([...local.tags, ...incoming.tags])],
    firstSeen: Math.min(local.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(local.lastSeen, incoming.lastSeen),
    changes: mergeChanges(local.changes, incoming.changes),
    lastNote: local.lastNote,
  };
}

/** Merge a validated backup into the database, in one transaction. */
export async function importBackup(db: WatchlistDb, backup: Backup): Promise<ImportSummary> {
  const summary: ImportSummary = { noticesAdded: 0, noticesMerged: 0, notesAdded: 0, statusEventsAdded: 0 };
  await guardWrite(() =>
    db.transaction('rw', [db.watched, db.bodies, db.notes, db.statusEvents, db.tags, db.settings, db.firedReminders], async () => {
      const bodies = new Map(backup.bodies.map((b) => [b.key, b]));
      for (const incoming of backup.watched) {
        const local = await db.watched.get(incoming.key);
        const body = bodies.get(incoming.key);
        if (local) {
          await db.watched.put(mergeWatched(local, incoming));
          // The body goes with the newer copy of the notice.
          if (body && incoming.lastSeen > local.lastSeen) await db.bodies.put(body);
          summary.noticesMerged += 1;
        } else {
          await db.watched.add({ ...incoming, lastNote: '' });
          if (body) await db.bodies.put(body);
          summary.noticesAdded += 1;
        }
      }
      const touched = new Set<string>(backup.watched.map((w) => w.key));
      for (const note of backup.notes) {
        const sameNotice = await db.notes.where('noticeKey').equals(note.noticeKey).toArray();
        if (sameNotice.some((n) => n.createdAt === note.createdAt && n.text === note.text)) continue;
        const { id: _ignored, ...rest } = note;
        void _ignored;
        await db.notes.add(rest);
        summary.notesAdded += 1;
      }
      for (const event of backup.statusEvents) {
        const existing = await db.statusEvents.where('noticeKey').equals(event.noticeKey).toArray();
        if (existing.some((e) => e.at === event.at && e.status === event.status)) continue;
        const { id: _ignored, ...rest } = event;
        void _ignored;
        await db.statusEvents.add(rest);
        summary.statusEventsAdded += 1;
      }
      for (const tag of backup.tags) if (!(await db.tags.get(tag.name))) await db.tags.add(tag);
      // Local settings win: an import brings data, not someone else's preferences.
      for (const setting of backup.settings) if (!(await db.settings.get(setting.key))) await db.settings.add(setting);
      for (const fired of backup.firedReminders ?? []) if (!(await db.firedReminders.get(fired.id))) await db.firedReminders.add(fired);
      for (const key of touched) {
        const notes = await db.notes.where('noticeKey').equals(key).sortBy('updatedAt');
        const latest = notes.at(-1);
        if (latest && (await db.watched.get(key))) await db.watched.update(key, { lastNote: latest.text });
      }
    }),
  );
  return summary;
}

/** Text of a file → merged into the database, or a French message saying why nothing changed. Never throws. */
export async function importBackupText(db: WatchlistDb, text: string): Promise<{ ok: true; summary: ImportSummary } | { ok: false; error: string }> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, summary: await importBackup(db, parsed.backup) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
