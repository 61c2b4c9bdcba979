import { evidenceBySide, flagsOf, type CheckContext } from '../context';
import type { SelfCheckItem } from '../types';
import { item } from './item';

/**
 * Social signals written in the text but absent from the structured indexation (BOAMP `criteres` without "sociaux",
 * eForms without BT-06 soc-obj / BT-775), or indexed but not written: search filters and the text then disagree.
 */
export function checkSocialIndexation(ctx: CheckContext): SelfCheckItem {
  const id = 'check-social-indexation';
  const title = 'Cohérence entre le texte et l’indexation sociale de l’avis';
  const basis = ['CCP art. L2112-2 (conditions d’exécution sociales)', 'CCP art. L2152-7 (critère social)', 'eForms BT-06 / BT-775 ; BOAMP « critères sociaux »'];
  const flags = flagsOf(ctx, 'social-clause', 'social-criterion', 'insertion-market');
  const { structured, text } = evidenceBySide(flags);
  const markers = ctx.notice.socialSignals.filter((s) => /^(?:criteres:sociaux|BT-06:soc-obj|BT-775:|decp:|atexo:clause_sociale)/i.test(s));
  const params = { textSocialSignals: text.length, structuredSocialSignals: structured.length + markers.length };
  if (text.length === 0 && structured.length === 0 && markers.length === 0) {
    return item(id, 'non-applicable', title, 'Ni le texte ni l’indexation de l’avis ne portent de considération sociale.', basis, [], params);
  }
  if (text.length > 0 && structured.length + markers.length > 0) {
    return item(id, 'ok', title, 'La dimension sociale est écrite dans le texte et déclarée dans les champs structurés.', basis, [...text.slice(0, 2), ...structured.slice(0, 1), ...markers.slice(0, 1).map((m) => ({ field: 'socialSignals', quote: m }))], params);
  }
  if (text.length > 0) {
    return item(
      id,
      'a-revoir',
      title,
      'Le texte prévoit une clause ou un critère social, mais les champs structurés ne le déclarent pas (ex. BOAMP : « critères sociaux » non coché ; eForms : pas de BT-06 « objectif social »). Les structures d’insertion qui filtrent les avis sociaux ne le trouveront pas : cochez-le dans le formulaire.',
      basis,
      text.slice(0, 3),
      params,
    );
  }
  return item(
    id,
    'a-revoir',
    title,
    'Les champs structurés déclarent une considération sociale, mais le texte de l’avis n’en dit rien (pas de clause d’insertion ni de critère social décrits). Décrivez la mesure (heures d’insertion, critère et pondération) ou retirez l’indexation.',
    basis,
    [...structured.slice(0, 2), ...markers.slice(0, 2).map((m) => ({ field: 'socialSignals', quote: m }))],
    params,
  );
}
