import { describe, expect, it } from 'vitest';
import { evaluate } from '@/lib/rules';
import { AssessmentSchema } from '@/lib/rules/types';
import { DEFAULT_PROFILE } from '@/lib/rules/profile';
import { makeLot, makeNotice } from './notice-factory';

const ids = (text: string, over = {}, date?: string) => evaluate(makeNotice(text, over), DEFAULT_PROFILE, date).flags.map((f) => f.id);
const flag = (text: string, id: string, over = {}, date?: string) =>
  evaluate(makeNotice(text, over), DEFAULT_PROFILE, date).flags.find((f) => f.id === id);

describe('reserved-siae / reserved-disability / joint / prison / ess', () => {
  it('SIAE reservation (rules.md §5 #6, L2113-13 wording)', () => {
    const f = flag(
      "Le marché est réservé à des structures d'insertion par l'activité économique mentionnées à l'article L. 5132-4 du code du travail et à des structures équivalentes.",
      'reserved-siae',
    );
    expect(f?.severity).toBe('strong');
    expect(f?.legalBasis).toContain('CCP art. L2113-13');
    expect(f?.parameters?.minShareAmount).toBe(50);
    expect(f?.evidence[0]?.quote).toContain('structures d');
  });
  it.each(['L2113-13', 'L. 2113-13', 'L.2113-13', 'article L 2113-13', 'article 2113-13'])('article spelling %s', (ref) => {
    expect(ids(`Conformément à l'${ref.startsWith('article') ? '' : 'article '}${ref} du CCP, ce marché est réservé.`)).toContain('reserved-siae');
  });
  it('L2113-13-1 is prison, not SIAE', () => {
    const got = ids("Marché réservé en application de l'article L. 2113-13-1 aux opérateurs employant des personnes détenues en établissement pénitentiaire.");
    expect(got).toContain('reserved-prison');
    expect(got).not.toContain('reserved-siae');
  });
  it('EA/ESAT only: warning, not eligible (rules.md §5 #3)', () => {
    const a = evaluate(makeNotice("En application de l'article L. 2113-12 du code de la commande publique, ce marché est réservé aux entreprises adaptées et aux ESAT.", { title: 'Nettoyage des bâtiments administratifs' }));
    const f = a.flags.find((x) => x.id === 'reserved-disability');
    expect(f?.severity).toBe('warning');
    expect(f?.parameters?.eligible).toBe(false);
    expect(a.flags.map((x) => x.id)).not.toContain('reserved-siae');
    expect(a.verdict).toBe('no');
  });
  it('joint SIAE + EA/ESAT (rules.md §5 #2): both flags, eligible, opportunity', () => {
    const a = evaluate(
      makeNotice("Le présent accord-cadre réservé à une structure reconnue par l'Etat (SIAE, EA et ESAT) a pour objet l'insertion sociale et professionnelle.", {
        title: 'Entretien des espaces verts',
      }),
    );
    const got = a.flags.map((f) => f.id);
    expect(got).toContain('reserved-siae');
    expect(got).toContain('reserved-disability');
    expect(a.flags.find((f) => f.id === 'reserved-disability')?.severity).toBe('info');
    expect(a.verdict).toBe('opportunity');
  });
  it('directive wording (real BOAMP 20-102039, T455776160) → joint SIAE + EA/ESAT (L2113-14)', () => {
    const got = ids(
      "III.1.5) Informations sur les marchés réservés : Le marché est réservé à des ateliers protégés et à des opérateurs économiques dont l'objet est l'intégration sociale et professionnelle de personnes handicapées ou défavorisées III.2) CONDITIONS LIÉES AU MARCHÉ",
    );
    expect(got).toContain('reserved-siae');
    expect(got).toContain('reserved-disability');
    expect(got).not.toContain('reserved-unspecified');
  });
  it('ESS reservation (L2113-15) with art. 77 CPV', () => {
    const f = flag("Marché réservé aux entreprises de l'économie sociale et solidaire (article L. 2113-15 du code de la commande publique).", 'reserved-ess', {
      cpv: [{ code: '85312510', main: true }],
    });
    expect(f?.parameters?.cpvListed).toBe(true);
    expect(f?.parameters?.maxDurationAmount).toBe(3);
  });
  it('old basis: article 36 of ordonnance 2015-899 (rules.md §5 #4, 2017)', () => {
    expect(
      ids("Les lots 2 et 3 constitueront des marchés réservés aux structures d'insertion par l'activité économique en application de l'article 36-II de l'ordonnance n° 2015-899."),
    ).toContain('reserved-siae');
    expect(ids("Marché réservé en application de l'article 15 du code des marchés publics.")).toContain('reserved-disability');
  });
  it('structured res-ws without text → unspecified; with SIAE text → siae', () => {
    expect(ids('', { socialSignals: ['BT-71:res-ws'] })).toContain('reserved-unspecified');
    const got = ids('Lot réservé aux SIAE.', { socialSignals: ['BT-71:res-ws'] });
    expect(got).toContain('reserved-siae');
    expect(got).not.toContain('reserved-unspecified');
    expect(ids('', { reserved: 'siae' })).toContain('reserved-siae');
    expect(ids('', { socialSignals: ['BT-71:res-pub-ser'] })).toContain('reserved-ess');
  });
});

