import { labelKey, safeQueryAll } from '@/lib/sources/portal-page/dom-text';

/**
 * Structured social markers of an Atexo page: pictograms (img alt/title) and labelled rows about "clause sociale",
 * mapped to the Atexo data model's names (research/portals.md §1.6) as the rules' vocabulary expects them
 * ("atexo:clause_sociale", "atexo:clause_sociale_insertion", "atexo:clause_sociale_condition_execution",
 * "atexo:clause_sociale_ateliers_proteges"). None of the recaps we hold prints them; listings and newer versions do.
 */
export function socialSignalsIn(root: ParentNode): string[] {
  const out = new Set<string>();
  const texts: string[] = [];
  for (const el of safeQueryAll(root, 'img[alt], img[title], i[title], span[title], abbr[title]')) {
    texts.push(`${el.getAttribute('alt') ?? ''} ${el.getAttribute('title') ?? ''}`);
  }
  // Result rows: a pictogram whose explanation sits in an `.info-bulle` next to it (Atexo prints
  // `_logoConsEnv` + "Comporte des dispositions environnementales"; the social twin is expected alike).
  for (const bubble of safeQueryAll(root, '[id*="logoCons"] .info-bulle, [id*="panelBlocCons"]')) texts.push(bubble.textContent ?? '');
  for (const label of safeQueryAll(root, 'label')) {
    const key = labelKey(label.textContent ?? '');
    if (!/clause|consideration|marche reserve/.test(key)) continue;
    const value = labelKey(label.nextElementSibling?.textContent ?? '');
    if (!value || /^(non|aucune?|sans objet|-)$/.test(value)) continue;
    texts.push(`${key} ${value}`);
  }
  for (const raw of texts) {
    const t = labelKey(raw);
    if (!/clauses? sociales?|consideration sociale|dispositions sociales|ateliers? proteges?|marche reserve/.test(t)) continue;
    if (/pas de|aucune|sans clause/.test(t)) continue;
    out.add('atexo:clause_sociale');
    if (/insertion/.test(t)) out.add('atexo:clause_sociale_insertion');
    if (/condition d'execution|conditions d'execution/.test(t)) out.add('atexo:clause_sociale_condition_execution');
    if (/ateliers? proteges?|handicap|esat|entreprises? adaptees?|marche reserve/.test(t)) out.add('atexo:clause_sociale_ateliers_proteges');
  }
  return [...out];
}
