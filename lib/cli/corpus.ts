import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { emptyNotice, type Notice } from '@/lib/notice/schema';
import { parseCpvCode } from '@/lib/notice/cpv';
import { departmentFromPostcode } from '@/lib/notice/places';

/**
 * Where the real data lives and how to walk it (Node only: used by `npm run eval`, `npm run bench` and the
 * labelled-set test). The shared corpus sits next to the project (`../shared/corpus`); a fresh clone has only
 * the copies under `test/fixtures`, so every whole-corpus run says which of the two it used.
 */

export const PROJECT_ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const SHARED_CORPUS = resolve(PROJECT_ROOT, '../shared/corpus');
export const LABELLED_DIR = join(PROJECT_ROOT, 'test/fixtures/labelled');

export function sharedCorpusAvailable(): boolean {
  return existsSync(SHARED_CORPUS) && statSync(SHARED_CORPUS).isDirectory();
}

/** One input family of the bench/coverage runs: files parsed by the same path (HTML page, JSON records, XML). */
export interface CorpusFamily {
  id: string;
  files: string[];
}

function filesIn(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The notices of the shared corpus, by family. Left out on purpose: the 6-field objet export (not full records;
 * it is evaluated through the text path in the labelled set), the CSV twin of the PdL JSONL (same 500 records),
 * the rendered search page (a list, not a notice) and the DECP/Marché de l'inclusion examples (not notices).
 */
export function sharedCorpusFamilies(root = SHARED_CORPUS): CorpusFamily[] {
  const api = join(root, 'boamp/api-records');
  return [
    { id: 'boamp-html-2020', files: filesIn(join(root, 'boamp/html/avis-2020'), /\.html$/) },
    {
      id: 'portal-html',
      files: [
        ...filesIn(join(root, 'portals/place/2020-prado-dce-download'), /\.html$/),
        ...filesIn(join(root, 'portals/place/2020-symfony-detail-fragment'), /\.html$/),
        ...filesIn(join(root, 'portals/place/2026-symfony-detail-recap-excerpt'), /\.html$/),
        ...filesIn(join(root, 'portals/aws-marches-publics-info'), /\.html$/),
      ],
    },
    {
      id: 'boamp-api-json',
      files: filesIn(api, /\.(json|jsonl)$/).filter((f) => !/trimmed6fields|\.csv$/.test(f)),
    },
    { id: 'boamp-xml-v230', files: filesIn(join(root, 'boamp/legacy-xml-v230'), /\.xml$/) },
    { id: 'eforms-xml', files: filesIn(join(root, 'eforms/examples'), /\.xml$/) },
  ].filter((f) => f.files.length > 0);
}

/** The same families from the copies in test/fixtures (fresh clone without the shared corpus). */
export function fixtureFamilies(root = join(LABELLED_DIR, 'notices')): CorpusFamily[] {
  const fixtures = join(PROJECT_ROOT, 'test/fixtures');
  return [
    {
      id: 'boamp-html-2020',
      files: [
        ...filesIn(join(fixtures, 'boamp-avis-2020'), /\.html$/),
        ...filesIn(join(root, 'boamp-avis-2020-extra'), /\.html$/),
      ],
    },
    {
      id: 'portal-html',
      files: [
        ...filesIn(join(root, 'portals/place/2020-prado-dce-download'), /\.html$/),
        ...filesIn(join(fixtures, 'atexo/place-2020-prado'), /\.html$/),
        ...filesIn(join(fixtures, 'atexo/place-2020-symfony'), /\.html$/),
        ...filesIn(join(fixtures, 'atexo/place-2026-symfony'), /\.html$/),
        // Real excerpts only: hand-made pages (*.synthetic.html) are not benchmarked.
        ...filesIn(join(fixtures, 'aws'), /\.excerpt\.html$/),
      ],
    },
    {
      id: 'boamp-api-json',
      files: [...filesIn(join(root, 'boamp-records'), /\.(json|jsonl)$/), ...filesIn(join(fixtures, 'boamp/records'), /\.(json|jsonl)$/)],
    },
    { id: 'boamp-xml-v230', files: filesIn(join(fixtures, 'boamp/xml'), /\.xml$/) },
    { id: 'eforms-xml', files: filesIn(join(fixtures, 'eforms/sdk'), /\.xml$/) },
  ].filter((f) => f.files.length > 0);
}

/**
 * A BOAMP open-data record reduced to 6 fields (`idweb, objet, dateparution, datelimitereponse, nomacheteur,
 * url_avis`, as in the 10 000-record export of the corpus). It carries no `donnees`, so it is evaluated through
 * the text path: the objet is the title and the whole text the rules read.
 */
export const BoampObjetRecordSchema = z.object({
  idweb: z.string().min(1),
  objet: z.string().nullable().optional(),
  dateparution: z.string().nullable().optional(),
  datelimitereponse: z.string().nullable().optional(),
  nomacheteur: z.string().nullable().optional(),
  url_avis: z.string().nullable().optional(),
});
export type BoampObjetRecord = z.infer<typeof BoampObjetRecordSchema>;

export function boampObjetRecordToNotice(record: BoampObjetRecord): Notice {
  const url = record.url_avis ?? `https://www.boamp.fr/pages/avis/?q=idweb:${record.idweb}`;
  const notice = emptyNotice('text', record.idweb, url, 'boamp-api:objet-only');
  const objet = (record.objet ?? '').trim();
  notice.title = objet;
  notice.fullText = objet;
  notice.noticeType = 'contract';
  if (record.nomacheteur) notice.buyer = { name: record.nomacheteur };
  if (record.dateparution && /^\d{4}-\d{2}-\d{2}$/.test(record.dateparution)) notice.publishedAt = record.dateparution;
  notice.raw.fieldsUsed = ['idweb', 'objet', 'dateparution', 'nomacheteur', 'url_avis'];
  return notice;
}

/** Parse a JSON array of 6-field records; bad entries are skipped (reported by the caller through the count). */
export function parseBoampObjetRecords(content: string): Notice[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: Notice[] = [];
  for (const item of data) {
    const r = BoampObjetRecordSchema.safeParse(item);
    if (r.success) out.push(boampObjetRecordToNotice(r.data));
  }
  return out;
}

/**
 * A tender of le Marché de l'inclusion (Django fixture `tenders.tender`). Its shape is its own, so it goes
 * through the text path: title + description + constraints + sectors become the full text.
 */
export const LemarcheTenderSchema = z.object({
  model: z.literal('tenders.tender'),
  pk: z.number(),
  fields: z.object({
    title: z.string(),
    description: z.string().optional(),
    constraints: z.string().optional(),
    kind: z.string().optional(),
    amount: z.string().nullable().optional(),
    deadline_date: z.string().nullable().optional(),
    published_at: z.string().nullable().optional(),
    external_link: z.string().optional(),
    is_reserved_tender: z.boolean().optional(),
  }),
});
export type LemarcheTender = z.infer<typeof LemarcheTenderSchema>;

export function lemarcheTenderToNotice(tender: LemarcheTender, sectors: string[] = []): Notice {
  const f = tender.fields;
  const notice = emptyNotice('text', `lemarche-${tender.pk}`, f.external_link ?? '', 'lemarche:tender');
  notice.title = f.title;
  notice.description = f.description;
  notice.noticeType = 'contract';
  notice.fullText = [f.title, f.description ?? '', f.constraints ?? '', sectors.join(', ')].filter(Boolean).join('\n');
  if (f.published_at && /^\d{4}-\d{2}-\d{2}/.test(f.published_at)) notice.publishedAt = f.published_at.slice(0, 10);
  if (f.deadline_date && /^\d{4}-\d{2}-\d{2}$/.test(f.deadline_date)) notice.deadline = f.deadline_date;
  // The platform's flag reserves the tender to inclusive structures (SIAE, EA, ESAT) without saying which.
  notice.reserved = f.is_reserved_tender ? 'siae-or-disability' : 'unknown';
  notice.raw.fieldsUsed = ['title', 'description', 'constraints', 'published_at', 'deadline_date', 'is_reserved_tender'];
  return notice;
}

/**
 * A DECP contract record ("données essentielles de la commande publique", format v2, `marches.marche[]`): award-side
 * data. Its shape is its own, so it becomes an award Notice read by the rules through `socialSignals`
 * (`decp:Clause sociale`, `decp:Critère social`, `decp:Marché réservé`, vocabulary of lib/rules/README.md) and the
 * text of its object. The amount is what was awarded, so it goes to `awards`, not to `estimatedValue`.
 */
const DecpTitulaireSchema = z.object({
  titulaire: z.object({ id: z.union([z.string(), z.number()]), typeIdentifiant: z.string().optional() }),
});
export const DecpMarcheSchema = z.object({
  id: z.union([z.string(), z.number()]),
  acheteur: z.object({ id: z.union([z.string(), z.number()]), nom: z.string().optional() }).optional(),
  nature: z.string().optional(),
  objet: z.string().optional(),
  codeCPV: z.string().optional(),
  procedure: z.string().optional(),
  lieuExecution: z.object({ code: z.string(), typeCode: z.string().optional() }).optional(),
  montant: z.number().nonnegative().optional(),
  datePublicationDonnees: z.string().optional(),
  considerationsSociales: z.object({ considerationSociale: z.array(z.string()) }).optional(),
  titulaires: z.array(DecpTitulaireSchema).optional(),
});
export type DecpMarche = z.infer<typeof DecpMarcheSchema>;

export function decpMarcheToNotice(m: DecpMarche): Notice {
  const notice = emptyNotice('text', `decp-${m.id}`, '', 'decp:marche');
  notice.title = m.objet ?? '';
  notice.noticeType = 'award';
  if (m.procedure) notice.procedure = m.procedure;
  const buyerId = m.acheteur ? String(m.acheteur.id) : '';
  notice.buyer = /^\d{14}$/.test(buyerId) ? { name: m.acheteur?.nom ?? '', siret: buyerId } : { name: m.acheteur?.nom ?? '' };
  const cpv = m.codeCPV ? parseCpvCode(m.codeCPV) : undefined;
  if (cpv) notice.cpv = [{ code: cpv.code, main: true }];
  if (m.lieuExecution && /postal/i.test(m.lieuExecution.typeCode ?? '')) {
    const department = departmentFromPostcode(m.lieuExecution.code);
    if (department) notice.place = { department };
  }
  if (m.datePublicationDonnees && /^\d{4}-\d{2}-\d{2}$/.test(m.datePublicationDonnees)) {
    notice.publishedAt = m.datePublicationDonnees;
  }
  const considerations = (m.considerationsSociales?.considerationSociale ?? []).filter(
    (c) => !/^pas de consid/i.test(c),
  );
  notice.socialSignals = considerations.map((c) => `decp:${c}`);
  notice.awards = (m.titulaires ?? []).map(({ titulaire }) => {
    const id = String(titulaire.id);
    return {
      winner: id,
      ...(/^\d{14}$/.test(id) ? { siret: id } : {}),
      ...(m.montant !== undefined ? { amount: { amount: m.montant, currency: 'EUR' } } : {}),
    };
  });
  notice.fullText = [m.objet ?? '', m.procedure ?? '', ...considerations].filter(Boolean).join('\n');
  notice.raw.fieldsUsed = ['id', 'acheteur.id', 'objet', 'codeCPV', 'procedure', 'lieuExecution', 'montant', 'datePublicationDonnees', 'considerationsSociales', 'titulaires'];
  return notice;
}

/** Every `marches.marche[]` entry of a DECP JSON file; entries that do not fit the schema are skipped. */
export function parseDecpMarches(content: string): Notice[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return [];
  }
  const list = z.object({ marches: z.object({ marche: z.array(z.unknown()) }) }).safeParse(data);
  if (!list.success) return [];
  const out: Notice[] = [];
  for (const item of list.data.marches.marche) {
    const r = DecpMarcheSchema.safeParse(item);
    if (r.success) out.push(decpMarcheToNotice(r.data));
  }
  return out;
}
