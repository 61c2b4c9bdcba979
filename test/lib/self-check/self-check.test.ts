import { describe, expect, it } from 'vitest';
import { loadNoticesFromFile } from '@/lib/cli/load-input';
import type { Notice } from '@/lib/notice/schema';
import { reportToMarkdown, selfCheck } from '@/lib/self-check';
import { SelfCheckReportSchema, type SelfCheckItem, type SelfCheckReport } from '@/lib/self-check/types';
import * as syn from '../../fixtures/self-check/notices.synthetic';

const FX = 'test/fixtures';

function real(path: string, id?: string): Notice {
  const all = loadNoticesFromFile(`${FX}/${path}`);
  const n = id === undefined ? all[0] : all.find((x) => x.id === id);
  if (!n) throw new Error(`notice ${id ?? '(first)'} not in ${path}`);
  return n;
}

function check(report: SelfCheckReport, id: string): SelfCheckItem {
  const c = report.checks.find((x) => x.id === id);
  if (!c) throw new Error(`${id} missing`);
  return c;
}

// Real notices (see test/fixtures/SOURCES.md for their origin).
const balayage = () => real('boamp/records/exports-json_2026-01_pdl_4full_TRANSCRIBED.json', '26-5927'); // 1 000 000 €, 1 lot, 40/60
const menage = () => real('boamp/records/exports-json_2026-01_pdl_4full_TRANSCRIBED.json', '26-3091'); // 3 lots, FNSimple
const reserveSeineMaritime = () => real('boamp-avis-2020/T455776160.html'); // 20-102039 "(Marché réservé)" in the text only
const insertionMapa = () => real('boamp-avis-2020/T455767578.html'); // 20-102549 marché d'insertion, procédure adaptée
const insertionOpen = () => real('boamp-avis-2020/T455627089.html'); // 20-96685 insertion object, procédure ouverte
const clause2017 = () => real('boamp/records/pdl-digital-selection.jsonl', '17-73569'); // "Respect de la clause sociale" + criteres:sociaux
const indexOnly = () => real('boamp/records/pdl-digital-selection.jsonl', '16-141506'); // criteres:sociaux, nothing in the text
const heuresInsertion5 = () => real('boamp-avis-2020/T455627051.html'); // 20-99796 social criterion 5 %, no measure
const eformsMaximal = () => real('eforms/sdk/cn_24_maximal.xml'); // eForms SDK example: ESS reservation, no duration

describe('selfCheck — report shape', () => {
  it('returns a valid report with every check, dated at the publication date', () => {
    const r = selfCheck(balayage());
    expect(SelfCheckReportSchema.safeParse(r).success).toBe(true);
    expect(r.judgedAt).toBe('2026-01-19');
    expect(r.judgedAtSource).toBe('publication');
    expect(r.checks.map((c) => c.id)).toContain('check-eu-social-environmental');
    expect(r.checks.length).toBeGreaterThanOrEqual(14);
    expect(Object.values(r.summary).reduce((a, b) => a + b, 0)).toBe(r.checks.length);
  });
  it('never throws on bad input: empty report with a French warning', () => {
    const r = selfCheck({ nope: true });
    expect(r.checks).toEqual([]);
    expect(r.warnings[0]).toMatch(/^Avis illisible/);
  });
  it('a draft without publication date is judged today and says so', () => {
    const { publishedAt: _drop, ...draft } = syn.shortMapa;
    const r = selfCheck(draft);
    expect(r.judgedAtSource).toBe('today');
    expect(r.warnings.join(' ')).toMatch(/projet d’avis/);
  });
});

