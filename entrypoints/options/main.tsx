import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from './OptionsApp';
import { callMessage } from '@/lib/messaging/protocol';
import { ApplyMonitoringSettings, RunMonitoringNow } from '@/lib/messaging/monitoring';
import { MONITORING_ORIGINS } from '@/lib/monitoring/background-wiring';
import { getWatchlistDb } from '@/lib/watchlist/db';
import './style.css';

// Thin entrypoint: the page reads/writes the profile and settings in the database; runs go through the background.
const send = (envelope: unknown) => browser.runtime.sendMessage(envelope);
const root = document.getElementById('app');
if (root)
  render(
    <OptionsApp
      db={getWatchlistDb()}
      runNow={() => callMessage(RunMonitoringNow, {}, send)}
      apply={() => callMessage(ApplyMonitoringSettings, {}, send).then(() => undefined)}
      requestHostAccess={() => browser.permissions.request({ origins: [...MONITORING_ORIGINS] })}
    />,
    root,
  );
