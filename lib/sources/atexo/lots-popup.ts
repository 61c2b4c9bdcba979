import type { Lot, Notice } from '@/lib/notice/schema';
import { blockText, safeQueryAll, squeeze } from '@/lib/sources/portal-page/dom-text';
import { cpvCodesIn, lotTitlesIn } from '@/lib/sources/portal-page/fields';
import { socialSignalsIn } from './social-markers';

/**
 * Atexo puts the lots of a consultation behind a popup (`?page=Entreprise.PopUpDetailLots&orgAccronyme=…&id=…`,
 * legacy `index.php?page=commun.PopUpDetailLots&…&refConsultation=…`). The popup is a Prado page whose lots come
 * from a repeater (`…repeaterLots_ctl{N}_…` ids, seen in public scrapers). No popup page was found saved, so the
 * reading is deliberately generic: per repeater item its text ("Lot 1 : …", CPV codes, pictograms), else "Lot N : …"
 * lines of the whole page. Same-origin fetch by the content script (the page's own host), no extra permission.
 */

/** The popup URL of a consultation page, resolved on the page's origin (never another host). */
export function lotsPopupUrl(doc: Document, pageUrl: URL): URL | undefined {
  for (const a of safeQueryAll(doc, 'a[href*="PopUpDetailLots"]')) {
    const href = a.getAttribute('href') ?? '';
    const inner = /popUp\w*\(\s*'([^']+)'/.exec(href)?.[1] ?? href;
    try {
      const url = new URL(inner.replace(/&amp;/g, '&'), pageUrl);
      if (url.origin === pageUrl.origin && /PopUpDetailLots/i.test(url.search)) return url;
    } catch {
      // not a URL: try the next link
    }
  }
  return undefined;
}

/** Lots of a popup page. */
export function parseLotsPopup(doc: Document): { lots: Lot[]; socialSignals: string[] } {
  const groups = new Map<string, Element[]>();
  for (const el of safeQueryAll(doc, '[id*="repeaterLots_ctl"]')) {
    const n = /repeaterLots_ctl(\d+)/.exec(el.id)?.[1];
    if (n === undefined) continue;
    // Keep outermost elements only (their text already holds the nested ones).
    const list = groups.get(n) ?? [];
    if (!list.some((p) => p.contains(el))) groups.set(n, [...list.filter((c) => !el.contains(c)), el]);
  }
  const lots: Lot[] = [];
  const signals = new Set<string>();
  for (const [n, els] of groups) {
    const text = els.map((e) => blockText(e)).join('\n');
    const titled = lotTitlesIn(text)[0];
    const firstLine = squeeze(text.split('\n').find((l) => l.trim() && !/^\d+$/.test(l.trim())) ?? '');
    const id = titled?.id ?? String(Number(n) + 1);
    const title = titled?.title ?? firstLine;
    if (!title) continue;
    const codes = cpvCodesIn(text);
    lots.push({ id, title, cpv: codes.map((code, i) => ({ code, main: i === 0 })), criteria: [] });
    for (const el of els) for (const s of socialSignalsIn(el)) signals.add(s);
  }
  if (lots.length === 0) {
    const body = doc.body ?? doc.documentElement;
    for (const l of lotTitlesIn(blockText(body))) lots.push({ id: l.id, title: l.title, cpv: [], criteria: [] });
    for (const s of socialSignalsIn(doc)) signals.add(s);
  }
  return { lots, socialSignals: [...signals] };
}

/** The notice with the popup's lots when the recap had none (and the popup's social markers). Never throws. */
export async function withPopupLots(
  notice: Notice,
  doc: Document,
  pageUrl: URL,
  fetchPage: (url: URL) => Promise<Document | undefined>,
  timeoutMs = 5_000,
): Promise<Notice> {
  if (notice.source !== 'atexo' || notice.lots.length > 0) return notice;
  const url = lotsPopupUrl(doc, pageUrl);
  if (!url) return notice;
  try {
    // A slow popup must not hold the panel back: after `timeoutMs` the recap's lots (none) are kept.
    const popup = await Promise.race([fetchPage(url), new Promise<undefined>((r) => setTimeout(() => r(undefined), timeoutMs))]);
    if (!popup) return notice;
    const { lots, socialSignals } = parseLotsPopup(popup);
    if (lots.length === 0) return notice;
    return {
      ...notice,
      lots,
      socialSignals: [...new Set([...notice.socialSignals, ...socialSignals])],
      fullText: [notice.fullText, ...lots.map((l) => `Lot ${l.id} : ${l.title}`)].join('\n'),
      raw: {
        ...notice.raw,
        fieldsUsed: [...notice.raw.fieldsUsed, 'PopUpDetailLots'],
        warnings: (notice.raw.warnings ?? []).filter((w) => !/lots popup|PopUpDetailLots/.test(w)),
      },
    };
  } catch {
    return notice;
  }
}
