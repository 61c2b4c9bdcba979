import { isArt77Cpv } from '@/lib/rules/social-service-cpv';
import { thresholdAt, thresholdParameters } from '@/lib/rules/thresholds';
import { evidenceBySide, flagsOf, hitEvidence, positiveHits, type CheckContext } from '../context';
import type { SelfCheckItem } from '../types';
import { item } from './item';

const RESERVED_FLAGS = ['reserved-siae', 'reserved-disability', 'reserved-ess', 'reserved-prison', 'reserved-unspecified'];

/** A reservation must be declared the same way in the structured fields (what search engines index) and in the text. */
export function checkReservationConsistency(ctx: CheckContext): SelfCheckItem {
  const id = 'check-reservation-consistency';
  const title = 'Marché réservé : déclaration cohérente (champs structurés et texte)';
  const basis = ['CCP art. L2113-12', 'CCP art. L2113-13', 'CCP art. L2113-14', 'CCP art. L2113-15'];
  const flags = flagsOf(ctx, ...RESERVED_FLAGS);
  const { structured, text } = evidenceBySide(flags);
  const params = { structuredFound: structured.length > 0, textFound: text.length > 0 };
  if (structured.length === 0 && text.length === 0) {
    return item(id, 'non-applicable', title, 'L’avis ne déclare aucune réservation (ni dans les champs structurés, ni dans le texte).', basis, [], params);
  }
  if (structured.length > 0 && text.length > 0) {
    return item(id, 'ok', title, 'La réservation est déclarée à la fois dans les champs structurés et dans le texte de l’avis.', basis, [...structured.slice(0, 2), ...text.slice(0, 2)], params);
  }
  if (text.length > 0) {
    return item(
      id,
      'a-revoir',
      title,
      'Le texte annonce un marché réservé, mais les champs structurés de l’avis (case « marché réservé », code eForms BT-71) ne le disent pas : les structures concernées (SIAE, EA/ESAT) qui filtrent les avis réservés ne le verront pas. Cochez la réservation dans le formulaire de publication.',
      basis,
      text.slice(0, 3),
      params,
    );
  }
  return item(
    id,
    'a-revoir',
    title,
    'Les champs structurés déclarent un marché réservé, mais le texte ne dit ni à qui (SIAE, EA/ESAT, ESS…) ni sur quel article. Précisez-le dans l’objet ou les conditions de participation.',
    basis,
    structured.slice(0, 3),
    params,
  );
}

/** ESS reservation (L2113-15): only for the social services listed (art. 77 of directive 2014/24 CPV list), ≤ 3 years (L2113-16). */
export function checkEssReservation(ctx: CheckContext): SelfCheckItem {
  const id = 'check-ess-reservation';
  const title = 'Réservation ESS : services sociaux listés et durée de 3 ans au plus';
  const basis = ['CCP art. L2113-15', 'CCP art. L2113-16', 'Directive 2014/24/UE art. 77 (liste CPV ; règle eForms : BT-71 res-pub-ser exige un CPV de l’article 77)'];
  const maxYears = thresholdAt('ess-max-duration-years', ctx.date);
  const params: Record<string, string | number | boolean> = maxYears ? { ...thresholdParameters(maxYears, 'maxDuration') } : {};
  const ess = flagsOf(ctx, 'reserved-ess');
  if (ess.length === 0) {
    return item(id, 'non-applicable', title, 'L’avis ne réserve pas le marché aux entreprises de l’ESS (économie sociale et solidaire).', basis, [], params);
  }
  const problems: string[] = [];
  const cpvs = ctx.notice.cpv.length > 0 ? ctx.notice.cpv : ctx.notice.lots.flatMap((l) => l.cpv);
  const notListed = cpvs.filter((c) => !isArt77Cpv(c.code));
  params.cpvChecked = cpvs.length;
  params.cpvNotListed = notListed.map((c) => c.code).join(', ');
  if (cpvs.length === 0) problems.push('aucun code CPV n’est indiqué : impossible de vérifier que le service figure dans la liste de l’article 77');
  else if (notListed.length === cpvs.length) problems.push(`aucun CPV de l’avis (${notListed.map((c) => c.code).join(', ')}) ne figure dans la liste des services sociaux réservables (article 77)`);
  const durationHits = positiveHits(ctx, 'duration');
  const months = durationHits.map((h) => /(\d{1,3}) ?(mois|ans?)\b/.exec(h.sentence.slice(h.sentence.indexOf('duree'))))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => (m[2] === 'mois' ? Number(m[1]) : Number(m[1]) * 12));
  const limitMonths = (maxYears?.amount ?? 3) * 12;
  if (months.length === 0) problems.push('la durée du marché n’est pas indiquée : elle ne peut pas dépasser 3 ans');
  else {
    const longest = Math.max(...months);
    params.durationMonths = longest;
    if (longest > limitMonths) problems.push(`la durée indiquée (${longest} mois) dépasse ${maxYears?.amount ?? 3} ans`);
  }
  const evidence = [...(ess[0]?.evidence.slice(0, 2) ?? []), ...hitEvidence(durationHits, 1)];
  if (problems.length === 0) {
    return item(id, 'ok', title, 'Réservation ESS : le service figure dans la liste de l’article 77 et la durée ne dépasse pas 3 ans.', basis, evidence, params);
  }
  const status = cpvs.length > 0 && notListed.length === cpvs.length ? 'manquant' : 'a-revoir';
  return item(id, status, title, `Réservation ESS (L2113-15) : ${problems.join(' ; ')}.`, basis, evidence, params);
}

/** R2113-7: a reserved contract (SIAE, EA/ESAT, prisons) goes to operators employing at least 50 % of such workers. */
export function checkReservedShare(ctx: CheckContext): SelfCheckItem {
  const id = 'check-reserved-share';
  const title = 'Marché réservé SIAE / EA-ESAT : proportion minimale de 50 %';
  const basis = ['CCP art. L2113-12', 'CCP art. L2113-13', 'CCP art. R2113-7'];
  const share = thresholdAt('reserved-min-share', ctx.date);
  const params: Record<string, string | number | boolean> = share ? { ...thresholdParameters(share, 'minShare') } : {};
  const flags = flagsOf(ctx, 'reserved-siae', 'reserved-disability', 'reserved-prison', 'reserved-unspecified');
  if (flags.length === 0) {
    return item(id, 'non-applicable', title, 'L’avis ne réserve pas le marché aux SIAE ou aux EA/ESAT.', basis, [], params);
  }
  const stated = positiveHits(ctx, 'reserved-share');
  if (stated.length > 0) {
    return item(id, 'ok', title, `La proportion minimale de ${share?.amount ?? 50} % de travailleurs handicapés ou défavorisés est rappelée dans l’avis.`, basis, hitEvidence(stated), params);
  }
  return item(
    id,
    'a-revoir',
    title,
    `Le marché est réservé, mais l’avis ne rappelle pas la condition d’éligibilité : employer au moins ${share?.amount ?? 50} % de travailleurs handicapés ou défavorisés (R2113-7). Rappelez-la, avec la pièce justificative attendue (ex. attestation de conventionnement IAE).`,
    basis,
    flags[0]?.evidence.slice(0, 2) ?? [],
    params,
  );
}