describe('traps and negations never raise reservation/clause flags', () => {
  const social = ['reserved-siae', 'reserved-disability', 'reserved-unspecified', 'reserved-ess', 'reserved-prison', 'social-clause', 'social-criterion', 'insertion-market'];
  it.each([
    // Real BOAMP 2020 pages (corpus SOURCES.md traps)
    "III.2.1) Information relative à la profession : Le marché est réservé aux entreprises d'assurances agréées.", // T455628191
    'ANCRE POUR REINSERTION TRANSOSSEUSE', // T455710517
    "Les ouvrages devront garantir leur insertion dans le paysage.", // T455753576
    "Prestations d'insertion publicitaire sur le support.", // T455768923-like
    'Siaep de la région de Montbard', // T455790485
    'III.1.5) Informations sur les marchés réservés : III.2) CONDITIONS LIÉES AU MARCHÉ', // T455776232
    'Marché réservé : non.', // T455651775
    'Le pouvoir adjudicateur se réserve le droit de ne pas donner suite.',
    'Une clause de révision des prix est prévue.',
    "Pas de clause sociale dans ce marché.",
    "Le marché ne comporte aucune clause d'insertion.",
    "Le marché n'est pas réservé.",
    'Marché non réservé.',
    "Marché sans clause d'insertion.",
    'Régie publicitaire du journal ; régie d’avances et de recettes.',
    "La prestation est réservée à une profession particulière : avocats.",
  ])('%s', (text) => {
    const got = ids(text);
    for (const id of social) expect(got).not.toContain(id);
  });
});

describe('social-clause', () => {
  it.each([
    ["L'exécution du marché comporte une clause obligatoire d'insertion par l'activité économique.", 'T455626942'],
    ["En référence à l'article L. 2112-2 du Code de la commande publique, l'accord-cadre comporte une clause obligatoire d'insertion professionnelle de public rencontrant des difficultés particulières d'accès à l'emploi.", 'T455629236'],
    ['Une clause sociale est intégrée pour chacun des lots.', 'T455629296'],
    ["le détail des conditions d'exécution à caractère social est indiqué dans le CCAP.", 'T455651775'],
    ['Le marché comporte une clause sociale d’insertion par l’activité économique détaillée dans le CCAP', 'T455790381'],
    ["Une clause d'insertion sociale impose 5% des heures travaillées à un public éloigné de l'emploi", 'rules.md §5 #14'],
    ["Les pièces particulières précisent le volume horaire d'insertion à la charge du titulaire.", 'CCAG art. 16.1, rules.md §5 #10'],
    ["Application de l'article 14 du code des marchés publics : clause d'insertion.", 'legacy 2006 code'],
  ])('%s (%s)', (text) => {
    expect(ids(text)).toContain('social-clause');
  });
  it('hours are carried as a parameter', () => {
    expect(flag("Une clause d'insertion sociale impose 5% des heures travaillées à un public éloigné de l'emploi", 'social-clause')?.parameters?.insertionHours).toMatch(/5 ?% des heures/);
  });
  it('lot-level: "clauses sociales (Lots 1, 2 et 3)" (T455778435) and "dans le cadre des lots 1 et 2" (T455775310)', () => {
    const lots = ['1', '2', '3', '4'].map((id) => makeLot(id));
    const a = evaluate(makeNotice('clauses environnementales (Lots 2 et 3)clauses sociales (Lots 1, 2 et 3)en cas de groupement', { lots }));
    expect(a.flags.filter((f) => f.id === 'social-clause').map((f) => f.lotId).sort()).toEqual(['1', '2', '3']);
    const b = evaluate(
      makeNotice("Le candidat retenu dans le cadre des lots 1 et 2 devra mettre en œuvre une action d'insertion au bénéfice de personnes rencontrant des difficultés particulières d'insertion.", { lots }),
    );
    expect(b.flags.filter((f) => f.id === 'social-clause').map((f) => f.lotId).sort()).toEqual(['1', '2']);
    expect(b.lots.find((l) => l.lotId === '4')?.flags).toEqual([]);
  });
  it('lot execution conditions are lot-level evidence', () => {
    const a = evaluate(makeNotice('', { lots: [makeLot('1'), makeLot('2', { executionConditions: "Clause sociale d'insertion : 700 heures." })] }));
    const f = a.flags.find((x) => x.id === 'social-clause');
    expect(f?.lotId).toBe('2');
    expect(f?.evidence[0]?.field).toBe('lots[1].executionConditions');
  });
  it('structured marker only → info', () => {
    expect(flag('', 'social-clause', { socialSignals: ['decp:Clause sociale'] })?.severity).toBe('info');
  });
});

