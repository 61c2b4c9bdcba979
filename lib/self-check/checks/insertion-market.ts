import { formatEuros, thresholdAt, thresholdParameters } from '@/lib/rules/thresholds';
import { flagsOf, hitEvidence, positiveHits, procedureFamily, type CheckContext } from '../context';
import type { SelfCheckItem } from '../types';
import { item } from './item';

/** Marché d'insertion (services of qualification and insertion, R2123-1 3°): MAPA whatever the value. */
export function checkInsertionMarketProcedure(ctx: CheckContext): SelfCheckItem {
  const id = 'check-insertion-market-procedure';
  const title = 'Marché d’insertion : procédure adaptée quel que soit le montant';
  const basis = ['CCP art. R2123-1 3°'];
  const flags = flagsOf(ctx, 'insertion-market');
  if (flags.length === 0) {
    return item(id, 'non-applicable', title, 'L’avis n’est pas un marché d’insertion (achat de prestations d’insertion et de qualification professionnelles).', basis);
  }
  const family = procedureFamily(ctx.notice.procedure);
  const params = { procedureFamily: family, procedure: ctx.notice.procedure ?? '' };
  const evidence = [...(flags[0]?.evidence.slice(0, 1) ?? []), ...(ctx.notice.procedure ? [{ field: 'procedure', quote: ctx.notice.procedure }] : [])];
  if (family === 'mapa') {
    return item(id, 'ok', title, 'Marché d’insertion passé en procédure adaptée, comme le permet R2123-1 3° quel que soit le montant.', basis, evidence, params);
  }
  if (family === 'unknown') {
    return item(id, 'a-revoir', title, 'Marché d’insertion : la procédure n’est pas indiquée. R2123-1 3° permet la procédure adaptée quel que soit le montant ; précisez-la.', basis, evidence, params);
  }
  return item(id, 'a-revoir', title, `Marché d’insertion passé en « ${ctx.notice.procedure ?? ''} ». Ce n’est pas interdit, mais R2123-1 3° permet une procédure adaptée quel que soit le montant (négociation, délais adaptés aux structures d’insertion) : vérifiez que ce choix est voulu.`, basis, evidence, params);
}

/** Social and other specific services, insertion markets included: JOUE notice from 750 000 € HT (directive art. 4 d)). */
export function checkSssEuPublication(ctx: CheckContext): SelfCheckItem {
  const id = 'check-sss-eu-publication';
  const title = 'Services sociaux / marché d’insertion : publication au JOUE à partir de 750 000 € HT';
  const basis = ['Directive 2014/24/UE art. 4 d) et 75', 'CCP art. R2123-1 3°', 'CCP art. R2131-16 (numéro à confirmer)'];
  const sss = thresholdAt('sss-eu-publication', ctx.date);
  const params: Record<string, string | number | boolean> = sss ? { ...thresholdParameters(sss, 'joue') } : {};
  const flags = flagsOf(ctx, 'insertion-market', 'sss-regime');
  if (ctx.notice.noticeType !== 'contract' && ctx.notice.noticeType !== 'prior') {
    return item(id, 'non-applicable', title, 'Ce n’est pas un avis de marché.', basis, [], params);
  }
  if (flags.length === 0) {
    return item(id, 'non-applicable', title, 'L’avis ne relève pas du régime des services sociaux et autres services spécifiques, ni d’un marché d’insertion.', basis, [], params);
  }
  if (!ctx.value || !sss) {
    return item(id, 'a-revoir', title, 'La valeur estimée n’est pas indiquée : impossible de savoir si la publication au JOUE (Journal officiel de l’Union européenne) est requise, à partir de 750 000 € HT.', basis, flags[0]?.evidence.slice(0, 1) ?? [], params);
  }
  params.value = ctx.value.amount;
  const valueEvidence = { field: ctx.value.field, quote: formatEuros(ctx.value.amount) };
  if (ctx.value.amount < sss.amount) {
    return item(id, 'non-applicable', title, `Valeur estimée ${formatEuros(ctx.value.amount)}, sous le seuil de ${formatEuros(sss.amount)} : pas de publication obligatoire au JOUE.`, basis, [valueEvidence], params);
  }
  const joue = onJoue(ctx);
  if (joue.found) {
    return item(id, 'ok', title, `Valeur estimée ${formatEuros(ctx.value.amount)} ≥ ${formatEuros(sss.amount)} : l’avis est publié au JOUE.`, basis, [valueEvidence, ...joue.evidence], params);
  }
  return item(id, 'manquant', title, `Valeur estimée ${formatEuros(ctx.value.amount)} ≥ ${formatEuros(sss.amount)} : un avis au JOUE (Journal officiel de l’Union européenne) est requis, même en procédure adaptée. Rien dans cet avis n’indique qu’il y est publié.`, basis, [valueEvidence], params);
}

/** The notice is (or says it is) published in the OJEU: eForms/TED source, or a JOUE mention in the text. */
export function onJoue(ctx: CheckContext): { found: boolean; evidence: { field: string; quote: string }[] } {
  const { notice } = ctx;
  if (notice.source === 'ted' || /^eforms/i.test(notice.raw.format) || notice.socialSignals.some((s) => s.startsWith('BT-') || s.startsWith('eforms:'))) {
    return { found: true, evidence: [{ field: 'raw.format', quote: `${notice.source} / ${notice.raw.format}` }] };
  }
  const hits = positiveHits(ctx, 'joue-publication');
  const evidence = hitEvidence(hits, 1).map((e) => ({ field: e.field ?? 'fullText', quote: e.quote ?? '' }));
  return { found: hits.length > 0, evidence };
}
