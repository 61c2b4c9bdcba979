/**
 * Which kind of reservation (CCP L.2113-12 disability: EA/ESAT; L.2113-13 insertion: SIAE; L.2113-15 ESS)
 * a reserved notice means, when the structure only says "reserved" (legacy `EMPLOIS_PROTEGES`, FNSimple
 * `reservationMarche.oui`): the notice's words decide, otherwise `siae-or-disability`.
 */
import type { Reserved } from '@/lib/notice/schema';
import { normalizeText } from '@/lib/notice/normalize';

const INSERTION =
  /insertion par l.activite economique|\bsiae\b|l\.? ?2113-13|structures? d.insertion|integration sociale et professionnelle|entreprises? d.insertion|ateliers? et chantiers? d.insertion/;
const DISABILITY =
  /ateliers? proteges?|\besat\b|entreprises? adaptees?|l\.? ?2113-12|travailleurs handicapes|personnes handicapees|etablissements? et services? d.aide par le travail/;
const ESS = /l\.? ?2113-15|economie sociale et solidaire|\bess\b/;

/** Decide from text; `undefined` when the text says nothing about the kind. */
export function reservedKindFromText(text: string): Reserved | undefined {
  const n = normalizeText(text);
  const insertion = INSERTION.test(n);
  const disability = DISABILITY.test(n);
  if (insertion && disability) return 'siae-or-disability';
  if (insertion) return 'siae';
  if (disability) return 'disability';
  if (ESS.test(n)) return 'ess';
  return undefined;
}
