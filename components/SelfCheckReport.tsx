import type { SelfCheckItem, SelfCheckReport as Report } from '@/lib/self-check/types';
import { STATUS_LABELS } from '@/lib/self-check/types';
import { formatDateFr } from '@/lib/notice/dates';
import { formatAmount } from '@/lib/rules/thresholds';

/**
 * The buyer's report: one block per check (status, explanation, article, quoted evidence, dated parameters), then the
 * suggested social levers. Every text goes through JSX text nodes (never HTML). Classes `sc-*` are styled for screen
 * and print in assets/self-check.css.
 */

const PARAM_LABELS: Readonly<Record<string, string>> = {
  euAmount: 'seuil européen (€ HT)',
  euValidFrom: 'seuil européen en vigueur depuis le',
  obligationFrom: 'obligation applicable au plus tard le',
  value: 'valeur estimée (€ HT)',
  joueAmount: 'seuil JOUE services sociaux (€ HT)',
  boampJalAmount: 'seuil BOAMP/JAL (€ HT)',
  smallLotAmount: 'plafond d’un petit lot (€ HT)',
  capAmount: 'part cumulée maximale des petits lots (%)',
  smallLotsSharePercent: 'part des petits lots (%)',
  minShareAmount: 'part minimale de travailleurs concernés (%)',
  maxDurationAmount: 'durée maximale (ans)',
  durationMonths: 'durée indiquée (mois)',
  days: 'jours entre publication et date limite',
  minDays: 'délai minimal de droit commun (jours)',
  weightPercent: 'poids du critère social (%)',
  pricePercent: 'poids du prix (%)',
  guidePricePercent: 'poids du prix dans l’exemple du guide (%)',
};

function ParamList(props: { parameters: SelfCheckItem['parameters'] }) {
  const shown = Object.entries(props.parameters).filter(([k]) => PARAM_LABELS[k] !== undefined);
  if (shown.length === 0) return null;
  return (
    <ul class="sc-params">
      {shown.map(([k, v]) => (
        <li key={k}>
          {PARAM_LABELS[k]} : <strong>{typeof v === 'number' && v >= 1000 ? formatAmount(v) : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDateFr(v) : typeof v === 'boolean' ? (v ? 'oui' : 'non') : String(v)}</strong>
        </li>
      ))}
    </ul>
  );
}

function CheckBlock(props: { check: SelfCheckItem }) {
  const c = props.check;
  return (
    <li class={`sc-check sc-check--${c.status}`} data-check={c.id} data-status={c.status}>
      <div class="sc-check__head">
        <span class="sc-status">{STATUS_LABELS[c.status]}</span>
        <strong class="sc-check__title">{c.title}</strong>
      </div>
      <p class="sc-check__expl">{c.explanation}</p>
      {c.legalBasis.length > 0 ? <p class="sc-basis">Base : {c.legalBasis.join(' ; ')}</p> : null}
      {c.evidence.length > 0 ? (
        <ul class="sc-evidence">
          {c.evidence.map((e, i) => (
            <li key={i}>
              <q>{e.quote ?? ''}</q>
              {e.field ? <span class="sc-field"> ({e.field})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ParamList parameters={c.parameters} />
    </li>
  );
}

export function SelfCheckReportView(props: { report: Report }) {
  const r = props.report;
  const dateSource = r.judgedAtSource === 'publication' ? 'date de publication' : r.judgedAtSource === 'given' ? 'date choisie' : 'date du jour : projet d’avis';
  return (
    <article class="sc-report" data-testid="self-check-report">
      <header>
        <h2 class="sc-report__title">{r.noticeTitle || r.noticeId || 'Avis sans titre'}</h2>
        <p class="sc-meta">
          {r.buyerName ? <span>Acheteur : {r.buyerName}. </span> : null}
          {r.noticeId ? <span>Référence : {r.noticeId}. </span> : null}
          <span>
            Seuils et obligations en vigueur au {formatDateFr(r.judgedAt)} ({dateSource}).
          </span>
        </p>
        <p class="sc-summary" data-testid="self-check-summary">
          {r.summary.ok} conforme(s) · {r.summary['a-revoir']} à revoir · {r.summary.manquant} manquant(s) · {r.summary['non-applicable']} non applicable(s)
        </p>
        {r.warnings.map((w, i) => (
          <p key={i} class="sc-warning">
            {w}
          </p>
        ))}
      </header>
      <h3>Vérifications</h3>
      <ul class="sc-checks">
        {r.checks.map((c) => (
          <CheckBlock key={c.id} check={c} />
        ))}
      </ul>
      <h3>Leviers sociaux possibles</h3>
      {r.suggestions.length === 0 ? <p class="sc-muted">Aucune suggestion supplémentaire.</p> : null}
      <ul class="sc-suggestions">
        {r.suggestions.map((s) => (
          <li key={s.id} class="sc-suggestion" data-suggestion={s.id}>
            <strong>{s.title}</strong>
            <p>{s.explanation}</p>
            <p class="sc-basis">Base : {s.legalBasis.join(' ; ')}</p>
          </li>
        ))}
      </ul>
      <footer class="sc-footer">Rapport indicatif produit par Régie Radar ; il ne remplace pas l’avis d’un juriste. Les numéros d’articles marqués « à confirmer » n’ont pas pu être vérifiés.</footer>
    </article>
  );
}