describe('check-eu-social-environmental (loi 2021-1104 art. 35)', () => {
  it('not applicable before 22 August 2026 (real notice of January 2026)', () => {
    const c = check(selfCheck(balayage()), 'check-eu-social-environmental');
    expect(c.status).toBe('non-applicable');
    expect(c.parameters.obligationFrom).toBe('2026-08-22');
  });
  it('missing: the same real notice judged as a draft published in September 2026 has none of the three measures', () => {
    const c = check(selfCheck(balayage(), '2026-09-15'), 'check-eu-social-environmental');
    expect(c.status).toBe('manquant');
    expect(c.parameters.euAmount).toBe(216_000);
    expect(c.parameters.value).toBe(1_000_000);
    expect(c.explanation).toMatch(/condition d’exécution environnementale/);
    expect(c.legalBasis.join(' ')).toMatch(/L2112-2-1 \(numéro d’article à confirmer\)/);
  });
  it('ok when a social condition, an environmental condition and an environmental criterion are present (synthetic)', () => {
    const c = check(selfCheck(syn.euAllThree), 'check-eu-social-environmental');
    expect(c.status).toBe('ok');
    expect(c.parameters.environmentalConditionFound).toBe(true);
    expect(c.parameters.environmentalCriterionFound).toBe(true);
  });
});

describe('check-allotment-justification and check-small-lots', () => {
  it('ok for a real allotted notice (3 lots)', () => {
    const c = check(selfCheck(menage()), 'check-allotment-justification');
    expect(c.status).toBe('ok');
    expect(c.parameters.lotCount).toBe(3);
  });
  it('à revoir for a real single-lot notice that gives no reason (L2113-11)', () => {
    const c = check(selfCheck(balayage()), 'check-allotment-justification');
    expect(c.status).toBe('a-revoir');
    expect(c.legalBasis).toContain('CCP art. L2113-11');
  });
  it('petits lots not used: non applicable (real)', () => {
    expect(check(selfCheck(menage()), 'check-small-lots').status).toBe('non-applicable');
  });
  it('petits lots within the 20 % cap: ok; beyond: à revoir (synthetic)', () => {
    const ok = check(selfCheck(syn.smallLotsWithin), 'check-small-lots');
    expect(ok.status).toBe('ok');
    expect(ok.parameters.smallLotsSharePercent).toBe(7.8);
    expect(ok.parameters.smallLotAmount).toBe(80_000);
    const ko = check(selfCheck(syn.smallLotsBeyond), 'check-small-lots');
    expect(ko.status).toBe('a-revoir');
    expect(ko.parameters.smallLotsSharePercent).toBe(50);
  });
});

describe('reservation checks', () => {
  it('real notice reserved in the text only: structured fields to fix', () => {
    const r = selfCheck(reserveSeineMaritime());
    const c = check(r, 'check-reservation-consistency');
    expect(c.status).toBe('a-revoir');
    expect(c.parameters).toMatchObject({ structuredFound: false, textFound: true });
    expect(c.evidence.some((e) => /Marché réservé/.test(e.quote ?? ''))).toBe(true);
    expect(check(r, 'check-reserved-share').status).toBe('a-revoir');
  });
  it('consistent SIAE reservation stating the 50 % share (synthetic): ok, ok', () => {
    const r = selfCheck(syn.reservedSiaeConsistent);
    expect(check(r, 'check-reservation-consistency').status).toBe('ok');
    const share = check(r, 'check-reserved-share');
    expect(share.status).toBe('ok');
    expect(share.parameters.minShareAmount).toBe(50);
  });
  it('no reservation: non applicable (real)', () => {
    const r = selfCheck(balayage());
    expect(check(r, 'check-reservation-consistency').status).toBe('non-applicable');
    expect(check(r, 'check-ess-reservation').status).toBe('non-applicable');
  });
  it('ESS: real eForms example without duration is à revoir; listed CPV + 24 months ok; unlisted CPV + 4 years manquant', () => {
    const real = check(selfCheck(eformsMaximal()), 'check-ess-reservation');
    expect(real.status).toBe('a-revoir');
    expect(real.explanation).toMatch(/durée du marché n’est pas indiquée/);
    const ok = check(selfCheck(syn.essReservation), 'check-ess-reservation');
    expect(ok.status).toBe('ok');
    expect(ok.parameters.durationMonths).toBe(24);
    const ko = check(selfCheck(syn.essTooLong), 'check-ess-reservation');
    expect(ko.status).toBe('manquant');
    expect(ko.explanation).toMatch(/48 mois/);
    expect(ko.explanation).toMatch(/90910000/);
  });
});

