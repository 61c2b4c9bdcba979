import { formatEuros, thresholdAt, thresholdParameters } from '@/lib/rules/thresholds';
import { daysBetween, flagsOf, hitEvidence, positiveHits, procedureFamily, type CheckContext } from '../context';
import type { SelfCheckItem } from '../types';
import { item } from './item';
import { onJoue } from './insertion-market';

/**
 * Minimum time limits for receipt of tenders (CCP R2161-2 and following; numbers of the reduction paragraphs to be
 * confirmed — no research note verifies them): open procedure 35 days from the sending of the notice (30 days accepted
 * when tenders are submitted electronically, mandatory since 2018), 15 days with a prior-information notice or duly
 * justified urgency; restricted 30 days for applications; MAPA a "délai raisonnable" (R2143-1, to be confirmed).
 * The notice gives its publication date, not the sending date: the count is a lower bound of the real delay.
 */
export function checkTenderDeadline(ctx: CheckContext): SelfCheckItem {
  const id = 'check-tender-deadline';
  const title = 'Délai de réception des offres';
  const { notice } = ctx;
  const family = procedureFamily(notice.procedure);
  const basis =
    family === 'mapa'
      ? ['CCP art. R2143-1 (délai raisonnable ; numéro à confirmer)']
      : family === 'restricted' || family === 'negotiated'
        ? ['CCP art. R2161-12 et R2161-15 ; R2161-21 pour la procédure négociée (numéros à confirmer)']
        : ['CCP art. R2161-2 à R2161-5 (numéros des cas de réduction à confirmer)'];
  const params: Record<string, string | number | boolean> = { procedureFamily: family, articleNumbersUnverified: true };
  if (notice.noticeType !== 'contract') {
    return item(id, 'non-applicable', title, 'Ce n’est pas un avis de marché : pas de délai de réception des offres à vérifier.', basis, [], params);
  }
  if (!notice.publishedAt || !notice.deadline) {
    return item(id, 'a-revoir', title, `${notice.deadline ? 'La date de publication' : 'La date limite de réception des offres'} n’est pas indiquée : le délai ne peut pas être vérifié.`, basis, [], params);
  }
  const days = daysBetween(notice.publishedAt, notice.deadline);
  params.days = days;
  const evidence = [
    { field: 'publishedAt', quote: notice.publishedAt.slice(0, 10) },
    { field: 'deadline', quote: notice.deadline.slice(0, 16).replace('T', ' ') },
  ];
  const pin = positiveHits(ctx, 'prior-information');
  const urgency = positiveHits(ctx, 'urgency');
  if (family === 'mapa') {
    params.heuristicMinDays = 15;
    if (days >= 15) return item(id, 'ok', title, `Procédure adaptée : ${days} jours entre la publication et la date limite. Le code demande un « délai raisonnable » selon la complexité ; ce délai paraît suffisant.`, basis, evidence, params);
    return item(id, 'a-revoir', title, `Procédure adaptée : ${days} jours seulement entre la publication et la date limite. Le code ne fixe pas de minimum mais un « délai raisonnable » : un délai si court écarte les petites structures, dont les SIAE. Repère utilisé ici : 15 jours (usage, pas une règle).`, basis, evidence, params);
  }
  if (family === 'open') {
    const reduced = pin.length > 0 || urgency.length > 0;
    const min = reduced ? 15 : 30;
    params.minDays = 35;
    params.minDaysElectronic = 30;
    if (reduced) params.minDaysReduced = 15;
    if (days >= 35) return item(id, 'ok', title, `Procédure ouverte : ${days} jours entre la publication et la date limite (minimum 35 jours à compter de l’envoi de l’avis).`, basis, evidence, params);
    if (days >= min) {
      const why = days >= 30 ? 'admis seulement si les offres peuvent être déposées par voie électronique (30 jours)' : 'admis seulement avec un avis de préinformation ou une urgence dûment justifiée (15 jours)';
      return item(id, 'ok', title, `Procédure ouverte : ${days} jours, sous les 35 jours de droit commun mais ${why}.`, basis, [...evidence, ...hitEvidence([...pin, ...urgency], 1)], params);
    }
    return item(id, 'a-revoir', title, `Procédure ouverte : ${days} jours seulement entre la publication et la date limite, sous le minimum de ${reduced ? 15 : 30} jours (35 jours de droit commun, 30 avec dépôt électronique${reduced ? ', 15 avec préinformation ou urgence' : ''}). Le délai court à partir de l’envoi de l’avis, souvent quelques jours avant sa publication : vérifiez la date d’envoi.`, basis, evidence, params);
  }
  if (family === 'restricted' || family === 'negotiated') {
    params.minDays = 30;
    const label = family === 'restricted' ? 'Procédure restreinte' : 'Procédure négociée ou dialogue (avec mise en concurrence)';
    if (days >= 30) return item(id, 'ok', title, `${label} : ${days} jours pour les candidatures (minimum 30 jours ; les offres, après invitation, ont leur propre délai de 30 jours, 25 avec dépôt électronique).`, basis, evidence, params);
    return item(id, 'a-revoir', title, `${label} : ${days} jours pour les candidatures, sous le minimum de 30 jours (sauf urgence dûment justifiée). Le délai court à partir de l’envoi de l’avis, souvent quelques jours avant sa publication : vérifiez la date d’envoi.`, basis, evidence, params);
  }
  return item(id, 'a-revoir', title, `Procédure « ${notice.procedure ?? 'non indiquée'} » : ${days} jours entre la publication et la date limite. Le minimum dépend du type de procédure, que l’avis ne permet pas de reconnaître : précisez-le.`, basis, evidence, params);
}

