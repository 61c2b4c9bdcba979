import type { Cpv } from '@/lib/notice/schema';
import type { Evidence, Flag } from '../types';
import { TRADE_FAMILIES, type TradeFamily } from '../regie-trades';
import { isAboutNotDoing } from '../object-kind';
import type { Trade } from '../profile';
import { evidenceOfHit, makeFlag, type Mechanism, type RuleContext } from './types';

/** R19 — activity match: the notice or a lot is in a Régie trade, by CPV family or object words. Gates the verdict. */
export const TRADE_SIGNALS = TRADE_FAMILIES.map((f) => ({
  id: `trade:${f.trade}`,
  anchors: anchorsOf(f),
  pattern: f.keywords,
  negatable: false,
  onlyFields: /^(?:title|description|lots\[\d+\]\.(?:title|description))$/,
}));

function anchorsOf(f: TradeFamily): string[] {
  // Cheap prefilter: the first literal word of each alternative.
  return f.keywords.source
    .split('|')
    .map((alt) => alt.replace(/\\b/g, '').replace(/\(\?:[^)]*\)\??/g, ' ').replace(/[a-z]\?/g, '').match(/[a-z']{4,}/)?.[0])
    .filter((w): w is string => typeof w === 'string');
}

const OBJECT_FIELDS = /^(?:title|description|lots\[\d+\]\.(?:title|description))$/;

function cpvTrades(cpvs: readonly Cpv[]): Map<Trade, Cpv> {
  const out = new Map<Trade, Cpv>();
  for (const c of cpvs) {
    for (const f of TRADE_FAMILIES) {
      if (!out.has(f.trade) && f.cpvPrefixes.some((p) => c.code.startsWith(p))) out.set(f.trade, c);
    }
  }
  return out;
}

function tradeFlag(ctx: RuleContext, trade: Trade, evidence: Evidence[], lotId: string | undefined, via: string): Flag {
  const fam = TRADE_FAMILIES.find((f) => f.trade === trade);
  const label = fam?.label ?? trade;
  const inProfile = ctx.profile.trades.includes(trade);
  return makeFlag(
    'regie-trade',
    'info',
    {
      title: `Métier de Régie : ${label}${lotId !== undefined ? ` (lot ${lotId})` : ''}`,
      explanation: `${lotId !== undefined ? `Le lot ${lotId}` : 'L’objet de l’avis'} relève d’une activité classique des Régies de Quartier (${label}), d’après ${via === 'cpv' ? 'son code CPV' : 'les mots de son objet'}.${inProfile ? '' : ' Ce métier n’est pas dans le profil de votre Régie.'}`,
      titleEn: `Régie trade: ${trade}${lotId !== undefined ? ` (lot ${lotId})` : ''}`,
      explanationEn: `${lotId !== undefined ? `Lot ${lotId}` : 'The notice'} is in a typical Régie de Quartier activity (${trade}), by ${via === 'cpv' ? 'its CPV code' : 'the words of its object'}.`,
    },
    [],
    evidence,
    { ...(lotId !== undefined ? { lotId } : {}), parameters: { trade, via, inProfile } },
  );
}

export const regieTrade: Mechanism = {
  id: 'regie-trade',
  rules: ['R19'],
  legalBasis: [],
  signals: TRADE_SIGNALS,
  assess(ctx) {
    const flags: Flag[] = [];
    const { notice } = ctx;
    // Notice level: CPV of the notice, then object words of title/description. When the notice's object is a study,
    // consultancy or supply, its words (and its lots' words) do not make it a Régie trade; CPV still counts.
    const objectAbout = isAboutNotDoing(ctx.titleText);
    const seen = new Set<Trade>();
    const noticeCpv = cpvTrades(notice.cpv);
    for (const [trade, c] of noticeCpv) {
      const i = notice.cpv.indexOf(c);
      seen.add(trade);
      flags.push(tradeFlag(ctx, trade, [{ field: `cpv[${i}].code`, quote: c.label ? `${c.code} ${c.label}` : c.code }], undefined, 'cpv'));
    }
    for (const h of ctx.hits) {
      if (!h.signal.startsWith('trade:') || h.segment.lotId !== undefined) continue;
      if (h.segment.field !== 'title' && h.segment.field !== 'description') continue;
      if (objectAbout || isAboutNotDoing(h.sentence)) continue;
      const trade = h.signal.slice(6) as Trade;
      if (seen.has(trade)) continue;
      seen.add(trade);
      flags.push(tradeFlag(ctx, trade, [evidenceOfHit(h)], undefined, 'texte'));
    }
    // Lot level: each lot's own CPV and words.
    notice.lots.forEach((lot, idx) => {
      const lotSeen = new Set<Trade>();
      for (const [trade, c] of cpvTrades(lot.cpv)) {
        lotSeen.add(trade);
        flags.push(tradeFlag(ctx, trade, [{ field: `lots[${idx}].cpv[${lot.cpv.indexOf(c)}].code`, quote: c.label ? `${c.code} ${c.label}` : c.code }], lot.id, 'cpv'));
      }
      for (const h of ctx.hits) {
        if (!h.signal.startsWith('trade:') || h.segment.lotId !== lot.id || !OBJECT_FIELDS.test(h.segment.field)) continue;
        if (objectAbout || isAboutNotDoing(h.sentence)) continue;
        const trade = h.signal.slice(6) as Trade;
        if (lotSeen.has(trade)) continue;
        lotSeen.add(trade);
        flags.push(tradeFlag(ctx, trade, [evidenceOfHit(h)], lot.id, 'texte'));
      }
    });
    return flags;
  },
};
