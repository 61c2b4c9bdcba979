import type { Flag } from '../types';
import type { SignalSpec } from '../text-signals';
import { evidenceOfHits, groupHitsByLot, makeFlag, type Mechanism } from './types';

/**
 * R12/R13 — quartiers prioritaires: QPV, NPNRU/ANRU (charte nationale d'insertion 2014–2024: ≥ 5 % of hours on
 * ANRU-funded works, ≥ 10 % on GUP contracts — no successor charter found), bailleurs sociaux using the TFPB abatement
 * (CGI art. 1388 bis, 2025–2030). Contractual/tax levers, not CCP articles: the Régie's home ground.
 */
export const PRIORITY_TERRITORY_SIGNALS: readonly SignalSpec[] = [
  {
    id: 'territory',
    anchors: ['qpv', 'prioritaire', 'politique de la ville', 'npnru', 'anru', 'renouvellement urbain', 'renovation urbaine', 'pnru', 'npru', "charte", 'gestion urbaine', 'gup', 'tfpb', 'sur-entretien', 'surentretien', 'contrat de ville', 'habitants du quartier'],
    pattern:
      /\bqpv\b|\bquartiers? prioritaires?\b|\bpolitique de la ville\b|\bnpnru\b|\banru\b|\b(?:projets?|programmes?|operations?|conventions?) (?:nationale? |national )?(?:de |d')?(?:renouvellement|renovation) urbaine?\b|\bn?pn?ru\b|\bcharte (?:locale |nationale )?d'insertion|\bgestion urbaine (?:et sociale )?de proximite|\bgup\b|\btfpb\b|\bsur-?entretien\b|\bcontrats? de ville\b|\bhabitants du quartier\b/,
    negatable: false,
    // OPAH-RU is a private-housing programme; "en dehors d'un QPV" says the opposite.
  },
];

const GUP = /gestion urbaine|\bgup\b|\bgusp\b/;
const TFPB = /tfpb|sur-?entretien/;

export const priorityTerritory: Mechanism = {
  id: 'priority-territory',
  rules: ['R12', 'R13'],
  legalBasis: ['Charte nationale d’insertion ANRU 2014–2024', 'CGI art. 1388 bis'],
  signals: PRIORITY_TERRITORY_SIGNALS,
  assess(ctx) {
    const hits = ctx.hits.filter((h) => {
      if (h.signal !== 'territory') return false;
      const t = h.segment.text;
      // "en dehors d'un QPV", "hors quartier prioritaire" say the opposite.
      if (/(?:en dehors (?:d'un|des|du)|\bhors(?: des| du)?) $/.test(t.slice(Math.max(0, h.start - 20), h.start))) return false;
      // OPAH-RU ("amélioration de l'habitat – renouvellement urbain") is a private-housing programme, not NPNRU.
      if (/renouvellement|renovation|\bru\b/.test(t.slice(h.start, h.end)) && /\bopah\b|amelioration de l'habitat/.test(h.sentence)) return false;
      return true;
    });
    if (hits.length === 0) return [];
    const { notice, byLot } = groupHitsByLot(ctx, hits);
    const make = (hs: typeof hits, lotId?: string): Flag => {
      const gup = hs.some((h) => GUP.test(h.sentence));
      const tfpb = hs.some((h) => TFPB.test(h.sentence)) || (ctx.notice.buyer.kind === 'social-landlord' && hs.some((h) => /qpv|prioritaire/.test(h.sentence)));
      const basis = ['Charte nationale d’insertion ANRU 2014–2024', ...(tfpb ? ['CGI art. 1388 bis'] : [])];
      return makeFlag(
        'priority-territory',
        'info',
        {
          title: `Quartier prioritaire / renouvellement urbain${gup ? ' — gestion urbaine de proximité' : ''}${lotId !== undefined ? ` (lot ${lotId})` : ''}`,
          explanation: `L’avis concerne un quartier prioritaire de la politique de la ville (QPV, NPNRU/ANRU). La charte nationale d’insertion de l’ANRU (2014–2024) demande au moins 5 % des heures travaillées en insertion sur les opérations financées${gup ? ' et au moins 10 % sur les marchés de gestion urbaine de proximité (GUP), le levier naturel d’une Régie' : ', et 10 % sur les marchés de gestion urbaine de proximité'}.${tfpb ? ' Bailleur social : les actions financées par l’abattement de TFPB (sur-entretien, médiation, insertion) sont un marché classique des Régies.' : ''} Territoire d’action typique d’une Régie de Quartier.`,
          titleEn: 'Priority neighbourhood / urban renewal',
          explanationEn: 'The notice concerns a priority neighbourhood (QPV, NPNRU/ANRU): ANRU insertion charter targets 5 % of hours (10 % on local management contracts). Home ground of a Régie de Quartier.',
        },
        basis,
        evidenceOfHits(hs),
        { ...(lotId !== undefined ? { lotId } : {}), parameters: { anruHoursPercentWorks: 5, anruHoursPercentGup: 10, charterPeriod: '2014-2024', gup, tfpb } },
      );
    };
    const flags: Flag[] = [];
    if (notice.length > 0) flags.push(make(notice));
    for (const [lotId, lh] of byLot) flags.push(make(lh, lotId));
    return flags;
  },
};
