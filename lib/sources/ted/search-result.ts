/**
 * TED Search API v3 response → Notice[] (partial notices for lists and the daily watch; the notice XML gives the
 * full picture). Field shapes vary (research/eforms.md §14): a value can be a string, a number, an array, an object
 * keyed by language (lower-case ISO 639-3, "fra", "eng", values string or string[]), or `{value: …}`. Every shape is
 * read leniently; a notice without a publication number is skipped with nothing thrown.
 */
import { z } from 'zod';
import { emptyNotice, NoticeSchema, type Cpv, type Notice, type NoticeType } from '@/lib/notice/schema';
import { normalizeIsoDate } from '@/lib/notice/dates';
import { departmentFromNuts } from '@/lib/notice/places';
import { CONTRACT_NATURES, PROCEDURE_LABELS } from '@/lib/sources/eforms/codelists';
import { combineDateTime } from '@/lib/sources/eforms/map-notice';
import { tedNoticePageUrl } from './urls';

const ResponseSchema = z.object({
  notices: z.array(z.unknown()).catch([]),
  totalNoticeCount: z.number().optional().catch(undefined),
  iterationNextToken: z.string().nullish().catch(undefined),
});

/** Summary of a search page: the notices and the paging information. */
export interface TedSearchPage {
  notices: Notice[];
  total?: number;
  nextToken?: string;
  warnings: string[];
}

/** All strings in a field value, French first when the value is keyed by language. */
export function fieldStrings(value: unknown, depth = 0): string[] {
  if (depth > 5 || value === null || value === undefined) return [];
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (typeof value === 'number' && Number.isFinite(value)) return [String(value)];
  if (Array.isArray(value)) return value.flatMap((v) => fieldStrings(v, depth + 1));
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ('value' in obj) return fieldStrings(obj.value, depth + 1);
    const keys = Object.keys(obj);
    const order = [
      ...keys.filter((k) => k.toLowerCase() === 'fra'),
      ...keys.filter((k) => k.toLowerCase() === 'eng'),
      ...keys.filter((k) => !['fra', 'eng'].includes(k.toLowerCase())),
    ];
    return order.flatMap((k) => fieldStrings(obj[k], depth + 1));
  }
  return [];
}

function first(value: unknown): string | undefined {
  return fieldStrings(value)[0];
}

function noticeTypeOf(noticeType: string | undefined, formType: string | undefined): NoticeType {
  const t = noticeType ?? '';
  if (t.startsWith('can-') || t === 'compl' || formType === 'result') return 'award';
  if (t.startsWith('cn-') || t.startsWith('pin-cfc') || t === 'qu-sy' || t === 'subco' || formType === 'competition') return 'contract';
  if (t.startsWith('pin-') || formType === 'planning') return 'prior';
  if (t === 'corr' || formType === 'change') return 'correction';
  return 'other';
}

/** "2026-03-12+01:00" | "20260312" | "2026-03-12" → "2026-03-12". */
function plainDate(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v);
  return m ? `${m[1]!}-${m[2]!}-${m[3]!}` : undefined;
}

/** A date-time with its offset, already complete. */
const FULL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(iso: string): number {
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(ms) ? ms : Number.POSITIVE_INFINITY;
}

