/**
 * Award winners: whether the notice says the winner is an insertion structure (SIAE, Régie de Quartier,
 * EA/ESAT…). Read from the winner's own name only: a notice never states it otherwise in BOAMP records.
 */
import { normalizeText } from '@/lib/notice/normalize';

const INSERTION_NAME =
  /regie (de|des) quartiers?|regie de territoire|\besat\b|entreprise adaptee|\bea\b|chantiers? d.insertion|entreprise d.insertion|\baci\b|\betti\b|association intermediaire|\bgeiq\b|\bsiae\b|atelier protege|insertion/;

export function winnerLooksInsertion(name: string): boolean | undefined {
  return INSERTION_NAME.test(normalizeText(name)) ? true : undefined;
}