describe('social-criterion', () => {
  it('structured criterion with weight', () => {
    const f = flag('', 'social-criterion', {
      criteria: [
        { type: 'price', name: 'Prix', weight: 60 },
        { type: 'social', name: "Performances en matière d'insertion professionnelle des publics en difficulté", weight: 10 },
      ],
    });
    expect(f?.parameters?.weightPercent).toBe(10);
    expect(f?.legalBasis).toContain('CCP art. R2152-7 2° a)');
  });
  it('criterion name typed "other" but social words (real label, critere_attribution_data.csv row 1989)', () => {
    expect(ids('', { criteria: [{ type: 'other', name: 'Pertinence de la démarche dinsertion professionnelle des publics en difficultés' }] })).toContain('social-criterion');
  });
  it('text criterion with weight (T455627051)', () => {
    const f = flag("Critères d'attribution : valeur technique 55 % ; pertinence des mesures proposées pour la réalisation d'heures d'insertion : 5 %.", 'social-criterion');
    expect(f).toBeDefined();
    expect(ids("Critères d'attribution : pertinence des mesures proposées pour la réalisation d'heures d'insertion : 5 %.")).not.toContain('social-clause');
  });
  it('"raison sociale" is not a social criterion', () => {
    expect(ids('', { criteria: [{ type: 'other', name: 'Raison sociale du candidat' }] })).not.toContain('social-criterion');
  });
});

describe('insertion-market and sss-regime', () => {
  it('real 2024 AMP notice (rules.md §5 #1)', () => {
    const a = evaluate(
      makeNotice("Prestation d'insertion socioprofessionnelle ayant pour activité support l'entretien des espaces extérieurs de sites métropolitains", {
        cpv: [{ code: '85312510', main: true }],
        estimatedValue: { amount: 1_420_000, currency: 'EUR' },
      }),
    );
    const got = a.flags.map((f) => f.id);
    expect(got).toContain('insertion-market');
    expect(got).toContain('sss-regime');
    expect(a.flags.find((f) => f.id === 'sss-regime')?.parameters?.aboveJoue).toBe(true);
    expect(a.verdict).toBe('opportunity');
  });
  it('legacy article 30 du CMP', () => {
    expect(ids("Marché passé en application de l'article 30 du code des marchés publics : prestations d'insertion.")).toContain('insertion-market');
  });
  it('a clause sentence is not an insertion market', () => {
    expect(ids("Le marché comporte une clause d'insertion.")).not.toContain('insertion-market');
  });
});

