import type { Reserved } from '@/lib/notice/schema';
import type { Evidence } from '../types';
import { articleRef, type Hit, type SignalSpec } from '../text-signals';
import { evidenceOfHits, groupHitsByLot, hasSignal, type RuleContext } from './types';

/**
 * Shared by the reserved-* mechanisms: finds reservation statements (text and structured) and decides whom they
 * reserve to. One sentence may say "réservé" and name SIAE, EA/ESAT, both, prisons or ESS; the eForms/BOAMP markers
 * (res-ws, ATELIERS_PROTEGES) cannot tell SIAE from EA/ESAT, so the text decides and "type non précisé" is said otherwise.
 */

export type ReservationKind = 'siae' | 'disability' | 'joint' | 'prison' | 'ess' | 'siae-or-disability' | 'unknown';

const L2113_12 = articleRef('l', '2113-12');
const L2113_13 = articleRef('l', '2113-13');
const L2113_13_1 = articleRef('l', '2113-13-1');
const L2113_14 = articleRef('l', '2113-14');
const L2113_15 = articleRef('l', '2113-15');
const L2113_16 = articleRef('l', '2113-16');
// Ordonnance 2015-899 art. 36 (I = handicap, II = SIAE); décret 2016-360 art. 13; code 2006 art. 15 (ateliers protégés).
const OLD_ORD_36 = "article 36(?:[- ]?(?:i{1,2}|1|2)\\b)?[^.;]{0,40}ordonnance(?: n ?[°o] ?)? ?2015-899";
const OLD_CMP_15 = 'article 15 du (?:code des marches publics|cmp)';

export const RESERVATION_SIGNALS: readonly SignalSpec[] = [
  {
    id: 'reservation',
    anchors: ['reserv', '2113-1', 'article 36', 'article 15 du'],
    pattern: new RegExp(
      [
        '\\breserve(?:e|s|es)?\\b',
        '\\breservations? (?:du|de|des|d\'un|d\'une) (?:marches?|lots?)',
        L2113_12,
        L2113_13,
        L2113_13_1,
        L2113_14,
        L2113_15,
        OLD_ORD_36,
        OLD_CMP_15,
      ].join('|'),
    ),
    // False friends: "se réserve le droit", "sous réserve", "réserve naturelle", "réservé aux entreprises d'assurances",
    // a profession reservation (III.2.1 / PRESTATION_RESERVEE), "réservé à l'usage", "parking réservé"…
    reject:
      /\b(?:declaration sur l'honneur|attestant qu'il|lorsque le marche est reserve|si le marche est reserve|pour (?:pouvoir )?soumissionner aux marches (?:publics )?reserves|entreprises? d'assurances?|assureurs?|courtiers?|une profession|professions? (?:particuliere|reglementee)|prestation_reservee|ordre des (?:avocats|architectes|experts))/,
  },
];

const NEAR_FALSE_FRIEND =
  /(?:\bse |\bs'|\bnous |\bnous nous |\bsous |\bsont |\bvous )$|^(?:s? (?:le|la|les|a l'acheteur le) (?:droit|possibilite|faculte))|^(?:e|s|es)? (?:a l'usage|au personnel|aux (?:pietons|riverains|vehicules|usagers|agents|eleves|enfants|abonnes))|\breserve (?:naturelle|fonciere|d'eau|incendie)/;

const SIAE_TERMS =
  /structures? d'insertion|\bsiae\b|insertion par l'activite economique|entreprises? d'insertion|chantiers? d'insertion|5132-4|\betti\b|\baci\b|associations? intermediaires|travailleurs defavorises|personnes defavorisees|article 36[- ]?(?:ii|2)\b/;
const L2113_13_ALONE = new RegExp(L2113_13);
const DIS_TERMS =
  /entreprises? adaptees?|\besat\b|\bea\b|etablissements? (?:et|ou) services? d'aide par le travail|ateliers? proteges?|travailleurs handicapes|personnes handicapees|secteur (?:protege|adapte)|5213-13|344-2|article 36[- ]?(?:i|1)\b|article 15 du (?:code des marches publics|cmp)/;
