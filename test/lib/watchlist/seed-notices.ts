import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { emptyNotice, type Notice } from '@/lib/notice/schema';
import { normalizeText } from '@/lib/notice/normalize';
import type { Assessment, Flag } from '@/lib/rules/types';

/**
 * Notices for watchlist tests, built from REAL BOAMP records (idweb, objet, buyer, publication date, deadline, url of
 * test/fixtures/watchlist/boamp-records-500.json). Their assessments are synthetic (the rules core is another
 * helper's): a "regie-trade" flag when the object names a Régie trade, so filters have something to work on.
 */

const RecordSchema = z.object({
  idweb: z.string(),
  objet: z.string(),
  dateparution: z.string(),
  datelimitereponse: z.string().nullable(),
  nomacheteur: z.string(),
  url_avis: z.string(),
});
export type BoampTrimmedRecord = z.infer<typeof RecordSchema>;

export function loadBoampRecords(): BoampTrimmedRecord[] {
  const path = fileURLToPath(new URL('../../fixtures/watchlist/boamp-records-500.json', import.meta.url));
  return z.array(RecordSchema).parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function recordToNotice(r: BoampTrimmedRecord, idSuffix = ''): Notice {
  const notice = emptyNotice('boamp', r.idweb + idSuffix, r.url_avis, 'test:boamp-trimmed');
  notice.title = r.objet;
  notice.buyer = { name: r.nomacheteur };
  notice.noticeType = 'contract';
  notice.publishedAt = r.dateparution;
  if (r.datelimitereponse) notice.deadline = r.datelimitereponse;
  const dep = /\((\d{2}|2[AB])\)/.exec(r.nomacheteur)?.[1];
  if (dep) notice.place = { department: dep };
  notice.fullText = r.objet;
  return notice;
}

const TRADE_WORDS: [RegExp, string][] = [
  [/nettoyage|proprete|entretien des locaux/, 'nettoyage'],
  [/espaces? verts?|elagage|tonte|paysag/, 'espaces-verts'],
  [/dechet|collecte|encombrant/, 'dechets'],
  [/peinture|second oeuvre|menuiserie|revetement/, 'second-oeuvre'],
];

export function syntheticAssessment(notice: Notice): Assessment {
  const text = normalizeText(notice.title);
  const flags: Flag[] = [];
  for (const [re, trade] of TRADE_WORDS) {
    if (re.test(text)) {
      flags.push({
        id: 'regie-trade',
        severity: 'info',
        title: 'Métier de Régie',
        explanation: `L'objet relève du métier « ${trade} ».`,
        legalBasis: [],
        evidence: [{ field: 'title', quote: notice.title.slice(0, 80) }],
        parameters: { trade },
      });
    }
  }
  return { verdict: flags.length > 0 ? 'maybe' : 'no', score: flags.length > 0 ? 40 : 5, flags, lots: [], judgedAt: notice.publishedAt ?? '2024-07-01' };
}
