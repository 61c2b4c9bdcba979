/**
 * National forms (FNSimple, MAPA…) often give a lot only as "Lot 01 - Siège/Reflets de Sèvre": the lot number
 * is read from those words, else the position is used.
 */
export function lotIdFromText(value: string | undefined, index: number): string {
  const m = value ? /^\s*lot\s*(?:n\s*[°º.o]?\s*)?([0-9]+|[A-Z]\b)/i.exec(value) : null;
  return m?.[1] ? String(Number.isNaN(Number(m[1])) ? m[1] : Number(m[1])) : String(index + 1);
}