describe('marché d’insertion', () => {
  it('real insertion market in procédure adaptée: ok', () => {
    expect(check(selfCheck(insertionMapa()), 'check-insertion-market-procedure').status).toBe('ok');
  });
  it('real insertion object in procédure ouverte: à revoir', () => {
    const c = check(selfCheck(insertionOpen()), 'check-insertion-market-procedure');
    expect(c.status).toBe('a-revoir');
    expect(c.parameters.procedureFamily).toBe('open');
  });
  it('SSS/insertion ≥ 750 000 € without JOUE: manquant (synthetic); real eForms notice: ok', () => {
    const ko = check(selfCheck(syn.insertionMarketLarge), 'check-sss-eu-publication');
    expect(ko.status).toBe('manquant');
    expect(ko.parameters.joueAmount).toBe(750_000);
    const real = check(selfCheck(eformsMaximal()), 'check-sss-eu-publication');
    expect(real.status).toBe('ok');
  });
});

describe('award criteria', () => {
  it('weights summing to 100 %: ok (real 40/60)', () => {
    const c = check(selfCheck(balayage()), 'check-criteria-weights');
    expect(c.status).toBe('ok');
    expect(c.parameters['sum:criteria']).toBe(100);
  });
  it('criteria without weights: à revoir (real 26-5857, criteria by name only)', () => {
    const c = check(selfCheck(real('boamp/records/exports-json_2026-01_pdl_4full_TRANSCRIBED.json', '26-5857')), 'check-criteria-weights');
    expect(c.status).toBe('a-revoir');
    expect(c.explanation).toMatch(/sans pondération/);
  });
  it('social criterion of 5 % with no measure: à revoir (real); measurable and weighted: ok (synthetic)', () => {
    const ko = check(selfCheck(heuresInsertion5()), 'check-social-criterion-measurable');
    expect(ko.status).toBe('a-revoir');
    expect(ko.parameters.weightPercent).toBe(5);
    const ok = check(selfCheck(syn.euAllThree), 'check-social-criterion-measurable');
    expect(ok.status).toBe('ok');
  });
  it('weighting vs the guide: real reserved notice at 40 % price is within 20 points of the 40/40/20 example', () => {
    const c = check(selfCheck(reserveSeineMaritime()), 'check-weighting-vs-guide');
    expect(c.status).toBe('ok');
    expect(c.parameters).toMatchObject({ guideKind: 'reserved-siae', guidePricePercent: 20, pricePercent: 40 });
    expect(c.legalBasis[0]).toMatch(/fiche repère n° 4/);
  });
  it('weighting vs the guide: a social clause with price at 70 % is à revoir', () => {
    const heavy: Notice = { ...syn.euAllThree, criteria: [{ type: 'price', name: 'Prix', weight: 70 }, { type: 'quality', name: 'Valeur technique', weight: 30 }] };
    const c = check(selfCheck(heavy), 'check-weighting-vs-guide');
    expect(c.status).toBe('a-revoir');
    expect(c.explanation).toMatch(/50 % ; performances d’insertion professionnelle des publics en difficulté 30 % ; prix 20 %/);
  });
});

describe('time limits and publicity', () => {
  it('real open procedure with 32 days: ok only with electronic submission', () => {
    const c = check(selfCheck(balayage()), 'check-tender-deadline');
    expect(c.status).toBe('ok');
    expect(c.parameters.days).toBe(32);
    expect(c.explanation).toMatch(/voie électronique/);
  });
  it('real open procedure with 29 days after publication: à revoir, the sending date to check', () => {
    const c = check(selfCheck(real('boamp/records/pdl-digital-selection.jsonl', '21-25309')), 'check-tender-deadline');
    expect(c.status).toBe('a-revoir');
    expect(c.parameters.days).toBe(29);
    expect(c.explanation).toMatch(/date d’envoi/);
  });
  it('real restricted procedure with 31 days for applications: ok', () => {
    const c = check(selfCheck(real('boamp/records/pdl-digital-selection.jsonl', '17-59442')), 'check-tender-deadline');
    expect(c.status).toBe('ok');
    expect(c.parameters).toMatchObject({ procedureFamily: 'restricted', days: 31, minDays: 30 });
  });
  it('MAPA with 8 days: à revoir (synthetic)', () => {
    const c = check(selfCheck(syn.shortMapa), 'check-tender-deadline');
    expect(c.status).toBe('a-revoir');
    expect(c.parameters.days).toBe(8);
  });
  it('award notice: non applicable (real 26-2565)', () => {
    const n = real('boamp/records/exports-json_2026-01_pdl_4full_TRANSCRIBED.json', '26-2565');
    expect(check(selfCheck(n), 'check-tender-deadline').status).toBe('non-applicable');
  });
  it('publication channel: real BOAMP eForms notice above EU threshold ok; unknown value à revoir', () => {
    expect(check(selfCheck(balayage()), 'check-publication-channel').status).toBe('ok');
    expect(check(selfCheck(menage()), 'check-publication-channel').status).toBe('a-revoir');
    const small = check(selfCheck(syn.shortMapa), 'check-publication-channel');
    expect(small.status).toBe('ok');
    expect(small.parameters.boampJalAmount).toBe(90_000);
  });
});

