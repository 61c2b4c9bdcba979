import type { Evidence } from '@/lib/rules/types';
import { flagsOf, type CheckContext } from './context';
import type { Suggestion } from './types';

/**
 * Social levers the notice could have used, given what its object is (Régie trades: cleaning, green spaces, waste,
 * second-œuvre, mediation…), where it takes place (QPV / ANRU) and which social measures it already has.
 * Each suggestion names its article; none is an obligation except where a check says so.
 */
export function suggestionsFor(ctx: CheckContext): Suggestion[] {
  if (ctx.notice.noticeType !== 'contract' && ctx.notice.noticeType !== 'prior') return [];
  const out: Suggestion[] = [];
  const trades = flagsOf(ctx, 'regie-trade');
  const tradeEvidence: Evidence[] = trades.slice(0, 2).flatMap((f) => f.evidence.slice(0, 1));
  const tradeLabels = [...new Set(trades.map((f) => f.title.replace(/^Métier de Régie : /, '').replace(/ \(lot [^)]*\)$/, '')))];
  const hasClause = flagsOf(ctx, 'social-clause').length > 0;
  const hasReservation = flagsOf(ctx, 'reserved-siae', 'reserved-disability', 'reserved-unspecified', 'reserved-ess').length > 0;
  const hasInsertionMarket = flagsOf(ctx, 'insertion-market').length > 0;
  const hasCriterion = flagsOf(ctx, 'social-criterion').length > 0;
  const territory = flagsOf(ctx, 'priority-territory');
  const objectFits = trades.length > 0;
  const what = tradeLabels.length > 0 ? tradeLabels.join(', ') : '';

  if (objectFits && !hasClause && !hasReservation && !hasInsertionMarket) {
    out.push({
      id: 'suggest-insertion-clause',
      title: 'Prévoir une clause d’insertion (condition d’exécution)',
      explanation: `L’objet (${what}) emploie beaucoup de main-d’œuvre peu qualifiée : une clause réservant un volume d’heures de travail à des personnes éloignées de l’emploi (réalisable en direct, par sous-traitance ou par mise à disposition par une SIAE — structure d’insertion par l’activité économique) est un levier courant. Le facilitateur de clauses du territoire aide à fixer le nombre d’heures.`,
      legalBasis: ['CCP art. L2112-2'],
      evidence: tradeEvidence,
    });
  }
  if (objectFits && !hasReservation) {
    out.push({
      id: 'suggest-reserved-lot-siae',
      title: 'Réserver un lot aux SIAE (et/ou aux EA/ESAT)',
      explanation: `Un lot de ${what} peut être réservé aux structures d’insertion par l’activité économique (SIAE), ou conjointement aux SIAE et aux entreprises adaptées / ESAT, qui emploient au moins 50 % de travailleurs défavorisés ou handicapés.`,
      legalBasis: ['CCP art. L2113-13', 'CCP art. L2113-14', 'CCP art. R2113-7'],
      evidence: tradeEvidence,
    });
  }
  if (objectFits && !hasInsertionMarket && ctx.notice.contractNature !== 'works' && ctx.notice.contractNature !== 'supplies') {
    out.push({
      id: 'suggest-insertion-market',
      title: 'Acheter une prestation d’insertion (marché d’insertion)',
      explanation: `Un service de ${what} peut servir de support à un parcours d’insertion : l’objet du marché est alors l’insertion et la qualification professionnelles, passé en procédure adaptée quel que soit le montant. Exemple de pondération du guide des Régies de Quartier : mémoire technique et social 50 %, participation des bénéficiaires 40 %, prix 10 %.`,
      legalBasis: ['CCP art. R2123-1 3°'],
      evidence: tradeEvidence,
    });
  }
  if (territory.length > 0) {
    out.push({
      id: 'suggest-anru-charter-hours',
      title: 'Appliquer les heures d’insertion de la charte ANRU',
      explanation: 'L’avis concerne un quartier prioritaire (QPV / renouvellement urbain) : la charte nationale d’insertion de l’ANRU (2014–2024) demande au moins 5 % des heures travaillées en insertion sur les opérations financées et 10 % sur les marchés de gestion urbaine de proximité, au bénéfice des habitants du quartier. Engagement contractuel (convention ANRU), à traduire par une clause d’insertion.',
      legalBasis: ['Charte nationale d’insertion ANRU 2014–2024', 'CCP art. L2112-2'],
      evidence: territory[0]?.evidence.slice(0, 2) ?? [],
    });
  }
  if (!hasCriterion && (hasClause || objectFits)) {
    out.push({
      id: 'suggest-social-criterion',
      title: 'Ajouter un critère social pondéré',
      explanation: 'Noter les offres aussi sur les « performances en matière d’insertion professionnelle des publics en difficulté » (nombre d’heures, encadrement, accompagnement). Exemple du guide des Régies de Quartier pour un marché avec clause : valeur technique 50 %, insertion 30 %, prix 20 %.',
      legalBasis: ['CCP art. L2152-7', 'CCP art. R2152-7 2° a)'],
      evidence: tradeEvidence,
    });
  }
  if (objectFits && ctx.notice.lots.length <= 1) {
    out.push({
      id: 'suggest-allotment-small-lots',
      title: 'Allotir, et utiliser les petits lots',
      explanation: 'Des lots géographiques ou par métier, de taille accessible, ouvrent le marché aux structures locales. Dans un marché formalisé, des lots de moins de 80 000 € HT (services) ou 1 000 000 € HT (travaux) peuvent suivre la procédure adaptée, dans la limite de 20 % de la valeur totale.',
      legalBasis: ['CCP art. L2113-10', 'CCP art. R2123-1 2°'],
      evidence: [],
    });
  }
  if (out.length === 0 && !hasClause && !hasReservation && !hasInsertionMarket && !hasCriterion) {
    out.push({
      id: 'suggest-sustainable-needs',
      title: 'Prendre en compte le développement durable dans la définition du besoin',
      explanation: 'Le code impose de définir le besoin en tenant compte d’objectifs de développement durable dans leurs dimensions économique, sociale et environnementale : même hors métiers de Régie, une part du marché (entretien, manutention, logistique) peut accueillir une clause d’insertion.',
      legalBasis: ['CCP art. L2111-1'],
      evidence: [],
    });
  }
  return out;
}
