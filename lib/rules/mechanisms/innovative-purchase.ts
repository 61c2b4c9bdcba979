import type { Flag } from '../types';
import { formatAmount, thresholdAt, thresholdParameters } from '../thresholds';
import { articleRef, type SignalSpec } from '../text-signals';
import { evidenceOfHits, hasSignal, makeFlag, noticeValue, type Mechanism } from './types';

/** R14 — achat innovant sans publicité sous 100 000 € HT (R2122-9-1); 140 000 € from 2026 was a draft decree only (UNVERIFIED). */
export const INNOVATIVE_SIGNALS: readonly SignalSpec[] = [
  {
    id: 'innovative',
    anchors: ['innovant', '2122-9-1', '2172-3', "partenariat d'innovation"],
    pattern: new RegExp(`\\bachats? innovants?\\b|\\bmarches? innovants?\\b|${articleRef('r', '2122-9-1')}|${articleRef('l', '2172-3')}|\\bpartenariat d'innovation`),
  },
];

export const innovativePurchase: Mechanism = {
  id: 'innovative-purchase',
  rules: ['R14'],
  legalBasis: ['CCP art. R2122-9-1', 'CCP art. L2172-3'],
  signals: INNOVATIVE_SIGNALS,
  assess(ctx) {
    const hits = ctx.hits.filter((h) => h.signal === 'innovative' && !h.negated);
    const marker =
      hasSignal(ctx, 'BT-06:inn-pur') ??
      ctx.notice.socialSignals.find((s) => /^BT-776:(?!none$)/i.test(s)) ??
      (ctx.notice.procedure && /partenariat d.innovation/i.test(ctx.notice.procedure) ? ctx.notice.procedure : undefined);
    if (hits.length === 0 && !marker) return [];
    const t = thresholdAt('innovative-purchase', ctx.date);
    const value = noticeValue(ctx.notice);
    const evidence = evidenceOfHits(hits, 2);
    if (marker) evidence.push({ field: marker === ctx.notice.procedure ? 'procedure' : 'socialSignals', quote: marker });
    const flag: Flag = makeFlag(
      'innovative-purchase',
      'info',
      {
        title: 'Achat innovant',
        explanation: `L’acheteur présente ce besoin comme innovant. Sous ${t ? formatAmount(t.amount) : '100 000'} € HT, un achat innovant peut être conclu sans publicité ni mise en concurrence (R2122-9-1) : une porte d’entrée pour une innovation sociale portée par une Régie. (Le relèvement à 140 000 € au 1er janvier 2026 n’était qu’un projet de décret : non vérifié.)`,
        titleEn: 'Innovative purchase',
        explanationEn: 'The need is presented as innovative; below 100 000 € (140 000 € from 2026 was only a draft, unverified) it can be awarded without publicity.',
      },
      ['CCP art. R2122-9-1'],
      evidence,
      { parameters: { ...(t ? thresholdParameters(t) : {}), draftAmount2026: 140_000, draftAmount2026Unverified: true, ...(value ? { value: value.amount } : {}) } },
    );
    return [flag];
  },
};
