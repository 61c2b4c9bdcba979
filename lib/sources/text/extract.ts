import { emptyNotice, type Cpv, type Lot, type Notice, type NoticeType, type Reserved, NoticeSchema } from '@/lib/notice/schema';
import { normalizeText } from '@/lib/notice/normalize';
import { findMoneyAmounts, type FoundMoney } from '@/lib/notice/money';
import { findFrenchDates } from '@/lib/notice/dates';
import { findCpvCodes } from '@/lib/notice/cpv';
import { departmentFromNuts, findDepartment } from '@/lib/notice/places';
import { findLabelled, firstLabelled, toLines, type Lines } from './labelled-lines';
import { findCriteria } from './criteria';
import { findLots, type LotSegment } from './lots';

/**
 * The `text` source: a Notice from any notice text (a saved page's visible text, a pasted notice), found by the
 * labels French notices use ("Objet du marché", "Nom et adresses", "Date limite de réception des offres",
 * "Valeur estimée", "Code CPV principal"…) and by patterns. Never throws: whatever is not found stays empty, and a
 * failure inside one field becomes a warning.
 */

export interface TextHints {
  /** The page's main heading (<h1>), usually the notice title on notice pages. */
  heading?: string;
  /** The document <title>. */
  documentTitle?: string;
  /** "html:text" for a page, "text:plain" for plain text. */
  format?: string;
}

const LABELS = {
  title: /^(?:[ivx.0-9]+\)\s*\|?\s*)?intitule(?: du marche| de la consultation)?\s*:|^(?:- )?objet (?:du marche|de la consultation|de l'accord-cadre|du contrat)\s*:?|^objet\s*:/,
  buyerJoue: /^i\.1\)\s*\|?\s*nom et adresses?\b/,
  buyer: /nom et adresses? officiels? de l'organisme acheteur|^(?:- )?(?:organisme acheteur|pouvoir adjudicateur|entite adjudicatrice|acheteur public|acheteur|maitre d'ouvrage|nom de l'acheteur|nom de l'organisme)\s*:/,
  description: /^(?:[ivx.0-9]+\)\s*\|?\s*)?description succincte\s*:?|^caracteristiques principales\s*:?/,
  totalValue: /^(?:[ivx.0-9]+\)\s*\|?\s*)?valeur totale estimee|^(?:[ivx.0-9]+\)\s*\|?\s*)?valeur (?:totale )?du marche|valeur estimee hors tva|^(?:[ivx.0-9]+\)\s*\|?\s*)?valeur estimee\b|montant (?:total )?estimatif|budget (?:estimatif|previsionnel)|^valeur hors tva/,
  deadline: /date (?:et heure )?limites? (?:de )?(?:reception|remise|depot|reponse)|date limite de (?:reception|remise) des (?:offres|candidatures|plis|projets)|remise des (?:offres|plis) (?:avant|au plus tard)|date de cloture/,
  published: /publie le|date de publication|mis en ligne le|date de mise en ligne/,
  mainCpv: /code cpv principal|cpv\s*-\s*objet principal|descripteur principal|objet principal\s*:|cpv principal/,
  extraCpv: /objets? supplementaires?|descripteurs? supplementaires?|codes? cpv (?:additionnel|supplementaire|secondaire)/,
  procedureJoue: /^(?:[ivx.0-9]+\)\s*\|?\s*)?type de procedure\b/,
  natureJoue: /^(?:[ivx.0-9]+\)\s*\|?\s*)?(?:type|nature) (?:de|du) marche\b/,
  placeNuts: /code nuts\s*:?\s*-?\s*(fr[a-z0-9]{1,3})\b/,
  place: /lieu (?:principal )?d'execution[^:]*:|lieu de livraison[^:]*:/,
  siret: /(?:numero national d'identification|siret)\s*:?\s*((?:\d[\s\u00a0]?){14})/,
  avisNumber: /\bavis n[°ºo]?\.?\s*:?\s*(\d{2}-\d{3,7})\b/,
};

