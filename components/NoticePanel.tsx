import type { Notice } from '@/lib/notice/schema';
import type { Assessment } from '@/lib/rules/types';
import { formatEuros } from '@/lib/notice/money';
import { daysLeft, formatDateFr } from '@/lib/notice/dates';
import { daysLeftText, VERDICT_LABELS, type UiLang } from '@/lib/overlay/labels';
import { Badge } from './Badge';
import { FlagList } from './FlagList';
import { LotsTable } from './LotsTable';
import { WatchButton } from './WatchButton';

export interface WatchProps {
  watched: boolean;
  busy?: boolean;
  error?: string;
  onWatch: () => void;
}

export interface NoticePanelProps {
  notice: Notice;
  assessment: Assessment;
  /** Clock for "days left" (tests pass a fixed instant). */
  now?: number;
  /** Secondary language shown under the French text ('fr' = French only). */
  lang?: UiLang;
  onLangChange?: (lang: UiLang) => void;
  collapsed?: boolean;
  onToggleCollapsed?: () => void;
  watch?: WatchProps;
  onQuote?: (quote: string) => void;
  quoteOnPage?: (quote: string) => boolean;
  /** Where the notice comes from: the structured record (API/XML) or the page itself (fallback). */
  origin?: 'record' | 'page';
  /** Short notes for the user (e.g. why the page was read instead of the API). */
  notes?: readonly string[];
  /** Used for ids so several panels can live on one page. */
  idPrefix?: string;
}

const REGIE_TEXT =
  'Régie de Quartier : association d’insertion par l’activité économique (SIAE, structure d’insertion par l’activité économique) qui emploie des habitants du quartier.';

