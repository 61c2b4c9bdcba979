import type { Flag } from '../types';
import { articleRef, type SignalSpec } from '../text-signals';
import { evidenceOfHits, groupHitsByLot, hasSignal, makeFlag, type Mechanism, type RuleContext } from './types';
import type { Evidence } from '../types';

/**
 * R06 — clause sociale d'insertion, condition d'exécution (CCP L2112-2 ; CCAG 2021 art. 16.1, whose eligible publics
 * include "personnes employées par une régie de quartier"). Old basis: article 14 of the 2006 code.
 */
const INSERTION_FALSE_FRIENDS =
  /insertions? (?:publicitaires?|d'annonces?|dans (?:le|un) (?:paysage|site|support|journal)|sur (?:le|un) support|de (?:texte|logo|publicite)|paysagere)|reinsertion transosseuse|ancres? pour reinsertion|regies? (?:publicitaires?|d'avances|de recettes)/;

const SOCIAL_CONTEXT = /insertion|social|emploi|defavoris|eloigne|chomeu|handicap|difficultes/;

export const SOCIAL_CLAUSE_SIGNALS: readonly SignalSpec[] = [
  {
    id: 'clause',
    anchors: ['clause', 'insertion', 'caractere social', 'facilitat', "l'emploi", 'article 14', 'ccag', 'heures', 'chomeurs', 'realiser au titre'],
    pattern: new RegExp(
      [
        "\\bclauses? (?:sociales?|d'insertion|obligatoires? d'insertion|de promotion de l'emploi)",
        "\\b(?:conditions?|clauses?) (?:particulieres? )?d'execution (?:a caractere |de nature |en matiere )?social",
        "\\bheures? (?:de travail )?(?:d'insertion|reservees? a l'insertion|de travail d'insertion)",
        "\\bvolume (?:horaire|d'heures) d'insertion",
        "\\bactions? d'insertion",
        "\\bengagements? d'insertion",
        "\\bheures (?:de travail )?a realiser au titre de",
        "\\bdemarche d'insertion (?:dans|lors de|au titre de) l'execution",
        "\\bpromouvoir l'emploi (?:de|des) personnes",
        "\\b(?:emploi|embauche) de personnes (?:rencontrant|eloignees|en difficulte|en insertion)",
        "\\bpublics? (?:eloignes? de l'emploi|en insertion|rencontrant des difficultes)",
        "\\bpersonnes rencontrant des difficultes (?:sociales|particulieres|d'insertion)",
        "\\bfacilitat(?:eur|rice)s? (?:de la |des )?clauses?",
        "\\bglobalisation des heures",
        // eForms BT-775 "opp" label as rendered by TED/BOAMP pages.
        "\\bpossibilites d'emploi des chomeurs de longue duree",
        "\\barticle 16\\.1 du ccag",
        "\\barticle 14 du (?:code des marches publics|cmp)",
      ].join('|'),
    ),
    reject: INSERTION_FALSE_FRIENDS,
  },
  {
    // L2112-2 alone is any execution condition (environmental too): it counts only in a social sentence.
    id: 'clause-article',
    anchors: ['2112-2'],
    pattern: new RegExp(articleRef('l', '2112-2')),
    reject: INSERTION_FALSE_FRIENDS,
  },
];

