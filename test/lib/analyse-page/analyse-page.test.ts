import { describe, expect, it } from 'vitest';
import type { Notice } from '@/lib/notice/schema';
import type { AssessedNotice } from '@/lib/messaging/records';
import type { NoticeLoadResult } from '@/lib/overlay/load-notice';
import type { ListItem } from '@/lib/sources/types';
import { evaluate } from '@/lib/rules';
import { PAGE_SOURCES } from '@/lib/sources/registry';
import { readPage } from '@/lib/analyse-page/read-page';
import { analyseDocument, linkedBoampId } from '@/lib/analyse-page/analyse-in-page';
import { analyseActiveTab } from '@/lib/analyse-page/run-in-tab';
import { parseAnalyseResult } from '@/lib/analyse-page/result';
import { PORTAL_MATCHES, PORTAL_SOURCES } from '@/lib/analyse-page/portal-sources';
import { loadFixture, parseHtml } from '../sources/portal-page/load-fixture';

const assessLocally = async (notices: Notice[]): Promise<AssessedNotice[]> =>
  notices.map((notice) => ({ notice, assessment: evaluate(notice, undefined, '2026-11-25') }));

function fakeMount() {
  const shown: { notice?: NoticeLoadResult; rows?: ListItem[] } = {};
  return {
    shown,
    mount: {
      notice: async (load: () => Promise<NoticeLoadResult>) => {
        shown.notice = await load();
      },
      list: async (readRows: () => ListItem[]) => {
        shown.rows = readRows();
      },
    },
  };
}

describe('readPage', () => {
  it('uses the dedicated source of the URL (real PLACE page)', () => {
    const doc = loadFixture('atexo/place-2026-symfony/place_2992873_d4t.recap.excerpt.html');
    const r = readPage(doc, new URL('https://www.marches-publics.gouv.fr/entreprise/consultation/2992873?orgAcronyme=d4t'), { sources: PORTAL_SOURCES });
    expect(r.kind).toBe('notice');
    expect(r.kind === 'notice' && r.notice.source).toBe('atexo');
  });

  it('recognises an Atexo page on an unknown host by its signature, and falls back to the text source elsewhere', () => {
    const doc = loadFixture('atexo/place-2020-prado/place_dce_625746_x7c__doc35692049.html');
    const onUnknownHost = readPage(doc, new URL('https://marches.example-collectivite.fr/index.php?page=x'), {
      sources: PAGE_SOURCES,
      bySignature: true,
      textFallback: true,
    });
    expect(onUnknownHost.kind === 'notice' && onUnknownHost.source).toBe('atexo');
    const plain = parseHtml(`<html><head><title>Avis</title></head><body><h1>Entretien des espaces verts de la résidence Les Tilleuls</h1>
      <p>Objet du marché : entretien des espaces verts. Date limite de réception des offres : 15/12/2026 à 12h00.
      Procédure adaptée. Code CPV principal : 77310000.</p></body></html>`);
    const fallback = readPage(plain, new URL('https://www.ville-exemple.fr/marches/avis.html'), { sources: PAGE_SOURCES, textFallback: true });
    expect(fallback.kind === 'notice' && fallback.source).toBe('text');
    expect(fallback.kind === 'notice' && fallback.notice.deadline).toBe('2026-12-15T12:00:00+01:00');
  });

  it('says why when nothing is read, and the portals content script reads nothing on a non-notice portal page', () => {
    const r = readPage(parseHtml('<p>Accueil</p>'), new URL('https://www.marches-publics.gouv.fr/'), { sources: PORTAL_SOURCES });
    expect(r.kind).toBe('none');
  });
});

