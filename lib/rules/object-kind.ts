/**
 * Notices whose object is *about* an activity rather than doing it: studies, consultancy, project management (AMO,
 * maîtrise d'œuvre, SPS), diagnostics, evaluations, strategy, plans, observatories, software, plain supplies.
 * "Étude … des espaces verts" is not green-space upkeep and "mission d'évaluation … insertion" is not an insertion
 * market (labelled-set README, trade/insertion traps; BOAMP objets of the "Etude" descriptor). Normalised text.
 */

/** Head words: judged on the first words of the object only ("Évaluation …", "Élaboration du programme …"). */
export const ABOUT_NOT_DOING =
  /\betudes?\b|\bmissions? d' ?(?:etudes?|assistance|conseil|evaluation|accompagnement|appui|expertise)|\bmissions? (?:de |d')?(?:geotechniques?|coordination|controle|programmation)|\bgeotechniques?\b|\bdiagnostics?\b|\bconseil\b|\bcaracterisations?\b|\bevaluations?\b|\baudits?\b|\bprogrammation\b|\bfaisabilite\b|\bschemas?\b|\bprefiguration\b|\binventaires?\b|\belaborations?\b|\bactualisation\b|\boptimisation\b|\bstrategie\b|\bobservatoire\b|\benquetes?\b|\bexpertises?\b|\bscenographie\b|\banalyses?\b|\bdossiers? (?:reglementaires?|de)\b|\bplans? de gestion\b|\bappui a\b|\baccompagnement (?:a|pour|de) (?:la |l')?(?:definition|mise en|construction|creation|ecriture|elaboration|strategie|prefiguration)|\blogiciels?\b|\bfournitures?\b(?! et pose)|\bacquisition (?:de|d'|des)\b|\blocation (?:de|d')\b/;

/** Markers strong enough anywhere in the object ("… – assistance à maîtrise d'œuvre pour aménagements paysagers"). */
const ABOUT_ANYWHERE =
  /maitrise d['\s]? ?oeuvre|maitrise (?:d['\s]? ?)?ouvrage|\bamo\b|\bmoe\b|prestations? intellectuelles?|\bsps\b|\betudes? (?:de|des|d'|du|sur|pour|portant|prealables?|pre-operationnelles?)\b/;

/** True when the object text is about an activity (study, consultancy, supply…) and no "et travaux de …" follows. */
export function isAboutNotDoing(objectText: string): boolean {
  if (/\b(?:et|avec|puis) (?:les |des )?(?:travaux|prestations) d/.test(objectText)) return false;
  if (ABOUT_ANYWHERE.test(objectText)) return true;
  const head = objectText
    .trimStart()
    .replace(/^(?:la (?:presente )?consultation|le (?:present )?(?:marche|accord-cadre)|l'accord-cadre) a pour objet (?:la |le |l'|les )?(?:designation de prestataires pour (?:la |le |l')?)?/, '')
    .split(' ', 6)
    .join(' ');
  return ABOUT_NOT_DOING.test(head);
}
