import type { Criterion, CriterionType } from '@/lib/notice/schema';
import { normalizeText } from '@/lib/notice/normalize';
import type { Lines } from './labelled-lines';

/**
 * Award criteria written in the notice with their weights, as the 2020 BOAMP pages and portals write them:
 * "1. Valeur technique / Pondération : 60", "Prix : 40 %", "1. Valeur technique (60 %)",
 * "- valeur technique (coefficient de pondération 0.60) : 60 %;", "Critère no2 - Valeur technique / Pondération : 30".
 * Only lines inside a criteria block (after "Critères d'attribution"/"de jugement", or carrying "Pondération") are read,
 * so "Avance : 30 %" elsewhere is not a criterion.
 */

const BLOCK_START = /crit[e]res? (?:d'attribution|de jugement|de choix|de selection des offres)|jugement des offres|criteres ponderes/;
const BLOCK_END = /^(?:section\s+[ivx]+|[ivx]+\.\d+(?:\.\d+)*\)\s*\|?\s*(?!crit))|date limite|conditions de participation|renseignements/;
const BLOCK_LINES = 25;

const NUM = String.raw`(\d{1,3}(?:[.,]\d+)?)`;
// Leading numbering and "Critère no2 -" / "> Sous-critère no1 :" prefixes are not part of the name.
const BULLET = String.raw`^(?:\d{1,2}\s*[.)\-–]\s*|[-•*–>]\s*)*(?:(?:sous-)?crit[eè]re\s*n?[o°º]?\s*\d+\s*[-:–]\s*)?`;
const PATTERNS: RegExp[] = [
  // "1. Valeur technique / Pondération : 60", "… / Pondération : 10%"
  new RegExp(`${BULLET}(.{2,200}?)\\s*/\\s*pond[ée]ration\\s*:?\\s*${NUM}\\s*%?`, 'iu'),
  // "- valeur technique (coefficient de pondération 0.60) : 60 %", "Valeur technique (Coefficient de pondération 0.60) : 60 % -"
  new RegExp(`${BULLET}(.{2,200}?)\\s*\\(\\s*coefficient[^)]*\\)\\s*:?\\s*${NUM}\\s*%`, 'iu'),
  // "1. Valeur technique (60 %)", "Prix (40%)", "Prix (40 points)"
  new RegExp(`${BULLET}(.{2,200}?)\\s*\\(\\s*${NUM}\\s*(?:%|pour ?cent|points?|pts)\\s*\\)`, 'iu'),
  // "Prix : 40 %", "Valeur technique : 60%", "Prix des prestations - 40 %", "Prix : 40 points"
  new RegExp(`${BULLET}(.{2,200}?)\\s*[:\\-–]\\s*${NUM}\\s*(?:%|pour ?cent|points?|pts)(?![\\w])`, 'iu'),
];

/** The kind of a criterion from its name (accent- and case-free). */
export function criterionType(name: string): CriterionType {
  const n = normalizeText(name);
  if (/insertion|social|sociaux|handicap|emploi|solidaire|egalite/.test(n)) return 'social';
  if (/environnement|developpement durable|ecolog|carbone|energ|dechet|emission|biodiversite/.test(n)) return 'environmental';
  if (/cout global|cout du cycle|cout total|cycle de vie/.test(n)) return 'cost';
  if (/\bprix\b|tarif|montant|cout|offre financiere|financier/.test(n)) return 'price';
  if (/technique|qualite|methodo|delai|valeur|moyens|organisation|performance|competence|experience|memoire|service|assistance|references/.test(n)) return 'quality';
  return 'other';
}

function parseWeight(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}

function cleanName(raw: string): string {
  return raw
    .replace(/^[\s\-•*–:|]+/, '')
    .replace(/[\s\-–:|]+$/, '')
    .trim();
}

/** One criterion from one line, if the line is one. */
export function parseCriterionLine(line: string): Criterion | undefined {
  if (typeof line !== 'string' || line.length > 400) return undefined;
  for (const re of PATTERNS) {
    const m = re.exec(line);
    if (!m?.[1]) continue;
    const name = cleanName(m[1]);
    if (name.length < 2 || /^\d+$/.test(name)) continue;
    const weight = parseWeight(m[2]);
    const criterion: Criterion = { type: criterionType(name), name };
    if (weight !== undefined) criterion.weight = weight;
    return criterion;
  }
  return undefined;
}

/** Criteria written in lines [from, to): inside criteria blocks, or on lines that say "Pondération". */
export function findCriteria(lines: Lines, from = 0, to = lines.original.length): Criterion[] {
  const out: Criterion[] = [];
  const seen = new Set<string>();
  let blockLeft = 0;
  for (let i = from; i < to; i++) {
    const norm = lines.normalized[i] ?? '';
    if (BLOCK_START.test(norm)) {
      blockLeft = BLOCK_LINES;
    } else if (blockLeft > 0 && BLOCK_END.test(norm)) {
      blockLeft = 0;
    }
    const inBlock = blockLeft > 0 || /ponderation/.test(norm);
    if (blockLeft > 0) blockLeft--;
    if (!inBlock) continue;
    // A line may hold several criteria separated by ";" ("Prix : 40 %; Valeur technique : 60 %").
    for (const piece of (lines.original[i] ?? '').split(/;\s*(?=\S)/)) {
      const c = parseCriterionLine(piece);
      if (!c) continue;
      const key = `${normalizeText(c.name)}|${c.weight ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c);
    }
  }
  return out;
}
