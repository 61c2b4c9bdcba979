import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Notice } from '@/lib/notice/schema';
import { looksBinary } from '@/lib/sources/notice-input';
import { INPUT_FORMATS } from './input-formats';

/**
 * Reads a file given to the CLI and turns it into Notices: the format is chosen by content (and extension),
 * see input-formats.ts. Problems are `InputError`s carrying the exit code the CLI uses:
 * 1 = the file cannot be read (missing, a directory, no permission), 2 = it is read but holds no readable notice.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Bytes → text: UTF-8, or UTF-16 when a byte-order mark says so (browsers' "save as" on Windows writes UTF-16LE). */
export function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Text that is mostly control characters is a binary file, not a notice. */
export function loadNoticesFromString(content: string, opts: { fileName?: string; url?: string } = {}): Notice[] {
  if (typeof content !== 'string' || content.trim() === '') {
    throw new InputError('le fichier est vide (empty file)', 2);
  }
  if (looksBinary(content)) {
    throw new InputError("le fichier n'est pas un texte lisible : binaire ? (not a text file)", 2);
  }
  const fileName = opts.fileName ?? '';
  const format = INPUT_FORMATS.find((f) => f.accepts(content, fileName));
  if (!format) throw new InputError('format de fichier non reconnu (unknown file format)', 2);
  let notices: Notice[];
  try {
    notices = format.parse(content, opts);
  } catch (e) {
    throw new InputError(`lecture impossible (${format.id}) : ${e instanceof Error ? e.message : String(e)}`, 2);
  }
  if (notices.length === 0) {
    throw new InputError(`aucun avis lisible dans le fichier (format ${format.id}; no readable notice)`, 2);
  }
  return notices;
}

export function loadNoticesFromFile(path: string, opts: { url?: string } = {}): Notice[] {
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${path} est un dossier, pas un fichier (is a directory)`, 1);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') throw new InputError(`fichier introuvable : ${path} (file not found)`, 1);
    throw new InputError(`fichier illisible : ${path} (${code ?? 'cannot read'})`, 1);
  }
  const loadOpts: { fileName: string; url?: string } = { fileName: resolve(path) };
  if (opts.url) loadOpts.url = opts.url;
  return loadNoticesFromString(decodeBytes(bytes), loadOpts);
}
