import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/PopupApp';
import { callMessage } from '@/lib/messaging/protocol';
import { GetTabNotice } from '@/lib/messaging/watchlist';
import { getWatchlistDb } from '@/lib/watchlist/db';
import { selfCheckPagePath } from '@/lib/self-check/page-url';
import './style.css';

// Thin entrypoint: injects the browser APIs the popup needs; the popup reads the watchlist database directly.
async function loadTabNotice() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return undefined;
  // tab.url is known when activeTab is granted (the user clicked the toolbar icon): a tab that navigated away is ignored.
  return callMessage(GetTabNotice, { tabId: tab.id, ...(tab.url ? { url: tab.url } : {}) }, (envelope) => browser.runtime.sendMessage(envelope));
}

function openWatchlist(key?: string) {
  void browser.tabs.create({ url: browser.runtime.getURL(`/watchlist.html${key ? `#${encodeURIComponent(key)}` : ''}`) });
  window.close();
}

// The self-check page reads the notice recorded for this tab (and only while the tab still shows the same URL).
async function openSelfCheck() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  await browser.tabs.create({ url: browser.runtime.getURL(selfCheckPagePath(tab)) });
  window.close();
}

const root = document.getElementById('app');
if (root) render(<PopupApp db={getWatchlistDb()} loadTabNotice={loadTabNotice} openWatchlist={openWatchlist} openSelfCheck={() => void openSelfCheck()} />, root);