/** Publicity by value (R2131-12): free below 90 000 € HT, BOAMP or a JAL from 90 000 € HT, JOUE above EU thresholds. */
export function checkPublicationChannel(ctx: CheckContext): SelfCheckItem {
  const id = 'check-publication-channel';
  const title = 'Support de publication adapté au montant';
  const basis = ['CCP art. R2131-12', 'CCP art. R2131-16 (numéro à confirmer)'];
  const boampJal = thresholdAt('publicity-boamp-jal', ctx.date);
  const params: Record<string, string | number | boolean> = {};
  if (boampJal) Object.assign(params, thresholdParameters(boampJal, 'boampJal'));
  if (ctx.eu) Object.assign(params, thresholdParameters(ctx.eu, 'eu'));
  if (ctx.notice.noticeType !== 'contract' && ctx.notice.noticeType !== 'prior') {
    return item(id, 'non-applicable', title, 'Ce n’est pas un avis de marché.', basis, [], params);
  }
  if (flagsOf(ctx, 'insertion-market', 'sss-regime').length > 0) {
    return item(id, 'non-applicable', title, 'Services sociaux / marché d’insertion : le seuil de publication au JOUE est de 750 000 € HT (voir la vérification dédiée).', basis, [], params);
  }
  if (!ctx.value || !boampJal || !ctx.eu) {
    return item(id, 'a-revoir', title, 'La valeur estimée n’est pas indiquée : impossible de vérifier que le support de publication correspond au montant (BOAMP ou JAL dès 90 000 € HT, JOUE au-dessus des seuils européens).', basis, [], params);
  }
  params.value = ctx.value.amount;
  const v = ctx.value.amount;
  const valueEvidence = { field: ctx.value.field, quote: formatEuros(v) };
  if (v < boampJal.amount) {
    return item(id, 'ok', title, `Valeur estimée ${formatEuros(v)}, sous ${formatEuros(boampJal.amount)} : publicité libre et adaptée au montant.`, basis, [valueEvidence], params);
  }
  if (v < ctx.eu.amount) {
    const onBoamp = ctx.notice.source === 'boamp';
    const mention = positiveHits(ctx, 'boamp-jal-publication');
    if (onBoamp || mention.length > 0) {
      return item(id, 'ok', title, `Valeur estimée ${formatEuros(v)} : publicité au BOAMP ou dans un journal d’annonces légales (JAL) requise à partir de ${formatEuros(boampJal.amount)} ; ${onBoamp ? 'l’avis est au BOAMP' : 'l’avis mentionne ce support'}.`, basis, [valueEvidence, ...hitEvidence(mention, 1)], params);
    }
    return item(id, 'a-revoir', title, `Valeur estimée ${formatEuros(v)} ≥ ${formatEuros(boampJal.amount)} : un avis au BOAMP ou dans un journal d’annonces légales (JAL) est requis. Rien n’indique ici ce support (un profil d’acheteur seul ne suffit pas).`, basis, [valueEvidence], params);
  }
  const joue = onJoue(ctx);
  const boampJoue = /eforms|joue/i.test(ctx.notice.raw.format);
  if (joue.found || boampJoue) {
    return item(id, 'ok', title, `Valeur estimée ${formatEuros(v)} ≥ ${ctx.eu.label} (${formatEuros(ctx.eu.amount)}) : avis au JOUE (Journal officiel de l’Union européenne) requis, et l’avis y est publié ou l’indique.`, basis, [valueEvidence, ...(joue.found ? joue.evidence : [{ field: 'raw.format', quote: ctx.notice.raw.format }])], params);
  }
  return item(id, 'a-revoir', title, `Valeur estimée ${formatEuros(v)} ≥ ${ctx.eu.label} (${formatEuros(ctx.eu.amount)}) : un avis au JOUE (Journal officiel de l’Union européenne) est requis en plus du BOAMP. Rien dans cet avis n’indique qu’il y est publié : vérifiez l’envoi à l’Office des publications.`, basis, [valueEvidence], params);
}
