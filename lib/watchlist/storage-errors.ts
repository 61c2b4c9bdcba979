/**
 * Turns IndexedDB/Dexie failures into sentences for the user. Writes are transactions: when one fails nothing of it
 * is stored, and the previous data is intact, which is what the messages promise.
 */
export class WatchlistStorageError extends Error {
  override name = 'WatchlistStorageError';
  constructor(
    message: string,
    readonly quota: boolean,
  ) {
    super(message);
  }
}

function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const e = error as { name?: unknown; inner?: unknown };
  const own = typeof e.name === 'string' ? e.name : '';
  if (own === 'QuotaExceededError') return own;
  // Dexie wraps the DOMException: look inside.
  return e.inner !== undefined ? errorName(e.inner) || own : own;
}

export function isQuotaError(error: unknown): boolean {
  return errorName(error) === 'QuotaExceededError';
}

export function describeStorageError(error: unknown): WatchlistStorageError {
  if (isQuotaError(error)) {
    return new WatchlistStorageError(
      "Le disque est plein : l'enregistrement n'a pas pu se faire. Rien de ce qui était déjà enregistré n'est perdu. " +
        "Libérez de la place (ou exportez puis supprimez d'anciens avis) et réessayez. " +
        '(Disk full: nothing was saved, nothing was lost.)',
      true,
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new WatchlistStorageError(`L'enregistrement a échoué, rien n'a été modifié (${detail}).`, false);
}

/** Runs a write; any storage failure becomes a WatchlistStorageError with a French message. */
export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof WatchlistStorageError) throw error;
    throw describeStorageError(error);
  }
}