const L2113_12_RE = new RegExp(L2113_12);
const DIRECTIVE_WS =
  /ateliers? proteges?,? (?:et|ou) (?:a )?(?:des )?operateurs economiques dont l'objet (?:principal )?est l'integration sociale et professionnelle de (?:personnes|travailleurs) handicape(?:e)?s (?:ou|et) (?:de )?(?:personnes |travailleurs )?defavorise/;
const PRISON_TERMS = new RegExp(`penitentiaire|personnes detenues|\\bdetenus\\b|${L2113_13_1}`);
const ESS_TERMS = new RegExp(
  `economie sociale et solidaire|\\bess\\b|\\besus\\b|2014-856|mission de service public|${L2113_15}|${L2113_16}`,
);
const JOINT_TERMS = new RegExp(L2113_14);
// "réservé" on its own (no target) counts only as "marché/lot réservé" or "marché réservé : oui".
const GENERIC_RESERVED = /\b(?:marches?|lots?|accords?-cadres?|contrats?|consultation|procedure|prestations?) (?:(?:est|sont|de la presente consultation|constituera|constitueront) )?(?:des |un |une )?(?:marches? )?reserve(?:e|s|es)?\b(?! :? ?non)|\breserve(?:e|s|es)? ?: ?oui/;

export interface ReservationFinding {
  kind: ReservationKind;
  lotId?: string;
  evidence: Evidence[];
  /** Lot numbers named by the text that the notice does not list. */
  textLots?: string[];
  source: 'text' | 'structured';
}

const HEADING = /informations? (?:sur les|relatives aux) marches reserves ?:?|marches? reserves? ?: ?(?=$|[a-z]+\))/g;

export function classifySentence(rawSentence: string): ReservationKind | undefined {
  // Form headings ("III.1.5) Informations sur les marchés réservés :") are labels, not statements.
  const sentence = rawSentence.replace(HEADING, ' ');
  if (PRISON_TERMS.test(sentence)) return 'prison';
  const siae = SIAE_TERMS.test(sentence) || L2113_13_ALONE.test(sentence);
  const dis = DIS_TERMS.test(sentence) || L2113_12_RE.test(sentence);
  if (DIRECTIVE_WS.test(sentence)) {
    // The directive wording (Dir. 2014/24 art. 20, BOAMP III.1.5) names both publics, disabled OR disadvantaged:
    // in French law that is L2113-12 and L2113-13 together (L2113-14), so a joint reservation, Régie eligible.
    return 'joint';
  }
  if (siae && dis) return 'joint';
  if (JOINT_TERMS.test(sentence)) return 'joint';
  if (siae) return 'siae';
  if (dis) return 'disability';
  if (ESS_TERMS.test(sentence)) return 'ess';
  if (GENERIC_RESERVED.test(sentence)) return 'unknown';
  return undefined;
}

function isFalseFriend(hit: Hit): boolean {
  const t = hit.segment.text;
  const before = t.slice(Math.max(0, hit.start - 12), hit.start);
  const after = t.slice(hit.end, hit.end + 40);
  return NEAR_FALSE_FRIEND.test(before) || NEAR_FALSE_FRIEND.test(after);
}

const STRUCTURED_KIND: Record<Exclude<Reserved, 'none' | 'unknown'>, ReservationKind> = {
  siae: 'siae',
  disability: 'disability',
  'siae-or-disability': 'siae-or-disability',
  ess: 'ess',
  prison: 'prison',
};

const cache = new WeakMap<RuleContext, ReservationFinding[]>();