describe('dated thresholds at boundaries', () => {
  it('dispense supplies/services: 40 000 until 2026-03-31, 60 000 from 2026-04-01', () => {
    const over = { contractNature: 'services' as const, estimatedValue: { amount: 50_000, currency: 'EUR' } };
    expect(ids('', over, '2026-03-31')).not.toContain('direct-award-range');
    const f = flag('', 'direct-award-range', over, '2026-04-01');
    expect(f?.parameters?.thresholdAmount).toBe(60_000);
    expect(f?.parameters?.thresholdValidFrom).toBe('2026-04-01');
  });
  it('works dispense 100 000 temporary until 2025-12-31 (unverified start), permanent from 2026-01-01', () => {
    const over = { contractNature: 'works' as const, estimatedValue: { amount: 90_000, currency: 'EUR' } };
    const before = flag('', 'direct-award-range', over, '2025-12-31');
    const after = flag('', 'direct-award-range', over, '2026-01-01');
    expect(before?.parameters?.thresholdValidTo).toBe('2025-12-31');
    expect(after?.parameters?.thresholdValidFrom).toBe('2026-01-01');
    expect(after?.parameters?.thresholdUnverified).toBeUndefined();
  });
  it('social consideration expected from 2026-08-22 above the EU threshold of the date', () => {
    const over = { contractNature: 'services' as const, estimatedValue: { amount: 300_000, currency: 'EUR' } };
    expect(ids('Nettoyage des locaux.', over, '2026-08-21')).not.toContain('social-consideration-expected');
    const f = flag('Nettoyage des locaux.', 'social-consideration-expected', over, '2026-08-22');
    expect(f?.severity).toBe('warning');
    expect(f?.parameters?.euAmount).toBe(216_000);
    expect(f?.parameters?.articleNumberUnverified).toBe(true);
    expect(f?.explanation).toContain('non vérifié');
    expect(flag("Nettoyage. Clause sociale d'insertion.", 'social-consideration-expected', over, '2026-09-01')?.severity).toBe('info');
  });
  it('uses the publication date when no date is given', () => {
    const a = evaluate(makeNotice('', { publishedAt: '2025-06-01T10:00:00+02:00' }));
    expect(a.judgedAt).toBe('2025-06-01');
  });
});

describe('small-lots, priority-territory, innovative-purchase, regie-trade', () => {
  it('small lot under 80 000 € services among big lots', () => {
    const a = evaluate(
      makeNotice('', {
        contractNature: 'services',
        estimatedValue: { amount: 2_000_000, currency: 'EUR' },
        lots: [makeLot('1', { estimatedValue: { amount: 1_950_000, currency: 'EUR' } }), makeLot('2', { title: 'Nettoyage des vitres', estimatedValue: { amount: 50_000, currency: 'EUR' } })],
      }),
    );
    const f = a.flags.find((x) => x.id === 'small-lots');
    expect(f?.lotId).toBe('2');
    expect(f?.parameters?.smallLotAmount).toBe(80_000);
    expect(a.lots.find((l) => l.lotId === '2')?.flags.map((x) => x.id)).toContain('regie-trade');
  });
  it('ANRU GUP sentence (rules.md §5 #20)', () => {
    const f = flag("au moins 10 % des heures travaillées dans le cadre des marchés liés à la gestion urbaine de proximité, quartier prioritaire (QPV), NPNRU", 'priority-territory');
    expect(f?.parameters?.gup).toBe(true);
  });
  it('innovative purchase mentions the unverified 140 000 € draft', () => {
    const f = flag("Achat innovant passé en application de l'article R. 2122-9-1.", 'innovative-purchase');
    expect(f?.parameters?.thresholdAmount).toBe(100_000);
    expect(f?.parameters?.draftAmount2026Unverified).toBe(true);
  });
  it('trade from CPV and from title words; "instance chargée de la médiation" is not médiation', () => {
    expect(flag('', 'regie-trade', { cpv: [{ code: '77310000', main: true }] })?.parameters?.trade).toBe('espaces-verts');
    expect(flag('', 'regie-trade', { title: 'Entretien des espaces verts de la commune' })?.parameters?.trade).toBe('espaces-verts');
    expect(ids('Instance chargée de la médiation : tribunal administratif', { title: 'Fourniture de logiciels' })).not.toContain('regie-trade');
  });
});

