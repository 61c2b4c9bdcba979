import { emptyNotice, type Lot, type Notice } from '@/lib/notice/schema';

/** Test notices built from emptyNotice(): a contract notice with the given text and overrides. */
export function makeNotice(fullText: string, over: Partial<Notice> = {}): Notice {
  const n = emptyNotice('text', 'test-1', 'https://example.test/avis/1', 'test');
  return { ...n, noticeType: 'contract', title: 'Avis de test', fullText, publishedAt: '2026-11-20', ...over };
}

export function makeLot(id: string, over: Partial<Lot> = {}): Lot {
  return { id, title: `Lot ${id}`, cpv: [], criteria: [], ...over };
}