/** Every reservation finding of the notice, notice-level and per lot. */
export function reservationFindings(ctx: RuleContext): ReservationFinding[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const out: ReservationFinding[] = [];
  const hits = ctx.hits.filter((h) => h.signal === 'reservation' && !h.negated && !isFalseFriend(h));
  // Classify each hit by its sentence; group by (lot, kind).
  const classified = new Map<string, Hit[]>();
  for (const h of hits) {
    const kind = classifySentence(h.sentence);
    if (!kind) continue;
    const key = kind;
    const arr = classified.get(key) ?? [];
    arr.push(h);
    classified.set(key, arr);
  }
  for (const [kind, khits] of classified) {
    const { notice, byLot, unknownLots } = groupHitsByLot(ctx, khits);
    if (notice.length > 0) {
      const f: ReservationFinding = { kind: kind as ReservationKind, evidence: evidenceOfHits(notice), source: 'text' };
      if (unknownLots.size > 0) f.textLots = [...unknownLots];
      out.push(f);
    }
    for (const [lotId, lhits] of byLot) {
      out.push({ kind: kind as ReservationKind, lotId, evidence: evidenceOfHits(lhits), source: 'text' });
    }
  }
  // Structured: notice.reserved and lots[].reserved.
  const r = ctx.notice.reserved;
  if (r !== 'none' && r !== 'unknown') {
    out.push({ kind: STRUCTURED_KIND[r], evidence: [{ field: 'reserved', quote: r }], source: 'structured' });
  }
  ctx.notice.lots.forEach((lot, i) => {
    const lr = lot.reserved;
    if (lr && lr !== 'none' && lr !== 'unknown') {
      out.push({ kind: STRUCTURED_KIND[lr], lotId: lot.id, evidence: [{ field: `lots[${i}].reserved`, quote: lr }], source: 'structured' });
    }
  });
  // Structured markers (socialSignals), vocabulary in lib/rules/README.md.
  const ws = hasSignal(ctx, 'BT-71:res-ws', 'BT-736:yes', 'boamp:ATELIERS_PROTEGES', 'boamp:EMPLOIS_PROTEGES', 'atexo:clause_sociale_ateliers_proteges');
  if (ws) out.push({ kind: 'siae-or-disability', evidence: [{ field: 'socialSignals', quote: ws }], source: 'structured' });
  const ess = hasSignal(ctx, 'BT-71:res-pub-ser');
  if (ess) out.push({ kind: 'ess', evidence: [{ field: 'socialSignals', quote: ess }], source: 'structured' });
  const generic = hasSignal(ctx, 'boamp:MARCHE_RESERVE_OUI', 'fnsimple:reservationMarche:oui', 'decp:Marché réservé');
  if (generic) out.push({ kind: 'unknown', evidence: [{ field: 'socialSignals', quote: generic }], source: 'structured' });
  const resolved = resolveUnspecified(out);
  cache.set(ctx, resolved);
  return resolved;
}

/**
 * A structured "reserved, type not said" (res-ws, MARCHE_RESERVE_OUI) is settled by a text finding of a precise kind at
 * the same level: the text then gains the structured evidence, and the unspecified finding disappears.
 */
function resolveUnspecified(findings: ReservationFinding[]): ReservationFinding[] {
  const precise = (f: ReservationFinding): boolean => f.kind !== 'siae-or-disability' && f.kind !== 'unknown';
  const out: ReservationFinding[] = [];
  for (const f of findings) {
    if (precise(f)) {
      out.push(f);
      continue;
    }
    const sameLevel = findings.find((g) => precise(g) && g.lotId === f.lotId && g.kind !== 'prison' && g.kind !== 'ess');
    const anyPrecise = findings.find((g) => precise(g) && g.kind !== 'prison' && g.kind !== 'ess');
    const target = sameLevel ?? (f.lotId === undefined && f.source === 'structured' ? anyPrecise : undefined);
    if (target) {
      target.evidence = [...target.evidence, ...f.evidence].slice(0, 4);
      continue;
    }
    // Keep one unspecified finding per level, preferring 'siae-or-disability' over 'unknown'.
    const twin = out.find((g) => !precise(g) && g.lotId === f.lotId);
    if (twin) {
      if (twin.kind === 'unknown' && f.kind === 'siae-or-disability') twin.kind = f.kind;
      twin.evidence = [...twin.evidence, ...f.evidence].slice(0, 4);
      continue;
    }
    out.push({ ...f, evidence: [...f.evidence] });
  }
  return out;
}