describe('profile shifts verdict, never hides legal flags', () => {
  const notice = makeNotice("Lot réservé aux structures d'insertion par l'activité économique (SIAE).", {
    title: 'Nettoyage des locaux',
    place: { department: '93' },
  });
  it('other département: verdict downgraded, same flags', () => {
    const base = evaluate(notice);
    const far = evaluate(notice, { ...DEFAULT_PROFILE, departments: ['13'] });
    expect(base.verdict).toBe('opportunity');
    expect(far.verdict).toBe('maybe');
    expect(far.flags.map((f) => f.id)).toEqual(base.flags.map((f) => f.id));
  });
  it('trades outside the profile: no opportunity, flags kept', () => {
    const p = evaluate(notice, { ...DEFAULT_PROFILE, trades: ['espaces-verts'] });
    expect(p.verdict).not.toBe('opportunity');
    expect(p.flags.map((f) => f.id)).toContain('reserved-siae');
  });
  it('assessment always parses', () => {
    expect(AssessmentSchema.safeParse(evaluate(notice)).success).toBe(true);
  });
});

describe('objects about an activity are not the activity (labelled-set traps)', () => {
  it.each([
    // boamp-objets 6-field export (real objets)
    ['MISSION D\'ASSISTANCE A MAITRISE D\'OUVRAGE POUR LES PRESTATIONS DE NETTOYAGE DES LOCAUX DES SITES DEPARTEMENTAUX', 'regie-trade'], // 20-39919
    ["Rennes Métropole- Etude de définition des modalités d'exploitation et d'entretien des espaces verts", 'regie-trade'], // 18-148422
    ['réalisation de diagnostics du risque d\'intoxication par le plomb des peintures et de contrôles après travaux', 'regie-trade'], // 19-169028
    ["Étude d'évaluation d'un dispositif de soutien en faveur des jeunes en insertion", 'insertion-market'], // 21-58713
    ["Mission d'évaluation de l'Opération Programmée d'Amélioration de l'Habitat et Renouvellement Urbain (OPAH-RU) 2019-2024", 'priority-territory'], // 23-178308
    ["Réalisation d'une étude qualitative sur l'obligation d'attributions de logements sociaux situés en dehors d'un QPV à des ménages modestes", 'priority-territory'], // 20-61720
  ])('%s', (title, id) => {
    expect(evaluate(makeNotice(title, { title })).flags.map((f) => f.id)).not.toContain(id);
  });
  it.each([
    ['Etudes géotechniques et travaux de débroussaillage/élagage', 'regie-trade'], // 20-130052
    ['Accompagnement socio-professionnel des salariés en insertion 2019-2020', 'insertion-market'], // 18-157933
    ["Etude pré-opérationnelle d'OPAH sur la copropriété privée des Acacias en Quartier Prioritaire Politique de la Ville", 'priority-territory'], // 18-110310
    ['Nouveau Projet de Rénovation Urbaine de la ville de Sarcelles', 'priority-territory'], // 21-75193 (fragment)
  ])('%s', (title, id) => {
    expect(evaluate(makeNotice(title, { title })).flags.map((f) => f.id)).toContain(id);
  });
  it('boilerplate declaration citing L2113-12 is not a reservation (T455790373)', () => {
    expect(
      ids("Déclaration sur l'honneur du candidat attestant qu'il entre dans les cas prévus à l'article L 2113-12 du code de la commande publique pour pouvoir soumissionner aux marchés publics réservés."),
    ).not.toContain('reserved-disability');
  });
});

