import { render } from 'preact';
import { WatchlistApp } from '@/components/WatchlistApp';
import { getWatchlistDb } from '@/lib/watchlist/db';
import './style.css';

// Thin entrypoint: the page reads the watchlist database directly (extension origin). #<source:id> opens a notice.
const initialKey = location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : undefined;
const root = document.getElementById('app');
if (root) render(<WatchlistApp db={getWatchlistDb()} {...(initialKey ? { initialKey } : {})} />, root);
