/**
 * One BOAMP open-data record (Explore v2.1 `results[]` item, exports item, v1 `records[].fields`, v2.0
 * `records[].record.fields`) → Notice. Top-level fields give the overview (they exist for every family);
 * the family parser reads `donnees` for the rest; the two are merged field by field. Never throws.
 */
import { z } from 'zod';
import { type Notice, NoticeSchema, type NoticeType, emptyNotice } from '@/lib/notice/schema';
import { winnerLooksInsertion } from './awards';
import { buyerKindFromName } from './buyer-kind';
import { addSignal, type FamilyDraft, newDraft } from './draft';
import { parseEformsDonnees } from './eforms';
import { parseFnSimple } from './fnsimple';
import { parseLegacyV110 } from './legacy-v110';
import { parseLegacyV230 } from './legacy-v230';
import { parseNationalForm } from './mapa';
import { parisFromInstant, wallClockAsParisIso, plainDate } from '@/lib/notice/dates';
import { child, has, isObject, type JsonObject, parseJsonString, textAt } from './xml-json';

export type BoampFamily =
  | 'EFORMS'
  | 'FNSimple'
  | 'MAPA'
  | 'DSP'
  | 'DIVERS'
  | 'legacy-v230'
  | 'legacy-v240'
  | 'legacy-v110'
  | 'top-level';

export const BOAMP_FAMILIES: readonly BoampFamily[] = [
  'EFORMS', 'FNSimple', 'MAPA', 'DSP', 'DIVERS', 'legacy-v230', 'legacy-v240', 'legacy-v110', 'top-level',
];

/** A multivalued top-level field: an array, or a string with `,`/`;` separators (v1 API). */
const Multi = z.unknown().optional().transform((v): string[] => {
  const items: unknown[] = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,;]/) : [];
  return items
    .map((x) => (typeof x === 'string' ? x.trim() : typeof x === 'number' ? String(x) : ''))
    .filter((x) => x !== '');
});
const Str = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined));

/** The top-level fields used; every one optional and lenient (records come from several API versions). */
const TopLevelSchema = z.object({
  idweb: Str,
  id: Str,
  objet: Str,
  nomacheteur: Str,
  famille: Str,
  nature: Str,
  etat: Str,
  type_procedure: Str,
  procedure_libelle: Str,
  dateparution: Str,
  datelimitereponse: Str,
  code_departement: Multi,
  type_marche: Multi,
  criteres: Multi,
  titulaire: Multi,
  descripteur_libelle: Multi,
  source_schema: Str,
  url_avis: Str,
  gestion: z.unknown().optional(),
  donnees: z.unknown().optional(),
});
type TopLevel = z.infer<typeof TopLevelSchema>;

/** The field object of any record shape, or undefined. */
export function recordFields(value: unknown): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  if (isObject(value.fields)) return value.fields;
  if (isObject(value.record) && isObject(value.record.fields)) return value.record.fields;
  return value;
}

/** Does this look like a BOAMP record (any API shape)? */
export function isBoampRecord(value: unknown): boolean {
  const f = recordFields(value);
  if (!f) return false;
  const hasId = typeof f.idweb === 'string' || (typeof f.id === 'string' && typeof f.url_avis === 'string');
  return hasId && ('donnees' in f || 'objet' in f || 'nomacheteur' in f || 'famille' in f || 'dateparution' in f);
}

const PROCEDURES: Readonly<Record<string, string>> = {
  OUVERT: 'Procédure ouverte',
  RESTREINT: 'Procédure restreinte',
  PROCEDURE_ADAPTE: 'Procédure adaptée',
  NEGOCIE: 'Procédure négociée',
  MARCHE_NEGOCIE: 'Marché négocié',
  DIALOGUE_COMPETITIF: 'Dialogue compétitif',
  CONCURRENTIELLE_NEGOCIATION: 'Procédure concurrentielle avec négociation',
  CONCOURS: 'Concours',
  APPEL_OFFRE_OUVERT: "Appel d'offres ouvert",
  APPEL_OFFRE_RESTREINT: "Appel d'offres restreint",
};