describe('check-social-indexation', () => {
  it('clause in the text and criteres:sociaux: ok (real 17-73569)', () => {
    expect(check(selfCheck(clause2017()), 'check-social-indexation').status).toBe('ok');
  });
  it('criteres:sociaux indexed but nothing in the text: à revoir (real 16-141506)', () => {
    const c = check(selfCheck(indexOnly()), 'check-social-indexation');
    expect(c.status).toBe('a-revoir');
    expect(c.evidence.some((e) => e.quote === 'criteres:sociaux')).toBe(true);
  });
  it('no clause nor social criterion anywhere: non applicable (real 20-102039, whose reservation is judged by its own check)', () => {
    const c = check(selfCheck(reserveSeineMaritime()), 'check-social-indexation');
    expect(c.status).toBe('non-applicable');
  });
  it('clause in the text without indexation: à revoir (synthetic, criteria with no social type and no marker)', () => {
    const n: Notice = { ...syn.euAllThree, socialSignals: [], criteria: [{ type: 'price', name: 'Prix', weight: 60 }, { type: 'quality', name: 'Valeur technique', weight: 40 }] };
    const c = check(selfCheck(n), 'check-social-indexation');
    expect(c.status).toBe('a-revoir');
    expect(c.explanation).toMatch(/champs structurés ne le déclarent pas/);
  });
});

describe('suggestions', () => {
  it('real street-sweeping notice with no social measure: clause d’insertion, lot réservé SIAE, critère social, allotissement', () => {
    const ids = selfCheck(balayage()).suggestions.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['suggest-insertion-clause', 'suggest-reserved-lot-siae', 'suggest-social-criterion', 'suggest-allotment-small-lots']));
    for (const s of selfCheck(balayage()).suggestions) expect(s.legalBasis.length).toBeGreaterThan(0);
  });
  it('QPV notice: ANRU charter hours', () => {
    const ids = selfCheck(syn.shortMapa).suggestions.map((s) => s.id);
    expect(ids).toContain('suggest-anru-charter-hours');
  });
  it('a reserved SIAE notice is not told to reserve a lot', () => {
    expect(selfCheck(syn.reservedSiaeConsistent).suggestions.map((s) => s.id)).not.toContain('suggest-reserved-lot-siae');
  });
});

describe('reportToMarkdown', () => {
  it('exports title, date, every check with status label and article, and escapes markup from the notice', () => {
    const n: Notice = { ...balayage(), title: 'Balayage <script>alert(1)</script> *gras*' };
    const md = reportToMarkdown(selfCheck(n, '2026-09-15'));
    expect(md).toMatch(/^# Auto-contrôle de l’avis : Balayage \\<script\\>alert\(1\)\\<\/script\\> \\\*gras\\\*/);
    expect(md).toContain('Seuils et obligations en vigueur au : 2026-09-15 (date choisie)');
    expect(md).toContain('### Manquant — Au-dessus des seuils européens');
    expect(md).toContain('`check-allotment-justification`');
    expect(md).toContain('CCP art. L2113-11');
    expect(md).toContain('## Leviers sociaux possibles');
  });
});
