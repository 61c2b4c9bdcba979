import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SelfCheckApp } from '@/components/SelfCheckApp';
import { callMessage } from '@/lib/messaging/protocol';
import { GetTabNotice } from '@/lib/messaging/watchlist';
import '@/assets/self-check.css';

// Thin entrypoint: injects the browser's DOMParser, downloads, print, and the tab's notice (?tab=<id>&url=<url>,
// as opened from the popup or the panel).
const params = new URLSearchParams(location.search);
const tabId = Number(params.get('tab'));
const tabUrl = params.get('url') ?? undefined;

async function loadTabNotice() {
  if (!Number.isInteger(tabId) || tabId <= 0) return undefined;
  const res = await callMessage(GetTabNotice, { tabId, ...(tabUrl ? { url: tabUrl } : {}) }, (envelope) => browser.runtime.sendMessage(envelope));
  return res.notice;
}

function download(fileName: string, content: string, mime: string) {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const root = document.getElementById('app');
if (root) {
  render(
    <SelfCheckApp
      {...(params.has('tab') ? { loadTabNotice } : {})}
      parseHtml={(html) => new DOMParser().parseFromString(html, 'text/html')}
      download={download}
      print={() => window.print()}
    />,
    root,
  );
}
