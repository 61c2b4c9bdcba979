import { blockText, labelKey, lineText, safeQuery, safeQueryAll } from '@/lib/sources/portal-page/dom-text';

/**
 * The consultation recap of an Atexo MPE page, read as label → value. Two generations share the same labels:
 * - Symfony (`/entreprise/consultation/{id}`): `<label>Référence :</label>` followed by a `span|div.col-md-8`;
 * - Prado (`?page=entreprise.EntrepriseDetailsConsultation…`, `…DemandeTelechargementDce…`): the same labels, and
 *   values in spans whose ids end with a stable suffix (`ctl0_CONTENU_PAGE_<component>_reference`); the component
 *   prefix changes with the page, so we match on the suffix only.
 */

/** Label keys (see `labelKey`) → Prado id suffixes carrying the same value. */
const PRADO_SUFFIXES: Record<string, string> = {
  'date et heure limite de remise des plis': '_dateHeureLimiteRemisePlis',
  reference: '_reference',
  intitule: '_intitule',
  objet: '_objet',
  'entite publique': '_entitePublique',
  "entite d'achat": '_entiteAchat',
  "type d'annonce": '_annonce',
  procedure: '_typeProcedure',
  'categorie principale': '_categoriePrincipale',
  allotissement: '_nbrLots',
  "lieu d'execution": '_lieuxExecutions',
  'code cpv': '_idAtexoRef_scriptRef',
};

export interface RecapField {
  /** Normalised label ("entite d'achat"). */
  key: string;
  /** The value element (its text, its links, its `span[data-code-cpv]`). */
  value: Element;
  /** Where it was read: "label" or "id-suffix". */
  via: 'label' | 'id-suffix';
}

/** The recap container, or null when the page has none. */
export function findRecap(doc: Document): Element | null {
  // Saved fragments (veille tools) sometimes keep only the inner panel `#collapseHeading` with its `.recap-bloc`.
  return (
    safeQuery(doc, '#recap-consultation') ??
    safeQuery(doc, '.recap-infos-consultation') ??
    safeQuery(doc, '#collapseHeading:has(.recap-bloc)') ??
    (safeQuery(doc, '#collapseHeading .recap-bloc') ? safeQuery(doc, '#collapseHeading') : null)
  );
}

/** Label/value pairs of the recap; label pairs first, Prado id suffixes fill what labels missed. */
export function readRecapFields(root: ParentNode): Map<string, RecapField> {
  const fields = new Map<string, RecapField>();
  for (const label of safeQueryAll(root, 'label')) {
    const key = labelKey(label.textContent ?? '');
    if (!key || fields.has(key)) continue;
    const value = label.nextElementSibling;
    if (!value) continue;
    fields.set(key, { key, value, via: 'label' });
  }
  for (const [key, suffix] of Object.entries(PRADO_SUFFIXES)) {
    const current = fields.get(key);
    const el = safeQuery(root, `[id^="ctl0_"][id$="${suffix}"]`);
    if (!el) continue;
    // The label's sibling wins unless it is empty (Prado wraps some values one level deeper).
    if (!current || !lineText(current.value)) fields.set(key, { key, value: el, via: 'id-suffix' });
  }
  return fields;
}

/** One-line text of a field, or '' when absent. */
export function fieldText(fields: Map<string, RecapField>, key: string): string {
  return lineText(fields.get(key)?.value);
}

/** Multi-line text of a field (keeps the line breaks of an "Objet" that enumerates lots). */
export function fieldBlock(fields: Map<string, RecapField>, key: string): string {
  const el = fields.get(key)?.value;
  if (!el) return '';
  // Text nodes may carry their own newlines (Objet with "- Lot 1 : …" lines); keep them.
  const raw = el.textContent ?? '';
  const lines = raw.split(/\n/).map((l) => l.replace(/[\s\u00A0]+/g, ' ').trim()).filter(Boolean);
  return lines.length > 1 ? lines.join('\n') : blockText(el);
}