const NATURES: Readonly<Record<string, Notice['contractNature']>> = {
  SERVICES: 'services',
  FOURNITURES: 'supplies',
  TRAVAUX: 'works',
};

function noticeTypeOf(nature: string | undefined, etat: string | undefined): NoticeType {
  if (etat && /^(RECTIFICATIF|ANNULATION|RECTIFANNUL)$/.test(etat)) return 'correction';
  switch (nature) {
    case 'APPEL_OFFRE':
      return 'contract';
    case 'ATTRIBUTION':
      return 'award';
    case 'RECTIFICATIF':
    case 'ANNULATION':
      return 'correction';
    case 'PRE_INFORMATION':
    case 'PREINFORMATION':
    case 'AVIS_PREALABLE':
      return 'prior';
    default:
      return 'other';
  }
}

function familyOf(donnees: unknown, sourceSchema: string | undefined): BoampFamily {
  for (const f of ['EFORMS', 'FNSimple', 'MAPA', 'DSP', 'DIVERS'] as const) if (has(donnees, f)) return f;
  if (has(donnees, 'IDENT') || has(donnees, 'INFO')) return 'legacy-v110';
  if (has(donnees, 'IDENTITE') || has(donnees, 'OBJET')) return sourceSchema?.includes('v240') ? 'legacy-v240' : 'legacy-v230';
  return 'top-level';
}

/** Département among the record's list: the one of the place of performance / buyer postcode if listed, else the first. */
function chooseDepartment(listed: readonly string[], postcodes: readonly string[]): string | undefined {
  const valid = listed.filter((d) => /^(\d{2}|2[AB]|97\d)$/.test(d));
  for (const cp of postcodes) {
    const m = /^\s*(\d{5})\b/.exec(cp);
    if (!m?.[1]) continue;
    const code = m[1].startsWith('97') ? m[1].slice(0, 3) : m[1].startsWith('20') ? undefined : m[1].slice(0, 2);
    if (code && (valid.length === 0 || valid.includes(code))) return code;
  }
  return valid[0];
}

function parseDonnees(family: BoampFamily, donnees: unknown, draft: FamilyDraft): void {
  switch (family) {
    case 'EFORMS':
      return parseEformsDonnees(donnees, draft);
    case 'FNSimple':
      return parseFnSimple(donnees, draft);
    case 'MAPA':
    case 'DSP':
    case 'DIVERS':
      return parseNationalForm(donnees, family, draft);
    case 'legacy-v110':
      return parseLegacyV110(donnees, draft);
    case 'legacy-v230':
    case 'legacy-v240':
      return parseLegacyV230(donnees, draft);
    case 'top-level':
      return undefined;
  }
}

