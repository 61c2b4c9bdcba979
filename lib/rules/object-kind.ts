/**
 * Notices whose object is *about* an activity rather than doing it: studies, consultancy, project management (AMO,
 * maîtrise d'œuvre), diagnostics, evaluations, software, plain supplies. "Étude … des espaces verts" is not green-space
 * upkeep and "mission d'évaluation … insertion" is not an insertion market (labelled-set README, trade/insertion traps).
 * Normalised text.
 */
export const ABOUT_NOT_DOING =
  /\betudes?\b|\bmissions? d' ?(?:etudes?|assistance|conseil|evaluation|accompagnement a|appui)|maitrise d'oeuvre|maitrise d'ouvrage|\bamo\b|\bdiagnostics?\b|\bconseil\b|\bcaracterisation\b|\bevaluation\b|\baudits?\b|\bprogrammation\b|\bfaisabilite\b|\bschemas?\b|\bprefiguration\b|\binventaires?\b|\blogiciels?\b|\bfournitures?\b(?! et pose)|\bacquisition (?:de|d'|des)\b|\blocation (?:de|d')\b/;

/** True when the head of an object text (its first 6 words) says it is a study/consultancy/supply, and no "et travaux…" follows. */
export function isAboutNotDoing(objectText: string): boolean {
  const head = objectText
    .trimStart()
    .replace(/^(?:la (?:presente )?consultation|le (?:present )?(?:marche|accord-cadre)|l'accord-cadre) a pour objet (?:la |le |l'|les )?(?:designation de prestataires pour (?:la |le |l')?)?/, '')
    .split(' ', 6)
    .join(' ');
  return ABOUT_NOT_DOING.test(head) && !/\b(?:et|avec|puis) (?:les |des )?(?:travaux|prestations) d/.test(objectText);
}