describe('context mechanisms (R11, R15, R16, R17, R18)', () => {
  it('procedure-context: MAPA below, formalised above the EU threshold of the date', () => {
    const below = flag('', 'procedure-context', { contractNature: 'services', estimatedValue: { amount: 200_000, currency: 'EUR' } }, '2026-05-01');
    expect(below?.parameters?.aboveEu).toBe(false);
    expect(below?.parameters?.euAmount).toBe(216_000);
    // 2024-2025: 221 000 € for sub-central buyers, so 218 000 € was still below.
    expect(flag('', 'procedure-context', { contractNature: 'services', estimatedValue: { amount: 218_000, currency: 'EUR' } }, '2025-12-31')?.parameters?.aboveEu).toBe(false);
    expect(flag('', 'procedure-context', { contractNature: 'services', estimatedValue: { amount: 218_000, currency: 'EUR' } }, '2026-01-01')?.parameters?.aboveEu).toBe(true);
  });
  it('abnormally-low-offer (R2152-3)', () => {
    expect(ids("Les offres anormalement basses seront détectées selon l'article R. 2152-3.")).toContain('abnormally-low-offer');
  });
  it('sustainable-needs only in a social sentence (T455651775 wording)', () => {
    expect(ids("conformément aux articles L2111-1 et L2112-2 du Code de la Commande Publique, cette consultation comporte des clauses visant à promouvoir l'emploi de personnes rencontrant des difficultés particulières d'insertion")).toContain('sustainable-needs');
    expect(ids('Besoin défini conformément à l’article L2111-1 (performance énergétique).')).not.toContain('sustainable-needs');
  });
  it('spaser', () => {
    expect(ids("Ce marché s'inscrit dans le SPASER de la Ville.")).toContain('spaser');
  });
  it('overseas youth hours: La Réunion + social clause; not in mainland', () => {
    expect(ids("Clause sociale d'insertion.", { place: { department: '974' } })).toContain('overseas-youth-hours');
    expect(ids("Clause sociale d'insertion.", { place: { department: '93' } })).not.toContain('overseas-youth-hours');
  });
});

describe('lot verdicts and more profile effects', () => {
  it('an EA/ESAT-only lot is "no" while a SIAE lot of the same notice is "opportunity" (rules.md §5 #4)', () => {
    const a = evaluate(
      makeNotice(
        "Le lot 1 est réservé à des entreprises adaptées et ESAT. Les lots 2 et 3 de la présente consultation constitueront des marchés réservés aux structures d'insertion par l'activité économique.",
        {
          title: 'Prestations d’entretien des espaces verts de sites départementaux',
          lots: [makeLot('1'), makeLot('2'), makeLot('3')],
        },
      ),
    );
    const verdict = (id: string) => a.lots.find((l) => l.lotId === id)?.verdict;
    expect(verdict('1')).toBe('no');
    expect(verdict('2')).toBe('opportunity');
    expect(verdict('3')).toBe('opportunity');
    expect(a.verdict).toBe('opportunity');
    expect(a.flags.find((f) => f.id === 'reserved-disability')?.lotId).toBe('1');
  });
  it('not conventionnée IAE: the SIAE flag stays, the verdict drops', () => {
    const n = makeNotice("Marché réservé aux structures d'insertion par l'activité économique.", { title: 'Nettoyage des locaux' });
    const a = evaluate(n, { ...DEFAULT_PROFILE, iaeApproved: false });
    expect(a.flags.map((f) => f.id)).toContain('reserved-siae');
    expect(a.flags.find((f) => f.id === 'reserved-siae')?.parameters?.eligible).toBe(false);
    expect(a.verdict).toBe('maybe');
  });
  it('value outside the profile range: downgraded, flags unchanged', () => {
    const n = makeNotice("Clause sociale d'insertion.", { title: 'Nettoyage des locaux', estimatedValue: { amount: 5_000_000, currency: 'EUR' } });
    const base = evaluate(n);
    const capped = evaluate(n, { ...DEFAULT_PROFILE, valueRange: { max: 500_000 } });
    expect(base.verdict).toBe('opportunity');
    expect(capped.verdict).toBe('maybe');
    expect(capped.flags.map((f) => f.id)).toEqual(base.flags.map((f) => f.id));
    expect(capped.score).toBeLessThan(base.score);
  });
  it('award notices are never opportunities, flags kept for market intelligence', () => {
    const a = evaluate(makeNotice("Marché réservé aux SIAE.", { title: 'Nettoyage des locaux', noticeType: 'award' }));
    expect(a.verdict).toBe('no');
    expect(a.flags.map((f) => f.id)).toContain('reserved-siae');
  });
  it('"Marché réservé : oui" with no beneficiary → unspecified', () => {
    expect(ids('Marché réservé : oui.')).toContain('reserved-unspecified');
  });
  it('legacy 2006 code articles: 30 → insertion market, 53 with insertion → criterion', () => {
    expect(ids("Marché passé selon l'article 30 du CMP.")).toContain('insertion-market');
    expect(ids("Critères de jugement (article 53 du code des marchés publics) : prix 60 %, performances en matière d'insertion professionnelle des publics en difficulté 40 %.")).toContain('social-criterion');
  });
  it('score stays inside its verdict band', () => {
    for (const text of ['', 'Nettoyage des locaux.', "Marché réservé aux SIAE. Nettoyage des locaux. Clause sociale d'insertion."]) {
      const a = evaluate(makeNotice(text, { title: text }));
      if (a.verdict === 'opportunity') expect(a.score).toBeGreaterThanOrEqual(60);
      if (a.verdict === 'maybe') expect(a.score).toBeGreaterThanOrEqual(25);
      if (a.verdict === 'no') expect(a.score).toBeLessThan(25);
    }
  });
});