function amountOf(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const n = Number(v.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** One search-result notice → Notice, or undefined when it has no publication number. */
export function tedSearchNoticeToNotice(item: unknown): Notice | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const f = item as Record<string, unknown>;
  // Real responses use both the long field names and the short aliases of the expert query (ND, TI, PD).
  const pub = first(f['publication-number']) ?? first(f.ND);
  if (!pub) return undefined;
  const used: string[] = ['publication-number'];
  const take = (name: string): unknown => {
    if (f[name] !== undefined && f[name] !== null) used.push(name);
    return f[name];
  };
  const links = f.links && typeof f.links === 'object' ? (f.links as Record<string, unknown>) : {};
  const html = links.html && typeof links.html === 'object' ? (links.html as Record<string, unknown>) : {};
  const url = (typeof html.FRA === 'string' ? html.FRA : undefined) ?? tedNoticePageUrl(pub, 'fr');
  const notice = emptyNotice('ted', pub, url, 'ted-api:v3-search');
  const warnings: string[] = [];

  const titles = fieldStrings(take('notice-title') ?? take('TI'));
  notice.title = titles[0] ?? '';
  const description = first(take('description-proc')) ?? first(take('description-lot'));
  if (description) notice.description = description;
  notice.buyer = { name: first(take('buyer-name')) ?? first(take('organisation-name-buyer')) ?? '' };
  notice.noticeType = noticeTypeOf(first(take('notice-type')), first(take('form-type')));
  const proc = first(take('procedure-type'));
  if (proc) notice.procedure = PROCEDURE_LABELS[proc] ?? proc;
  const nature = first(take('contract-nature')) ?? first(take('contract-nature-main-proc'));
  if (nature && CONTRACT_NATURES[nature]) notice.contractNature = CONTRACT_NATURES[nature];
  const published = plainDate(first(take('publication-date')) ?? first(take('PD')));
  if (published) notice.publishedAt = published;

  // Deadline: the earliest lot deadline; the time list, when given, is index-aligned with the date list.
  const dates = fieldStrings(take('deadline-receipt-tender-date-lot'));
  const times = fieldStrings(take('deadline-receipt-tender-time-lot'));
  const deadlines = [
    ...dates.map((d, i) => (FULL_ISO.test(d) ? d : combineDateTime(d, times[i]))),
    ...fieldStrings(take('deadline')).map((d) => (FULL_ISO.test(d) ? d : combineDateTime(d, undefined))),
  ].filter((d): d is string => !!d);
  if (deadlines.length > 0) {
    const earliest = deadlines.reduce((a, b) => (instant(b) < instant(a) ? b : a));
    notice.deadline = normalizeIsoDate(earliest) ?? earliest;
  }

  let amount = amountOf(first(take('estimated-value-proc')));
  let currency = first(take('estimated-value-cur-proc'));
  if (amount === undefined && notice.noticeType !== 'award') {
    // `total-value` is the notice's total value: estimated for a call for competition, awarded for a result notice.
    amount = amountOf(first(take('total-value')));
    currency = first(take('total-value-cur'));
    if (amount !== undefined) warnings.push('valeur « total-value » de l’API TED (valeur totale estimée)');
  }
  if (amount !== undefined) notice.estimatedValue = { amount, currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : 'EUR' };

  const cpv: Cpv[] = [];
  // The lots' main CPV (`main-classification-lot`) come first, so the notice's main code is a real main code.
  for (const c of [...fieldStrings(take('main-classification-lot')), ...fieldStrings(take('classification-cpv'))]) {
    const m = /^(\d{8})(?:-\d)?$/.exec(c);
    if (m && !cpv.some((x) => x.code === m[1])) cpv.push({ code: m[1]!, main: cpv.length === 0 });
    else if (!m) warnings.push(`CPV illisible : ${c}`);
  }
  notice.cpv = cpv;

  const places = fieldStrings(take('place-of-performance'));
  const nuts = places.find((p) => /^[A-Z]{2}[0-9A-Z]{1,3}$/.test(p) && !/^[A-Z]{3}$/.test(p));
  if (nuts) {
    notice.place.nuts = nuts;
    const dep = departmentFromNuts(nuts);
    if (dep) notice.place.department = dep;
  }
  const city = first(take('buyer-city'));
  if (city) notice.place.city = city;

  // Titles come in up to 24 languages: the French and English ones (or the first) are enough for the text signals.
  notice.fullText = [...titles.slice(0, 2), ...fieldStrings(f['description-proc']).slice(0, 2), ...fieldStrings(f['description-lot']).slice(0, 2)]
    .filter((s, i, a) => a.indexOf(s) === i)
    .join('\n');
  notice.raw = { format: 'ted-api:v3-search', fieldsUsed: used, ...(warnings.length > 0 ? { warnings } : {}) };
  const parsed = NoticeSchema.safeParse(notice);
  if (parsed.success) return parsed.data;
  const fallback = emptyNotice('ted', pub, url, 'ted-api:v3-search');
  fallback.title = notice.title;
  fallback.raw.warnings = [`résultat TED non conforme au modèle : ${parsed.error.issues[0]?.message ?? '?'}`];
  return fallback;
}

/** A TED Search API v3 response → its notices with paging info. Never throws. */
export function parseTedSearchPage(json: unknown): TedSearchPage {
  const parsed = ResponseSchema.safeParse(json && typeof json === 'object' ? json : {});
  const data = parsed.success ? parsed.data : { notices: [] as unknown[] };
  const warnings: string[] = [];
  const notices: Notice[] = [];
  for (const item of data.notices) {
    const n = tedSearchNoticeToNotice(item);
    if (n) notices.push(n);
    else warnings.push('avis TED sans numéro de publication ignoré');
  }
  const page: TedSearchPage = { notices, warnings };
  if (parsed.success && parsed.data.totalNoticeCount !== undefined) page.total = parsed.data.totalNoticeCount;
  if (parsed.success && parsed.data.iterationNextToken) page.nextToken = parsed.data.iterationNextToken;
  return page;
}

/** The notices of a TED Search API v3 response. Never throws. */
export function parseTedSearchResult(json: unknown): Notice[] {
  return parseTedSearchPage(json).notices;
}
