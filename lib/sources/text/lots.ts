import type { Lines } from './labelled-lines';

/**
 * Where the lots are in the text. Two shapes:
 * - the European standard form (JOUE / BOAMP 2020 pages): each lot is a "II.2) DESCRIPTION" block with
 *   "II.2.1) Intitulé : <title>" and "Lot nº : <n>" (an empty "Lot nº :" means a single, undivided contract);
 * - headings in free text: "Lot n° 1 : Nettoyage des locaux", "LOT 2 - Espaces verts", "Lot 3. …", "Lot no 4 : …".
 * Each lot is a segment of lines [start, end) the caller reads values and criteria from.
 */
export interface LotSegment {
  id: string;
  title: string;
  start: number;
  end: number;
}

const JOUE_BLOCK = /^ii\.2\)\s*\|?\s*description\b/;
const JOUE_TITLE = /^ii\.2\.1\)\s*\|?\s*intitule\s*:?\s*/;
const JOUE_LOT_NUMBER = /^lot n\s*[°ºo]?\s*:\s*([0-9a-z][0-9a-z.\-]{0,9})\s*$/;
const SECTION_AFTER_LOTS = /^(?:section\s+(?:iii|iv|v|vi)\b|iii\.\d|iv\.\d|v\.\d|vi\.\d|iii\)|iv\)|v\)|vi\))/;
// "Lot n° 1 : titre", "LOT 2 - titre", "Lot 3. titre", "Lot no 4 : titre", "Lot nº 5 – titre", "Lot 06 : titre",
// and table rows "Lot 1 | titre" (cells are joined by " | " in the visible text).
const HEADING = /^lots?\s*(?:n\s*[°ºo]\.?\s*)?(\d{1,3})\s*(?:[:\-–.)|]|\s-\s)\s*(.{2,})$/;
const FREE_LOT_MAX_LINES = 60;

function joueLots(lines: Lines): LotSegment[] {
  const starts: number[] = [];
  lines.normalized.forEach((l, i) => {
    if (JOUE_BLOCK.test(l)) starts.push(i);
  });
  if (starts.length === 0) return [];
  let sectionEnd = lines.normalized.length;
  const last = starts[starts.length - 1] ?? 0;
  for (let i = last + 1; i < lines.normalized.length; i++) {
    if (SECTION_AFTER_LOTS.test(lines.normalized[i] ?? '')) {
      sectionEnd = i;
      break;
    }
  }
  const segments: LotSegment[] = [];
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? sectionEnd;
    let id: string | undefined;
    let title = '';
    for (let i = start; i < Math.min(end, start + 8); i++) {
      const norm = lines.normalized[i] ?? '';
      const original = lines.original[i] ?? '';
      if (JOUE_TITLE.test(norm)) title = original.replace(/^.*?intitul[ée]\s*:?\s*/i, '').trim();
      const num = JOUE_LOT_NUMBER.exec(norm);
      if (num?.[1]) id = original.replace(/^.*?:\s*/, '').trim();
    }
    if (id) segments.push({ id, title, start, end });
  });
  return segments;
}

function headingLots(lines: Lines): LotSegment[] {
  const heads: Array<{ id: string; title: string; line: number }> = [];
  const seen = new Set<string>();
  lines.normalized.forEach((norm, i) => {
    const m = HEADING.exec(norm);
    if (!m?.[1]) return;
    const id = String(Number(m[1]));
    if (seen.has(id)) return; // repeated summaries of the same lot: the first heading wins
    const original = lines.original[i] ?? '';
    const title = original.replace(/^\s*lots?\s*(?:n\s*[°ºo]\.?\s*)?\d{1,3}\s*(?:[:\-–.)|]|\s-\s)\s*/i, '').split(' | ')[0]?.trim() ?? '';
    if (title.length < 2) return;
    seen.add(id);
    heads.push({ id, title, line: i });
  });
  return heads.map((h, k) => {
    const next = heads[k + 1]?.line ?? lines.normalized.length;
    return { id: h.id, title: h.title, start: h.line, end: Math.min(next, h.line + FREE_LOT_MAX_LINES) };
  });
}

/** The lots of the text, form blocks first (they are exact), else headings. */
export function findLots(lines: Lines): LotSegment[] {
  const joue = joueLots(lines);
  if (joue.length > 0) return joue;
  return headingLots(lines);
}