/** Assemble the Notice from top-level fields + a family draft (exported for the DILA XML path). */
export function assembleNotice(top: TopLevel, gestion: unknown, donnees: unknown, formatPrefix: string, preWarnings: string[]): Notice {
  const warnings = [...preWarnings];
  const idweb = top.idweb ?? top.id?.replace(/_/g, '-') ?? textAt(gestion, 'REFERENCE', 'IDWEB');
  if (!idweb) warnings.push('identifiant idweb absent');
  const id = idweb ?? 'inconnu';
  const url = top.url_avis ?? `https://www.boamp.fr/pages/avis/?q=idweb:${encodeURIComponent(id)}`;
  const family = familyOf(donnees, top.source_schema ?? textAt(gestion, 'INDEXATION', 'SCHEMA'));
  const notice = emptyNotice('boamp', id, url, `${formatPrefix}:${family}`);
  const draft = newDraft();
  try {
    parseDonnees(family, donnees, draft);
  } catch (e) {
    // Family parsers are written not to throw; this guard keeps the promise if an odd record proves otherwise.
    draft.warnings.push(`lecture de donnees interrompue : ${e instanceof Error ? e.message : String(e)}`);
  }
  warnings.push(...draft.warnings);
  const fieldsUsed: string[] = [];
  const useTop = <T>(name: string, v: T | undefined): T | undefined => {
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) fieldsUsed.push(`record.${name}`);
    return v;
  };

  notice.title = draft.title ?? useTop('objet', top.objet) ?? draft.description?.slice(0, 200) ?? '';
  if (notice.title === '') warnings.push('titre absent');
  if (draft.description && draft.description !== notice.title) notice.description = draft.description;

  const buyerName = (useTop('nomacheteur', top.nomacheteur) ?? draft.buyer.name ?? textAt(gestion, 'INDEXATION', 'NOMORGANISME') ?? '')
    .replace(/[\s.,;:]+$/, '');
  notice.buyer = { name: buyerName };
  if (draft.buyer.siret) notice.buyer.siret = draft.buyer.siret;
  // The legacy type codes are coarse (an EPCI is ORG_DROIT_PUBLIC); a name that says commune, communauté or
  // social landlord is more telling for the rules.
  const nameKind = buyerKindFromName(buyerName);
  const kind = nameKind === 'local-authority' || nameKind === 'social-landlord' ? nameKind : (draft.buyer.kind ?? nameKind);
  if (kind) notice.buyer.kind = kind;

  // A correction seen in donnees (RECTIF/ANNULATION) wins; then the record's nature/etat; then what donnees says.
  const topType = top.nature || top.etat ? noticeTypeOf(useTop('nature', top.nature), top.etat) : 'other';
  notice.noticeType = draft.noticeType === 'correction' ? 'correction' : topType !== 'other' ? topType : (draft.noticeType ?? 'other');

  const procCode = top.type_procedure;
  // The form's own procedure wins (FNSimple "procédure adaptée ouverte" is indexed as OUVERT at top level).
  const procedure = draft.procedure ?? (procCode ? PROCEDURES[procCode] : undefined) ?? top.procedure_libelle ?? procCode;
  if (procedure) notice.procedure = draft.procedure ? procedure : useTop('type_procedure', procedure);

  const topNature = top.type_marche.map((t) => NATURES[t.toUpperCase()]).find((n) => n !== undefined);
  const nature = draft.contractNature ?? useTop('type_marche', topNature);
  if (nature) notice.contractNature = nature;

  const published = plainDate(useTop('dateparution', top.dateparution)) ?? plainDate(textAt(gestion, 'INDEXATION', 'DATE_PUBLICATION'));
  if (published) notice.publishedAt = published;
  // See wallClockAsParisIso in lib/notice/dates.ts: only eForms top-level deadlines are true instants; the others are Paris wall-clock.
  const deadline =
    draft.deadline ??
    (family === 'EFORMS'
      ? parisFromInstant(useTop('datelimitereponse', top.datelimitereponse))
      : wallClockAsParisIso(textAt(gestion, 'INDEXATION', 'DATE_LIMITE_REPONSE')) ?? wallClockAsParisIso(useTop('datelimitereponse', top.datelimitereponse)));
  if (deadline) {
    if (published && deadline.slice(0, 10) < published) warnings.push(`date limite ${deadline} antérieure à la parution ${published} : ignorée`);
    else notice.deadline = deadline;
  }

  if (draft.estimatedValue) notice.estimatedValue = draft.estimatedValue;
  else {
    // No value for the whole contract but one per lot (common in legacy and FNSimple forms): their sum, said so.
    const values = draft.lots.map((l) => l.estimatedValue);
    const currency = values[0]?.currency;
    if (values.length > 0 && values.every((v) => v !== undefined && v.currency === currency && v.max === undefined) && currency) {
      const sum = values.reduce((a, v) => a + (v?.amount ?? 0), 0);
      notice.estimatedValue = { amount: Math.round(sum * 100) / 100, currency };
      warnings.push('valeur estimée = somme des valeurs des lots (pas de valeur pour le marché entier)');
    }
  }
  notice.cpv = draft.cpv;
  const listed = useTop('code_departement', top.code_departement) ?? [];
  const own = draft.place.department;
  // A département the notice itself gives (eForms NUTS) wins when it is one of the record's list.
  const department = own && (listed.length === 0 || listed.includes(own)) ? own : chooseDepartment(listed, draft.postcodes);
  notice.place = { ...draft.place };
  delete notice.place.department;
  if (department) notice.place.department = department;
  if (notice.place.nuts && !/^[A-Z]{2}[0-9A-Z]{0,3}$/.test(notice.place.nuts)) {
    warnings.push(`code NUTS illisible : ${notice.place.nuts}`);
    delete notice.place.nuts;
  }
  notice.lots = draft.lots;
  notice.criteria = draft.criteria;
  notice.reserved = draft.reserved ?? 'unknown';

  const socialSignals = [...draft.socialSignals];
  const criteresSociaux =
    useTop('criteres', top.criteres.some((c) => c.toLowerCase() === 'sociaux') || undefined) ??
    (has(child(gestion, 'INDEXATION', 'CRITERES_SOCIAUX_ENV'), 'SOCIAUX') || undefined);
  if (criteresSociaux) socialSignals.unshift('criteres:sociaux');
  notice.socialSignals = [...new Set(socialSignals)];

  const awards = [...draft.awards];
  if (awards.length === 0 && top.titulaire.length > 0) {
    useTop('titulaire', top.titulaire);
    for (const winner of top.titulaire) {
      const award: NonNullable<Notice['awards']>[number] = { winner };
      if (winnerLooksInsertion(winner)) award.insertionStructure = true;
      awards.push(award);
    }
  }
  if (awards.length > 0 || notice.noticeType === 'award') notice.awards = awards;

  const textParts = [notice.title, ...draft.textParts];
  if (draft.textParts.length === 0 && top.descripteur_libelle.length > 0) textParts.push(top.descripteur_libelle.join(', '));
  notice.fullText = [...new Set(textParts.filter((t) => t.trim() !== ''))].join('\n');

  notice.raw = {
    format: notice.raw.format,
    fieldsUsed: [...fieldsUsed, ...draft.fieldsUsed.map((p) => `donnees.${p}`)],
  };
  if (warnings.length > 0) notice.raw.warnings = warnings;
  return finalCheck(notice);
}