describe('rules.md §5 sentence collection and eForms labels', () => {
  it.each([
    // [fragment, expected flag, rules.md §5 #]
    ["La décision de réserver est mentionnée dans l'avis : le lot 2 est réservé aux SIAE.", 'reserved-siae', '#5 + R01'],
    ['La participation est réservée à des organisations qui poursuivent une mission de service public et respectent d’autres conditions pertinentes énoncées dans la législation.', 'reserved-ess', '#23 (BT-71 res-pub-ser label)'],
    ['Possibilités d’emploi des chômeurs de longue durée, des personnes défavorisées et/ou des personnes handicapées', 'social-clause', '#24 (BT-775 opp label)'],
    ["Un marché ayant pour objet des services sociaux et autres services spécifiques, quelle que soit la valeur estimée du besoin (R. 2123-1, 3°)", 'sss-regime', '#9'],
    ["acheter des prestations d'insertion, selon une procédure adaptée, quel que soit leur montant (articles R. 2123-1 et R. 2123-7)", 'insertion-market', '#18'],
    ["Une clause d'insertion sociale impose 5% des heures travaillées à un public éloigné de l'emploi", 'social-clause', '#14'],
    ['au moins 5 % des heures travaillées dans le cadre des opérations financées par l’ANRU', 'priority-territory', '#20'],
  ])('%s → %s (%s)', (text, id) => {
    expect(ids(text)).toContain(id);
  });
  it('small lots carry their cumulative share (R2123-1 2° b)', () => {
    const f = flag('', 'small-lots', {
      contractNature: 'services',
      lots: [makeLot('1', { estimatedValue: { amount: 900_000, currency: 'EUR' } }), makeLot('2', { estimatedValue: { amount: 60_000, currency: 'EUR' } })],
    });
    expect(f?.parameters?.smallLotsSharePercent).toBe(6.3);
    expect(f?.parameters?.withinCap).toBe(true);
  });
});

describe('objects about a trade (real BOAMP objets, "Etude" descriptor export) are not the trade', () => {
  it.each([
    'Élaboration du Programme Local de Prévention des Déchets Ménagers et Assimilés (PLPDMA)', // 24-70814
    'Optimisation des tournées de collecte des déchets résiduels, recyclables et biodéchets', // 23-151902
    "PRDP - RD767 - CONTOURNEMENT DE LOCMINE ET LIAISON KERMARTIN SIVIAC - ASSISTANCE A MAITRISE D'OEUVRE POUR AMENAGEMENTS PAYSAGERS", // 21-130888
    'MISSION DE MAITRISE D OEUVRE POUR L AMENAGEMENT DU COEUR DE VILLE-COMMUNE LA PALME-PAYSAGISTE CONCEPTEUR', // 20-146975
    'plans de gestion sur plusieurs espaces naturels départementaux (2 lots)', // 23-4077
    'Biotraitement des boues de balayage en vue de leurs valorisations dans des applications Génie Civil', // 23-163148
    "Accompagnement à la définition d'une stratégie territoriale de l'aide à domicile", // 18-29246
  ])('%s', (title) => {
    expect(evaluate(makeNotice('', { title })).flags.map((f) => f.id)).not.toContain('regie-trade');
  });
  it.each([
    'Sensibilisation au tri des déchets en porte-à-porte en habitat vertical en milieu urbain', // 23-157223 (ambassadeurs du tri)
    "Accompagnement et suivi des opérations de compostage partagé en pied d'immeubles", // 22-11348
  ])('%s is a Régie activity', (title) => {
    expect(evaluate(makeNotice('', { title })).flags.map((f) => f.id)).toContain('regie-trade');
  });
});