describe('analyseDocument', () => {
  it('assesses a portal notice from the page when it links no BOAMP record', async () => {
    const { shown, mount } = fakeMount();
    const doc = loadFixture('atexo/place-2020-symfony/T455722267.html');
    const res = await analyseDocument(doc, new URL('https://www.marches-publics.gouv.fr/entreprise/consultation/1'), { assess: assessLocally, mount }, { sources: PORTAL_SOURCES });
    expect(res.ok).toBe(true);
    expect(res.ok && res.title).toMatch(/^Prestations de service juridique/);
    expect(shown.notice?.status === 'ready' && shown.notice.origin).toBe('page');
  });

  it('prefers the BOAMP record the AWS page links to, and falls back to the page when the record is missing', async () => {
    const doc = loadFixture('aws/MPI-pub-2024110345.AAPCGenere.excerpt.html');
    const url = new URL('https://www.marches-publics.info/Annonces/MPI-pub-2024110345.htm');
    const asked: string[][] = [];
    const record = (await assessLocally([{ ...readPageNotice(doc, url), source: 'boamp', id: '24-47259' }]))[0]!;
    const a = fakeMount();
    const withRecord = await analyseDocument(
      doc,
      url,
      { assess: assessLocally, boampRecords: async (ids) => (asked.push(ids), { found: [record], errors: [] }), mount: a.mount },
      { sources: PORTAL_SOURCES },
    );
    expect(asked).toEqual([['24-47259']]);
    expect(withRecord.ok && withRecord.source).toBe('boamp');
    expect(a.shown.notice?.status === 'ready' && a.shown.notice.origin).toBe('record');
    const b = fakeMount();
    const withoutRecord = await analyseDocument(doc, url, { assess: assessLocally, boampRecords: async () => ({ found: [], errors: ['API indisponible'] }), mount: b.mount }, { sources: PORTAL_SOURCES });
    expect(withoutRecord.ok && withoutRecord.source).toBe('aws');
    expect(b.shown.notice?.status === 'ready' && b.shown.notice.notes).toContain('API indisponible');
  });

  it('badges every row of a list page', async () => {
    const { shown, mount } = fakeMount();
    const res = await analyseDocument(loadFixture('aws/aws-lister.synthetic.html'), new URL('https://www.marches-publics.info/Annonces/lister'), { assess: assessLocally, mount }, { sources: PORTAL_SOURCES });
    expect(res).toMatchObject({ ok: true, kind: 'list', rows: 3 });
    expect(shown.rows?.map((r) => r.notice.id)).toEqual(['aws:MPI-pub-2026000001', 'aws:MPI-pub-2026000002', 'aws:MPI-pub-2024110345']);
  });

  it('reads the link to BOAMP recorded by the portal sources', () => {
    const n = readPageNotice(loadFixture('aws/MPI-pub-2024172167.AAPCGenere.excerpt.html'), new URL('https://www.marches-publics.info/Annonces/MPI-pub-2024172167.htm'));
    expect(linkedBoampId(n)).toBe('24-71872');
  });
});

function readPageNotice(doc: Document, url: URL): Notice {
  const r = readPage(doc, url, { sources: PORTAL_SOURCES });
  if (r.kind !== 'notice') throw new Error('expected a notice');
  return r.notice;
}

describe('popup side', () => {
  it('injects the unlisted script into the active tab and parses its answer', async () => {
    const calls: [number, string][] = [];
    const ok = await analyseActiveTab({
      activeTab: async () => ({ id: 7, url: 'https://www.ville-exemple.fr/avis.html' }),
      executeFile: async (tabId, file) => {
        calls.push([tabId, file]);
        return [{ result: { ok: true, source: 'text', kind: 'notice', title: 'Entretien', buyer: 'Ville', verdict: 'maybe', score: 40, reasons: [] } }];
      },
    });
    expect(calls).toEqual([[7, '/analyse-page.js']]);
    expect(ok).toMatchObject({ ok: true, verdict: 'maybe' });
  });

  it('refuses browser pages and reports script failures in French', async () => {
    const never = async () => {
      throw new Error('should not run');
    };
    expect(await analyseActiveTab({ activeTab: async () => ({ id: 1, url: 'chrome://extensions/' }), executeFile: never })).toMatchObject({ ok: false });
    const failed = await analyseActiveTab({
      activeTab: async () => ({ id: 1, url: 'https://x.fr/' }),
      executeFile: async () => {
        throw new Error('Cannot access contents of the page');
      },
    });
    expect(failed.ok === false && failed.reason).toMatch(/^Analyse impossible sur cette page/);
    expect(parseAnalyseResult({ nonsense: true }).ok).toBe(false);
  });

  it('the content script only asks for the portal hosts', () => {
    expect(PORTAL_MATCHES.every((p) => /^\*:\/\/[a-z0-9*.-]+\/\*$/.test(p))).toBe(true);
    expect(PORTAL_MATCHES).not.toContain('<all_urls>');
    expect(PORTAL_MATCHES.some((p) => p.includes('*.*'))).toBe(false);
  });
});

describe('readPage by signature', () => {
  it('does not let a label-based source claim a buyer page on an unknown host (text source instead)', () => {
    const doc = parseHtml(`<table><tr><td>Intitulé de la consultation</td><td>Nettoyage des vitres de la mairie</td></tr>
      <tr><td>Date limite de remise des plis</td><td>12/12/2026 12:00</td></tr></table>`);
    const r = readPage(doc, new URL('https://www.mairie-exemple.fr/marches/1'), { sources: PAGE_SOURCES, bySignature: true, textFallback: true });
    expect(r.kind === 'notice' && r.source).toBe('text');
  });
});