function Field(props: { label: string; en: string; lang: UiLang; children: preact.ComponentChildren; testid?: string }) {
  return (
    <div class="rr-field" data-field={props.testid}>
      <dt>
        {props.label}
        {props.lang === 'en' ? <span class="rr-en"> / {props.en}</span> : null}
      </dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** Links to the notice on its official sites. */
function noticeLinks(notice: Notice): Array<{ href: string; text: string }> {
  const links: Array<{ href: string; text: string }> = [];
  if (notice.source === 'boamp' && /^https:\/\/www\.boamp\.fr\//.test(notice.url)) links.push({ href: notice.url, text: `Avis ${notice.id} sur BOAMP` });
  if (notice.source === 'ted' && /^https:\/\/ted\.europa\.eu\//.test(notice.url)) links.push({ href: notice.url, text: `Avis ${notice.id} sur TED` });
  for (const m of notice.fullText.matchAll(/https:\/\/ted\.europa\.eu\/[a-z]{2}\/notice\/-\/detail\/\d{1,8}-\d{4}/g)) {
    if (!links.some((l) => l.href === m[0])) links.push({ href: m[0], text: 'Avis sur TED' });
  }
  return links;
}

/**
 * The notice panel: verdict and score, the essentials (object, buyer, value, deadline, CPV), lots with their
 * verdicts, every flag with its evidence and legal basis, "Suivre", links. Reused by the popup, the watchlist
 * detail, the portals overlay and the self-check page: pass a notice and its assessment, and callbacks.
 */
export function NoticePanel(props: NoticePanelProps) {
  const { notice, assessment } = props;
  const lang = props.lang ?? 'fr';
  const prefix = props.idPrefix ?? 'rr';
  const bodyId = `${prefix}-body`;
  const collapsed = props.collapsed ?? false;
  const days = daysLeft(notice.deadline, props.now ?? Date.now());
  const lotTitle = (id: string) => notice.lots.find((l) => l.id === id)?.title;
  const v = VERDICT_LABELS[assessment.verdict];
  const links = noticeLinks(notice);
  return (
    <section class={`rr-panel rr-panel--${assessment.verdict}`} aria-label={`Régie Radar — ${v.fr}`} lang="fr">
      <header class="rr-panel__head">
        <Badge assessment={assessment} onClick={props.onToggleCollapsed} expanded={!collapsed} controls={bodyId} />
        <span class="rr-panel__brand">Régie Radar</span>
        {props.onLangChange ? (
          <button
            type="button"
            class="rr-btn rr-btn--ghost"
            aria-pressed={lang === 'en'}
            title="Show English under the French text"
            onClick={() => props.onLangChange?.(lang === 'en' ? 'fr' : 'en')}
          >
            EN
          </button>
        ) : null}
        {props.onToggleCollapsed ? (
          <button
            type="button"
            class="rr-btn rr-btn--ghost rr-panel__toggle"
            aria-expanded={!collapsed}
            aria-controls={bodyId}
            onClick={props.onToggleCollapsed}
          >
            {collapsed ? 'Déplier ▾' : 'Replier ▴'}
          </button>
        ) : null}
      </header>
      <div id={bodyId} class="rr-panel__body" hidden={collapsed}>
        <h2 class="rr-panel__title" data-testid="rr-title">
          {notice.title || 'Avis sans intitulé'}
        </h2>
        {props.origin === 'page' || (props.notes?.length ?? 0) > 0 ? (
          <ul class="rr-notes" role="note">
            {props.origin === 'page' ? <li>Lu sur la page (la fiche structurée n’a pas pu être obtenue).</li> : null}
            {props.notes?.map((n) => <li key={n}>{n}</li>)}
          </ul>
        ) : null}
        <dl class="rr-fields">
          <Field label="Acheteur" en="Buyer" lang={lang} testid="buyer">
            {notice.buyer.name || 'non indiqué'}
          </Field>
          <Field label="Valeur estimée" en="Estimated value" lang={lang} testid="value">
            {notice.estimatedValue ? formatEuros(notice.estimatedValue) : 'non indiquée'}
          </Field>
          <Field label="Date limite" en="Deadline" lang={lang} testid="deadline">
            {notice.deadline ? (
              <>
                {formatDateFr(notice.deadline)}{' '}
                <span class={days !== undefined && days < 0 ? 'rr-days rr-days--past' : 'rr-days'}>({daysLeftText(days)})</span>
                {lang === 'en' ? <span class="rr-en"> {daysLeftText(days, 'en')}</span> : null}
              </>
            ) : (
              'non indiquée'
            )}
          </Field>
          {notice.place.department || notice.place.city ? (
            <Field label="Lieu" en="Place" lang={lang} testid="place">
              {[notice.place.city, notice.place.department ? `département ${notice.place.department}` : undefined].filter(Boolean).join(', ')}
            </Field>
          ) : null}
          {notice.procedure ? (
            <Field label="Procédure" en="Procedure" lang={lang} testid="procedure">
              {notice.procedure}
            </Field>
          ) : null}
          {notice.cpv.length > 0 ? (
            <Field label="Codes CPV" en="CPV codes" lang={lang} testid="cpv">
              <ul class="rr-cpv">
                {notice.cpv.slice(0, 8).map((c) => (
                  <li key={c.code}>
                    <code>{c.code}</code> {c.label ?? ''}
                    {c.main ? <span class="rr-tag">principal</span> : null}
                  </li>
                ))}
              </ul>
            </Field>
          ) : null}
        </dl>
        {notice.lots.length > 0 ? (
          <>
            <h3 class="rr-h3">
              Lots ({notice.lots.length}){lang === 'en' ? <span class="rr-en"> / Lots</span> : null}
            </h3>
            <LotsTable lots={notice.lots} assessments={assessment.lots} />
          </>
        ) : null}
        <h3 class="rr-h3">
          Pourquoi ce verdict{lang === 'en' ? <span class="rr-en"> / Why</span> : null}
        </h3>
        <FlagList
          flags={assessment.flags}
          lang={lang}
          lotTitle={lotTitle}
          {...(props.onQuote ? { onQuote: props.onQuote } : {})}
          {...(props.quoteOnPage ? { quoteOnPage: props.quoteOnPage } : {})}
        />
        <footer class="rr-panel__foot">
          {props.watch ? <WatchButton {...props.watch} /> : null}
          {links.map((l) => (
            <a key={l.href} class="rr-link" href={l.href} target="_blank" rel="noopener noreferrer">
              {l.text}
            </a>
          ))}
        </footer>
        <p class="rr-muted rr-small" title={REGIE_TEXT}>
          Score {Math.round(assessment.score)}/100 pour une Régie de Quartier
          {assessment.judgedAt ? `, règles en vigueur le ${formatDateFr(assessment.judgedAt)}` : ''}.
        </p>
      </div>
    </section>
  );
}