const PROCEDURES: Array<[RegExp, string]> = [
  [/procedure adaptee ouverte/, 'Procédure adaptée ouverte'],
  [/procedure adaptee restreinte/, 'Procédure adaptée restreinte'],
  [/procedure adaptee|\bmapa\b/, 'Procédure adaptée'],
  [/appel d'offres ouvert|procedure ouverte/, 'Procédure ouverte'],
  [/appel d'offres restreint|procedure restreinte/, 'Procédure restreinte'],
  [/procedure concurrentielle avec negociation/, 'Procédure concurrentielle avec négociation'],
  [/procedure negociee|marche negocie/, 'Procédure négociée'],
  [/dialogue competitif/, 'Dialogue compétitif'],
  [/partenariat d'innovation/, "Partenariat d'innovation"],
  [/concours\b/, 'Concours'],
];

const NOTICE_TYPES: Array<[RegExp, NoticeType]> = [
  [/avis d'attribution|resultat de marche|avis d'intention de conclure|attribution du marche/, 'award'],
  [/avis rectificatif|rectificatif|avis modificatif|avis d'annulation/, 'correction'],
  [/pre-?information|avis periodique indicatif/, 'prior'],
  [/avis de marche|avis d'appel public a la concurrence|avis d'appel a la concurrence|appel d'offres|avis de concession|avis de consultation/, 'contract'],
];

function hash(text: string): string {
  // FNV-1a 32-bit: a stable id for a page that carries no reference of its own.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function clip(s: string, max = 300): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const GENERIC_HEADING = /^(?:detail|details|avis|annonce|consultation|accueil|resultats?|recherche)\b.{0,20}$/;

function pickTitle(lines: Lines, hints: TextHints, used: string[]): string {
  const heading = hints.heading?.trim();
  if (heading && heading.length >= 8 && !GENERIC_HEADING.test(normalizeText(heading))) {
    used.push('html:h1');
    return clip(heading);
  }
  // "Intitulé" can hold a bare reference ("2020V32A"): prefer a value with words.
  const titled = findLabelled(lines, LABELS.title, { lookahead: 2, accept: (v) => /[a-zà-ÿ]{3,}\s+\S+/i.test(v) });
  const best = titled[0];
  if (best) {
    used.push(`label:${best.label}`);
    return clip(best.value);
  }
  const docTitle = hints.documentTitle?.trim();
  if (docTitle && docTitle.length >= 8) {
    used.push('html:title');
    return clip(docTitle);
  }
  const first = lines.original.find((l) => l.length >= 8);
  if (first) used.push('first-line');
  return clip(first ?? '');
}

function pickBuyer(lines: Lines, used: string[]): Notice['buyer'] {
  const buyer: Notice['buyer'] = { name: '' };
  const joue = firstLabelled(lines, LABELS.buyerJoue, { lookahead: 1 });
  const labelled = joue ?? firstLabelled(lines, LABELS.buyer, { lookahead: 2, accept: (v) => /[a-zà-ÿ]{2,}/i.test(v) });
  if (labelled) {
    used.push(`label:${labelled.label}`);
    // "HABITAT 76, Numéro national d'identification : …, 17 rue …": the name is what precedes the first comma.
    const name = labelled.value.split(/,\s|\s;\s|\.\s*$/)[0] ?? '';
    buyer.name = clip(name.replace(/\.$/, ''), 200);
  } else {
    // boamp.fr header "Dépt. : 76 Habitat 76".
    const header = lines.original.slice(0, 10).find((l) => /^D[ée]pt\.?\s*:\s*\S+\s+\S/u.test(l));
    if (header) {
      buyer.name = clip(header.replace(/^D[ée]pt\.?\s*:\s*(?:\d{2,3}|2[AB])(?:\s*,\s*(?:\d{2,3}|2[AB]))*\s+/u, ''), 200);
      used.push('header:Dépt.');
    }
  }
  for (let i = 0; i < lines.normalized.length; i++) {
    const m = LABELS.siret.exec(lines.normalized[i] ?? '');
    const digits = m?.[1]?.replace(/\D/g, '');
    if (digits && digits.length === 14) {
      buyer.siret = digits;
      used.push('label:numero national d\'identification');
      break;
    }
  }
  return buyer;
}

/** Lines not inside any lot: where the notice-level values are. */
function outsideLots(lines: Lines, lots: readonly LotSegment[]): Array<[number, number]> {
  if (lots.length === 0) return [[0, lines.original.length]];
  const ranges: Array<[number, number]> = [];
  let cursor = 0;
  for (const lot of [...lots].sort((a, b) => a.start - b.start)) {
    if (lot.start > cursor) ranges.push([cursor, lot.start]);
    cursor = Math.max(cursor, lot.end);
  }
  if (cursor < lines.original.length) ranges.push([cursor, lines.original.length]);
  return ranges;
}

function moneyIn(lines: Lines, from: number, to: number): FoundMoney | undefined {
  const hits = findLabelled(lines, LABELS.totalValue, { from, to, lookahead: 2, accept: (v) => findMoneyAmounts(v).length > 0 });
  for (const hit of hits) {
    const amounts = findMoneyAmounts(hit.value);
    const chosen = amounts.find((a) => a.basis === 'HT') ?? amounts.find((a) => a.basis === 'unknown');
    if (chosen && chosen.money.amount > 0) return chosen;
  }
  return undefined;
}

function pickDeadline(lines: Lines, used: string[]): string | undefined {
  const hits = findLabelled(lines, LABELS.deadline, { lookahead: 2, accept: (v) => findFrenchDates(v).length > 0 });
  let dateOnly: string | undefined;
  for (const hit of hits) {
    const date = findFrenchDates(hit.value)[0];
    if (!date) continue;
    if (date.hasTime) {
      used.push(`label:${hit.label}`);
      return date.iso;
    }
    dateOnly ??= date.iso;
  }
  if (dateOnly) used.push('label:date limite (date seule)');
  return dateOnly;
}

function pickPublished(lines: Lines, used: string[]): string | undefined {
  const hit = firstLabelled(lines, LABELS.published, { lookahead: 1, accept: (v) => findFrenchDates(v).length > 0 });
  if (!hit) return undefined;
  used.push(`label:${hit.label}`);
  return findFrenchDates(hit.value)[0]?.iso;
}

/** CPV codes of lines [from, to): main after a "principal" label, the others as additional. */
function cpvIn(lines: Lines, from: number, to: number, mainAllowed: boolean): Cpv[] {
  const out: Cpv[] = [];
  const seen = new Set<string>();
  let context = 0; // lines left in which a bare code still belongs to a CPV label seen just before
  let lastWasMain = false;
  for (let i = from; i < to; i++) {
    const norm = lines.normalized[i] ?? '';
    const isMainLabel = LABELS.mainCpv.test(norm);
    const isCpvLabel = isMainLabel || LABELS.extraCpv.test(norm) || /\bcpv\b/.test(norm);
    if (isCpvLabel) {
      context = 3;
      lastWasMain = isMainLabel && !LABELS.extraCpv.test(norm.slice(0, norm.search(LABELS.mainCpv)));
    } else if (context > 0) {
      context--;
    }
    if (context === 0) continue;
    const codes = findCpvCodes(lines.original[i] ?? '');
    codes.forEach((c, k) => {
      if (seen.has(c.code)) return;
      seen.add(c.code);
      // On "Code CPV principal : X" only the first code is main; a line "Objets supplémentaires" is never main.
      const main = mainAllowed && isMainLabel && lastWasMain && k === 0 && !out.some((o) => o.main) && !LABELS.extraCpv.test(norm.slice(0, norm.indexOf(c.code)));
      const cpv: Cpv = { code: c.code, main };
      if (c.label) cpv.label = c.label;
      out.push(cpv);
    });
    if (!isCpvLabel && codes.length === 0 && /[a-z]{4,}/.test(norm) && !LABELS.extraCpv.test(norm)) context = 0;
  }
  return out;
}

function pickProcedure(lines: Lines, used: string[]): string | undefined {
  const labelled = firstLabelled(lines, LABELS.procedureJoue, { lookahead: 1 });
  const candidates = labelled ? [normalizeText(labelled.value), ...lines.normalized.slice(0, 40)] : lines.normalized.slice(0, 60);
  for (const text of candidates) {
    for (const [re, label] of PROCEDURES) {
      if (re.test(text)) {
        used.push(labelled ? `label:${labelled.label}` : 'pattern:procedure');
        return label;
      }
    }
  }
  return undefined;
}

function pickNoticeType(lines: Lines, hints: TextHints): NoticeType {
  const head = [hints.heading ?? '', ...lines.original.slice(0, 40)].map((l) => normalizeText(l));
  for (const line of head) {
    for (const [re, type] of NOTICE_TYPES) if (re.test(line)) return type;
  }
  return 'other';
}

function pickNature(lines: Lines, cpv: readonly Cpv[], used: string[]): Notice['contractNature'] {
  const fromWord = (v: string): Notice['contractNature'] => {
    const n = normalizeText(v);
    if (/^travaux\b/.test(n)) return 'works';
    if (/^services?\b/.test(n)) return 'services';
    if (/^fournitures?\b/.test(n)) return 'supplies';
    return undefined;
  };
  const labelled = findLabelled(lines, LABELS.natureJoue, { lookahead: 1, accept: (v) => fromWord(v) !== undefined })[0];
  if (labelled) {
    used.push(`label:${labelled.label}`);
    return fromWord(labelled.value);
  }
  for (const line of lines.original.slice(0, 40)) {
    if (/^(?:travaux|services|fournitures)\.?$/i.test(line)) {
      used.push('line:nature');
      return fromWord(line);
    }
  }
  // CPV convention: division 45 is works, 50 and above services, the rest supplies.
  const main = cpv.find((c) => c.main) ?? cpv[0];
  if (main) {
    used.push('cpv-division');
    const division = Number(main.code.slice(0, 2));
    return division === 45 ? 'works' : division >= 50 ? 'services' : 'supplies';
  }
  return undefined;
}

function pickPlace(lines: Lines, used: string[]): Notice['place'] {
  const place: Notice['place'] = {};
  // The first NUTS code of a standard form is the buyer's address (I.1); the one under "Lieu d'exécution" (II.2.3)
  // is where the work is done: prefer it.
  const placeLabel = lines.normalized.findIndex((l) => LABELS.place.test(l) || /lieu d'execution\s*$/.test(l));
  const order = placeLabel >= 0 ? [...lines.normalized.slice(placeLabel), ...lines.normalized.slice(0, placeLabel)] : lines.normalized;
  for (const norm of order) {
    const m = LABELS.placeNuts.exec(norm);
    if (m?.[1]) {
      const nuts = m[1].toUpperCase();
      place.nuts = nuts;
      const dept = departmentFromNuts(nuts);
      if (dept) place.department = dept;
      used.push('label:code nuts');
      break;
    }
  }
  const lieu = firstLabelled(lines, LABELS.place, { lookahead: 1, accept: (v) => /[a-zà-ÿ]{3,}/i.test(v) && !/^code nuts/i.test(v) });
  if (lieu) {
    const city = clip(lieu.value.replace(/\.$/, ''), 120);
    if (city) place.city = city;
    if (!place.department) {
      const dept = findDepartment(lieu.value);
      if (dept) {
        place.department = dept.code;
        used.push(`label:${lieu.label}`);
      }
    }
  }
  if (!place.department) {
    const header = lines.original.slice(0, 60).find((l) => /d[ée]pt\.?\s*:|d[ée]partement\(s\) de publication/iu.test(l));
    const dept = header ? findDepartment(header) : undefined;
    if (dept) {
      place.department = dept.code;
      used.push('label:departement de publication');
    }
  }
  return place;
}

/**
 * Reservation only when the notice says it in so many words: the standard-form sentence ("réservé à des ateliers
 * protégés et à des opérateurs économiques dont l'objet est l'intégration sociale et professionnelle…"), an SIAE/ESS
 * reservation, or "Marché réservé : non". A profession reservation ("réservé aux entreprises d'assurances") is not social.
 */
function pickReserved(lines: Lines, used: string[]): Reserved {
  for (const norm of lines.normalized) {
    if (!/\breserve/.test(norm)) continue;
    if (/marche reserve\s*:\s*non\b|n'est pas (?:un marche )?reserve|aucun (?:lot|marche) reserve/.test(norm)) {
      used.push('text:marche reserve non');
      return 'none';
    }
    if (!/(?:marche|lot|accord-cadre|contrat|consultation)s? (?:est |sont )?reserves?\b/.test(norm)) continue;
    const disability = /ateliers proteges|handicap|entreprises adaptees|\besat\b|etablissements et services d'aide par le travail|l\.?\s*2113-12/.test(norm);
    const siae = /structures? d'insertion|\bsiae\b|insertion par l'activite economique|defavorisees|l\.?\s*2113-13\b/.test(norm);
    const ess = /economie sociale et solidaire|l\.?\s*2113-15/.test(norm);
    const prison = /detenu|penitentiaire|l\.?\s*2113-13-1/.test(norm);
    let result: Reserved | undefined;
    if (disability && siae) result = 'siae-or-disability';
    else if (disability) result = 'disability';
    else if (prison) result = 'prison';
    else if (siae) result = 'siae';
    else if (ess) result = 'ess';
    if (result) {
      used.push('text:marche reserve');
      return result;
    }
  }
  return 'unknown';
}

function pickId(lines: Lines, url: URL | undefined, fullText: string): string {
  for (const norm of lines.normalized.slice(0, 40)) {
    const m = LABELS.avisNumber.exec(norm);
    if (m?.[1]) return m[1];
  }
  if (url && url.protocol !== 'about:' && url.href.length > 0) {
    const last = url.pathname.split('/').filter(Boolean).pop();
    if (last && !/^index\.html?$/i.test(last)) return `${url.hostname || 'file'}:${decodeURIComponent(last)}${url.search}`;
  }
  return `text:${hash(fullText)}`;
}

function buildLot(lines: Lines, seg: LotSegment, warnings: string[]): Lot {
  const lot: Lot = { id: seg.id, title: seg.title, cpv: [], criteria: [] };
  try {
    lot.cpv = cpvIn(lines, seg.start, seg.end, true);
    if (lot.cpv.length > 0 && !lot.cpv.some((c) => c.main) && lot.cpv[0]) lot.cpv[0].main = true;
    const value = moneyIn(lines, seg.start, seg.end);
    if (value) lot.estimatedValue = value.money;
    else {
      // A table row "Lot 1 | Tonte et taille | 45 000 € HT" carries its amount on the heading line itself.
      const onHeading = findMoneyAmounts(lines.original[seg.start] ?? '').find((a) => a.basis !== 'TTC');
      if (onHeading && onHeading.money.amount > 0) lot.estimatedValue = onHeading.money;
    }
    lot.criteria = findCriteria(lines, seg.start, seg.end);
    const desc = firstLabelled(lines, /description des prestations|description succincte|^description\s*:/, { from: seg.start, to: seg.end, lookahead: 1 });
    if (desc) lot.description = clip(desc.value, 1000);
  } catch (e) {
    warnings.push(`lot ${seg.id} : lecture partielle (${e instanceof Error ? e.message : String(e)})`);
  }
  return lot;
}

/** Build a Notice from notice text. `url` may be undefined for pasted text. */
export function extractFromText(text: string, url?: URL | string, hints: TextHints = {}): Notice {
  const safeText = typeof text === 'string' ? text : '';
  let parsedUrl: URL | undefined;
  try {
    parsedUrl = url === undefined ? undefined : typeof url === 'string' ? new URL(url) : url;
  } catch {
    parsedUrl = undefined;
  }
  const lines = toLines(safeText.replace(/\r\n?/g, '\n'));
  const fullText = lines.original.join('\n');
  const used: string[] = [];
  const warnings: string[] = [];
  const notice = emptyNotice('text', 'text:pending', parsedUrl?.href ?? '', hints.format ?? 'text:plain');
  notice.fullText = fullText;

  const guard = <T>(field: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      warnings.push(`${field} : non lu (${e instanceof Error ? e.message : String(e)})`);
      return undefined;
    }
  };

  notice.id = guard('id', () => pickId(lines, parsedUrl, fullText)) ?? `text:${hash(fullText)}`;
  notice.title = guard('titre', () => pickTitle(lines, hints, used)) ?? '';
  notice.buyer = guard('acheteur', () => pickBuyer(lines, used)) ?? { name: '' };
  notice.noticeType = guard('type', () => pickNoticeType(lines, hints)) ?? 'other';
  const procedure = guard('procédure', () => pickProcedure(lines, used));
  if (procedure) notice.procedure = procedure;
  const published = guard('publication', () => pickPublished(lines, used));
  if (published) notice.publishedAt = published;
  const deadline = guard('date limite', () => pickDeadline(lines, used));
  if (deadline) notice.deadline = deadline;

  const lots = guard('lots', () => findLots(lines)) ?? [];
  notice.lots = lots.map((seg) => buildLot(lines, seg, warnings));
  const outside = outsideLots(lines, lots);

  guard('valeur', () => {
    for (const [from, to] of outside) {
      const value = moneyIn(lines, from, to);
      if (value) {
        notice.estimatedValue = value.money;
        used.push('label:valeur estimee');
        return;
      }
    }
  });

  guard('cpv', () => {
    const cpv: Cpv[] = [];
    for (const [from, to] of outside) cpv.push(...cpvIn(lines, from, to, true));
    for (const lot of notice.lots) cpv.push(...lot.cpv.map((c) => ({ ...c, main: false })));
    const seen = new Set<string>();
    const unique = cpv.filter((c) => (seen.has(c.code) ? false : (seen.add(c.code), true)));
    if (unique.length > 0 && !unique.some((c) => c.main) && unique[0]) unique[0].main = true;
    notice.cpv = unique.sort((a, b) => Number(b.main) - Number(a.main));
    if (unique.length > 0) used.push('label:cpv');
  });

  guard('critères', () => {
    const criteria = outside.flatMap(([from, to]) => findCriteria(lines, from, to));
    notice.criteria = criteria;
  });

  const nature = guard('nature', () => pickNature(lines, notice.cpv, used));
  if (nature) notice.contractNature = nature;
  notice.place = guard('lieu', () => pickPlace(lines, used)) ?? {};
  notice.reserved = guard('réservation', () => pickReserved(lines, used)) ?? 'unknown';

  const description = guard('description', () => firstLabelled(lines, LABELS.description, { lookahead: 1 }));
  if (description) notice.description = clip(description.value, 2000);

  notice.raw = { format: hints.format ?? 'text:plain', fieldsUsed: [...new Set(used)] };
  if (warnings.length > 0) notice.raw.warnings = warnings;

  // Last line of defence: a field that breaks the contract is dropped (or reset), the rest is kept.
  return repairNotice(notice, warnings);
}

/** Drops or resets the fields zod rejects, so one bad value never costs the whole notice. */
export function repairNotice(notice: Notice, warnings: string[]): Notice {
  let current: Record<string, unknown> = { ...notice };
  for (let attempt = 0; attempt < 5; attempt++) {
    const checked = NoticeSchema.safeParse(current);
    if (checked.success) return checked.data;
    const defaults = emptyNotice('text', notice.id || 'text:invalide', notice.url, notice.raw.format) as unknown as Record<string, unknown>;
    for (const issue of checked.error.issues) {
      const [key, index] = issue.path;
      if (typeof key !== 'string') continue;
      if ((key === 'lots' || key === 'criteria' || key === 'cpv') && typeof index === 'number' && Array.isArray(current[key])) {
        current = { ...current, [key]: (current[key] as unknown[]).filter((_, i) => i !== index) };
      } else if (key in defaults) {
        current = { ...current, [key]: defaults[key] };
      } else {
        const { [key]: _dropped, ...rest } = current;
        current = rest;
      }
      warnings.push(`champ écarté : ${issue.path.join('.')} (${issue.message})`);
    }
    current = { ...current, raw: { ...notice.raw, warnings } };
  }
  const fallback = emptyNotice('text', notice.id || 'text:invalide', notice.url, notice.raw.format);
  fallback.fullText = notice.fullText;
  fallback.raw.warnings = [...warnings, 'avis illisible : contrat Notice non respecté'];
  return fallback;
}
