import type { Notice } from '@/lib/notice/schema';
import { normalizeText } from '@/lib/notice/normalize';
import { fieldStrings } from '@/lib/sources/ted/search-result';

/**
 * Keys that identify the same procedure across BOAMP and TED. A notice's keys are compared with those of every
 * inbox row: one shared key = the same procedure, stored once.
 * - `src:<source>:<id>` — the notice itself;
 * - `proc:<uuid>` — the eForms contract folder id (BT-04): `ContractFolderID` in a BOAMP eForms record,
 *   `procedure-identifier` in a TED search result;
 * - `ted:<publication number>` — the TED (OJ S) publication number: `NoticePublicationID` referenced by the BOAMP
 *   record, `publication-number` of a TED result (leading zeros dropped: "00035723-2026" = "35723-2026");
 * - `bt:<buyer>|<title>|<deadline day>` — same buyer, same title and same deadline, when neither carries ids.
 */
export function tedNumberKey(publicationNumber: string): string | undefined {
  const m = /^0*(\d+)-(\d{4})$/.exec(publicationNumber.trim());
  return m ? `ted:${m[1]!}-${m[2]!}` : undefined;
}

function buyerTitleKey(notice: Notice): string | undefined {
  const day = notice.deadline?.slice(0, 10);
  const buyer = normalizeText(notice.buyer.name).replace(/[^a-z0-9]+/g, ' ').trim();
  // TED titles read "France – Street-cleaning services – <buyer's title>": keep the buyer's own part.
  const title = normalizeText(notice.title.split(/\s[–-]\s/).at(-1) ?? notice.title).replace(/[^a-z0-9]+/g, ' ').trim();
  return day && buyer && title ? `bt:${buyer}|${title}|${day}` : undefined;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Ids found in a BOAMP record's `donnees` (JSON string or object): contract folder id and OJ S number. */
export function boampRecordCrossIds(record: unknown): { procedureId?: string; tedNumber?: string } {
  if (typeof record !== 'object' || record === null) return {};
  const donnees = (record as Record<string, unknown>).donnees;
  const text = typeof donnees === 'string' ? donnees : donnees === undefined ? '' : JSON.stringify(donnees);
  const out: { procedureId?: string; tedNumber?: string } = {};
  const folder = /"(?:cbc:)?ContractFolderID"\s*:\s*(?:\{[^}]*"#text"\s*:\s*)?"([^"]+)"/.exec(text);
  if (folder?.[1] && UUID.test(folder[1])) out.procedureId = folder[1].toLowerCase();
  const pub = /"(?:efbc:)?NoticePublicationID"\s*:\s*(?:\{[^}]*"#text"\s*:\s*)?"(\d+-\d{4})"/.exec(text);
  if (pub?.[1]) out.tedNumber = pub[1];
  return out;
}

/** Ids of a TED search result item: procedure identifier (BT-04). */
export function tedItemProcedureId(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const value = fieldStrings((item as Record<string, unknown>)['procedure-identifier'])[0];
  return value && UUID.test(value) ? value.toLowerCase() : undefined;
}

export function dedupeKeys(notice: Notice, cross: { procedureId?: string; tedNumber?: string } = {}): string[] {
  const keys = [`src:${notice.source}:${notice.id}`];
  if (cross.procedureId) keys.push(`proc:${cross.procedureId}`);
  const ted = cross.tedNumber ? tedNumberKey(cross.tedNumber) : undefined;
  if (ted) keys.push(ted);
  if (notice.source === 'ted') {
    const own = tedNumberKey(notice.id);
    if (own) keys.push(own);
  }
  const bt = buyerTitleKey(notice);
  if (bt) keys.push(bt);
  return [...new Set(keys)];
}
