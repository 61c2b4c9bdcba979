/**
 * The few text readings the eForms mapping needs where a code is not precise enough: which kind of `res-ws`
 * reservation (SIAE or EA/ESAT), which award criterion is social or environmental, whether a winner is an
 * insertion structure. The rules core does the real text analysis; these only fill model fields.
 */
import type { CriterionType, Reserved } from '@/lib/notice/schema';
import { normalizeText } from '@/lib/notice/normalize';

const SIAE_RE =
  /\b(siae|insertion par l.activite economique|structures? d.insertion|l\.? ?2113-13|article 36-?2|chantiers? d.insertion|entreprises? d.insertion)\b/;
const DISABILITY_RE =
  /\b(esat|entreprises? adaptees?|etablissements? et services? d.(aide|accompagnement) par le travail|l\.? ?2113-12|travailleurs handicapes|ateliers? proteges?|sheltered workshops?)\b/;

/**
 * BT-71 `res-ws` covers both CCP L2113-12 (EA/ESAT, disability) and L2113-13 (SIAE, insertion): decide from the lot
 * text when it names one side only (research/eforms.md §9). The codelist label itself says "ateliers protégés"
 * for both, so only the notice's own words decide.
 */
export function reservedFromWsText(text: string): Reserved {
  const t = normalizeText(text);
  const siae = SIAE_RE.test(t);
  const disability = DISABILITY_RE.test(t);
  if (siae && !disability) return 'siae';
  if (disability && !siae) return 'disability';
  return 'siae-or-disability';
}

const SOCIAL_CRITERION_RE =
  /\b(insertion|social|sociale|sociaux|sociales|emploi|heures? d.insertion|personnes? eloignees?|handicap|solidaire|inclusion|l\.? ?2112-2|employment|disadvantaged|long-term unemployed|community benefits?|fair work\w*)\b/;
const ENVIRONMENTAL_CRITERION_RE =
  /\b(environnement\w*|developpement durable|ecolog\w*|carbone|dechets?|environmental|sustainab\w*|emissions?|biodiversite|energie)\b/;

/** A quality criterion named or described as social / environmental. Undefined when the text says neither. */
export function criterionTypeFromText(text: string): CriterionType | undefined {
  const t = normalizeText(text);
  if (SOCIAL_CRITERION_RE.test(t)) return 'social';
  if (ENVIRONMENTAL_CRITERION_RE.test(t)) return 'environmental';
  return undefined;
}

const INSERTION_WINNER_RE =
  /\b(regie de quartier|regie de territoire|regies? de quartiers?|chantiers? d.insertion|entreprises? d.insertion|association intermediaire|esat|entreprises? adaptees?|geiq|groupement d.employeurs pour l.insertion)\b/;

/** Does the winner's name say it is an insertion structure (Régie de Quartier, EI, ACI, ESAT, EA…)? */
export function winnerLooksInsertion(name: string): boolean {
  return INSERTION_WINNER_RE.test(normalizeText(name));
}