/** Last guard: a Notice that fails the schema loses the offending parts, with a warning, rather than throwing. */
function finalCheck(notice: Notice): Notice {
  const parsed = NoticeSchema.safeParse(notice);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const fallback = emptyNotice('boamp', notice.id || 'inconnu', notice.url, notice.raw.format);
  fallback.title = notice.title;
  fallback.buyer = { name: notice.buyer.name };
  fallback.noticeType = notice.noticeType;
  fallback.fullText = notice.fullText;
  fallback.raw.fieldsUsed = notice.raw.fieldsUsed;
  fallback.raw.warnings = [...(notice.raw.warnings ?? []), `avis incomplet (schéma) : ${issues.slice(0, 5).join(' ; ')}`];
  return NoticeSchema.parse(fallback);
}

/** Parse `gestion`/`donnees` (JSON strings, or already objects). */
function decodeJsonField(name: string, value: unknown, warnings: string[]): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  const r = parseJsonString(value);
  if (!r.ok) {
    warnings.push(`${name} illisible (JSON tronqué ou abîmé) : ${r.error.slice(0, 80)}`);
    return undefined;
  }
  if (!isObject(r.value)) {
    warnings.push(`${name} n'est pas un objet JSON`);
    return undefined;
  }
  return r.value;
}

export function parseBoampRecord(record: unknown): Notice {
  const warnings: string[] = [];
  const fields = recordFields(record);
  if (!fields) warnings.push("l'enregistrement n'est pas un objet");
  const parsedTop = TopLevelSchema.safeParse(fields ?? {});
  const top = parsedTop.success ? parsedTop.data : TopLevelSchema.parse({});
  const gestion = decodeJsonField('gestion', top.gestion, warnings);
  const donnees = decodeJsonField('donnees', top.donnees, warnings);
  if (donnees === undefined && !warnings.some((w) => w.startsWith('donnees'))) {
    warnings.push('champ donnees absent ou vide : avis lu depuis les champs de tête');
  }
  return assembleNotice(top, gestion, donnees, 'boamp-api', warnings);
}

export { TopLevelSchema };
export type { TopLevel };
