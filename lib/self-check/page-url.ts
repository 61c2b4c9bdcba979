/**
 * Path of the self-check extension page for a tab ("Vérifier (acheteur)" link): the page asks the background for the
 * notice recorded for that tab (GetTabNotice), and only if the tab still shows `url`. Callers wrap it with
 * `browser.runtime.getURL(...)` and open it in a new tab.
 */
// The template type is what WXT's typed `browser.runtime.getURL` accepts for this page.
export function selfCheckPagePath(tab?: { id?: number; url?: string }): `/self-check.html${string}` {
  const params = new URLSearchParams();
  if (tab?.id !== undefined && Number.isInteger(tab.id) && tab.id > 0) params.set('tab', String(tab.id));
  if (tab?.url && params.has('tab')) params.set('url', tab.url);
  const q = params.toString();
  return `/self-check.html${q ? `?${q}` : ''}`;
}
