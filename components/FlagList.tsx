import type { Flag } from '@/lib/rules/types';
import { rankFlags, SEVERITY_LABELS, type UiLang } from '@/lib/overlay/labels';

/**
 * Each flag: title, explanation, legal articles, and the evidence quoted from the notice. A quote that is on the
 * page is a button (`onQuote` scrolls to it and highlights it); others are plain quotations. All text goes
 * through JSX text nodes: nothing is ever inserted as HTML.
 */
export function FlagList(props: {
  flags: readonly Flag[];
  lang?: UiLang;
  onQuote?: (quote: string) => void;
  quoteOnPage?: (quote: string) => boolean;
  lotTitle?: (lotId: string) => string | undefined;
}) {
  const flags = rankFlags(props.flags);
  if (flags.length === 0) {
    return (
      <p class="rr-muted">
        Aucun levier social ni métier de Régie repéré dans cet avis.
        {props.lang === 'en' ? <span class="rr-en"> No social lever or Régie trade found in this notice.</span> : null}
      </p>
    );
  }
  return (
    <ul class="rr-flags">
      {flags.map((f, i) => (
        <li key={`${f.id}-${f.lotId ?? ''}-${i}`} class={`rr-flag rr-flag--${f.severity}`} data-flag={f.id}>
          <div class="rr-flag__head">
            <span class="rr-flag__sev">{SEVERITY_LABELS[f.severity].fr}</span>
            <strong class="rr-flag__title">{f.title}</strong>
            {f.lotId ? <span class="rr-flag__lot">Lot {props.lotTitle?.(f.lotId) ?? f.lotId}</span> : null}
          </div>
          {props.lang === 'en' && f.titleEn ? <div class="rr-en">{f.titleEn}</div> : null}
          <p class="rr-flag__expl">{f.explanation}</p>
          {props.lang === 'en' && f.explanationEn ? <p class="rr-en">{f.explanationEn}</p> : null}
          {f.evidence.length > 0 ? (
            <ul class="rr-evidence">
              {f.evidence.slice(0, 4).map((e, j) => {
                const quote = e.quote?.trim();
                if (!quote) return e.field ? <li key={j} class="rr-muted">Champ : {e.field}</li> : null;
                const onPage = props.onQuote && (props.quoteOnPage?.(quote) ?? false);
                return (
                  <li key={j}>
                    {onPage ? (
                      <button type="button" class="rr-quote rr-quote--link" title="Show it in the page" onClick={() => props.onQuote?.(quote)}>
                        « {quote} » <span class="rr-quote__go">↧ voir dans la page</span>
                      </button>
                    ) : (
                      <q class="rr-quote">{quote}</q>
                    )}
                  </li>
                );
              })}
            </ul>
          ) : null}
          {f.legalBasis.length > 0 ? <div class="rr-legal">{f.legalBasis.join(' · ')}</div> : null}
        </li>
      ))}
    </ul>
  );
}