/** "5 % des heures", "35 000 heures d'insertion", "1 200 heures" near a clause: the sizing signal for a Régie. */
const HOURS = /(\d[\d .]*\d|\d) ?(?:%|pour ?cent) (?:des |du nombre d'|du volume d')heures|(\d[\d .]*\d|\d) heures (?:de travail )?(?:d'insertion|minimum|au moins)?/;

function hoursOf(sentence: string): string | undefined {
  const m = HOURS.exec(sentence);
  return m ? m[0] : undefined;
}

// An award-criterion sentence about insertion hours is a criterion (R08), not an execution clause.
const CRITERION_ONLY = /(?:pertinence|qualite|performances?|valeur|mesures proposees)[^.;:]{0,70}insertion/;

export function socialClauseHits(ctx: RuleContext) {
  return ctx.hits.filter(
    (h) =>
      (h.signal === 'clause' || (h.signal === 'clause-article' && SOCIAL_CONTEXT.test(h.sentence))) &&
      !h.negated &&
      !h.segment.field.includes('criteria[') &&
      !(CRITERION_ONLY.test(h.sentence) && !/\bclauses?\b|conditions? d'execution/.test(h.sentence)),
  );
}

function clauseFlag(ctx: RuleContext, evidence: Evidence[], lotId: string | undefined, hours: string | undefined, structuredOnly: boolean, textLots?: string[]): Flag {
  const where = lotId !== undefined ? `Le lot ${lotId} comporte` : textLots ? `Le(s) lot(s) ${textLots.join(', ')} comportent` : 'Le marché comporte';
  const regieEligible = ' Les salariés en insertion d’une Régie de Quartier comptent dans les publics éligibles (CCAG 2021, art. 16.1).';
  return makeFlag(
    'social-clause',
    structuredOnly ? 'info' : 'strong',
    {
      title: `Clause sociale d’insertion${lotId !== undefined ? ` (lot ${lotId})` : ''}`,
      explanation: structuredOnly
        ? `L’acheteur a déclaré une considération sociale (donnée structurée de l’avis) : une clause d’insertion ou un objectif social est prévu, le détail est dans les documents de la consultation. La Régie peut répondre directement ou proposer ses heures d’insertion au futur titulaire (sous-traitance, co-traitance).${regieEligible}`
        : `${where} une clause sociale : une part des heures de travail doit être réservée à des personnes éloignées de l’emploi${hours ? ` (${hours})` : ''}. La Régie peut répondre directement (ses propres heures d’insertion comptent) ou se proposer comme sous-traitant ou co-traitant de l’entreprise retenue.${regieEligible}`,
      titleEn: `Social integration clause${lotId !== undefined ? ` (lot ${lotId})` : ''}`,
      explanationEn: 'An execution condition reserves part of the working hours to people far from employment. The Régie can bid directly or partner with the winning bidder; its workers count as eligible publics (CCAG 2021 art. 16.1).',
    },
    ['CCP art. L2112-2', 'CCAG 2021 art. 16.1'],
    evidence,
    {
      ...(lotId !== undefined ? { lotId } : {}),
      parameters: { ...(hours ? { insertionHours: hours } : {}), ...(textLots ? { lots: textLots.join(',') } : {}) },
    },
  );
}

export const socialClause: Mechanism = {
  id: 'social-clause',
  rules: ['R06'],
  legalBasis: ['CCP art. L2112-2', 'CCAG 2021 art. 16.1'],
  signals: SOCIAL_CLAUSE_SIGNALS,
  assess(ctx) {
    const flags: Flag[] = [];
    const hits = socialClauseHits(ctx);
    const { notice, byLot, unknownLots } = groupHitsByLot(ctx, hits);
    const structured = hasSignal(
      ctx,
      'decp:Clause sociale',
      'atexo:clause_sociale_insertion',
      'atexo:clause_sociale_condition_execution',
      'atexo:clause_sociale',
      'BT-775:opp',
      'BT-06:soc-obj',
      'criteres:sociaux',
    );
    if (notice.length > 0) {
      const ev = evidenceOfHits(notice);
      if (structured) ev.push({ field: 'socialSignals', quote: structured });
      flags.push(clauseFlag(ctx, ev, undefined, notice.map((h) => hoursOf(h.sentence)).find(Boolean), false, unknownLots.size ? [...unknownLots] : undefined));
    } else if (byLot.size === 0 && structured) {
      flags.push(clauseFlag(ctx, [{ field: 'socialSignals', quote: structured }], undefined, undefined, true));
    }
    for (const [lotId, lhits] of byLot) {
      flags.push(clauseFlag(ctx, evidenceOfHits(lhits), lotId, lhits.map((h) => hoursOf(h.sentence)).find(Boolean), false));
    }
    // Lot-level structured markers (eForms BT-06 soc-obj / BT-775 opp on the lot) when the lot has no text clause.
    ctx.notice.lots.forEach((lot, i) => {
      if (byLot.has(lot.id) || !lot.strategic) return;
      const code = lot.strategic.find((s) => s === 'soc-obj' || s === 'opp');
      if (code) flags.push(clauseFlag(ctx, [{ field: `lots[${i}].strategic`, quote: code }], lot.id, undefined, true));
    });
    return flags;
  },
};
