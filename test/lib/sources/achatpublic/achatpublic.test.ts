import { describe, expect, it } from 'vitest';
import { NoticeSchema } from '@/lib/notice/schema';
import { achatpublicSource, pcslidFrom } from '@/lib/sources/achatpublic';
import { urlMatchesPattern } from '@/lib/sources/registry';
import { loadFixture, parseHtml } from '../portal-page/load-fixture';

// No achatpublic.com page was found saved anywhere: these tests use a synthetic page (see test/fixtures/SOURCES.md).
const URL_DETAIL = new URL('https://www.achatpublic.com/sdm/ent/gen/ent_detail.do?PCSLID=CSL_2026_4644hBiweX');

describe('achatpublic.com detail page (synthetic)', () => {
  it('reads the labelled rows over the text source', () => {
    const doc = loadFixture('achatpublic/ent_detail.synthetic.html');
    expect(achatpublicSource.detect(doc, URL_DETAIL)).toBe('notice');
    const n = achatpublicSource.extract(doc, URL_DETAIL);
    expect(NoticeSchema.safeParse(n).success).toBe(true);
    expect(n.source).toBe('achatpublic');
    expect(n.id).toBe('achatpublic:CSL_2026_4644hBiweX');
    expect(n.title).toBe('Nettoyage des locaux municipaux et entretien des espaces verts');
    expect(n.buyer.name).toBe("Ville d'Exemple-la-Rivière");
    expect(n.procedure).toBe('Procédure adaptée');
    expect(n.contractNature).toBe('services');
    expect(n.deadline).toBe('2026-12-17T12:00:00+01:00');
    expect(n.place.department).toBe('93');
    expect(n.fullText).toContain("structures d'insertion par l'activité économique");
  });

  it('reads PCSLID from URLs and matches buyer sub-domains', () => {
    expect(pcslidFrom('?PCSLID=CSL_2026_cd4RDXKGRr&v=1')).toBe('CSL_2026_cd4RDXKGRr');
    const m = (u: string) => achatpublicSource.matches.some((p) => urlMatchesPattern(new URL(u), p));
    expect(m('https://gpsea.achatpublic.com/sdm/ent/gen/ent_detail.do?PCSLID=X')).toBe(true);
    expect(m('https://www.achatpublic.fr/')).toBe(false);
  });

  it('finds result rows around detail links and never throws on junk', () => {
    const doc = parseHtml(`<table>
      <tr><td><a href="/sdm/ent/gen/ent_detail.do?PCSLID=CSL_2026_aaaaaaaaaa">Entretien des espaces verts de la commune</a></td><td>Date limite : 12/12/2026 12:00</td></tr>
      <tr><td><a href="/sdm/ent/gen/ent_detail.do?PCSLID=CSL_2026_bbbbbbbbbb">Fourniture de mobilier scolaire pour les écoles</a></td><td>Date limite : 15/12/2026 16:00</td></tr></table>`);
    const u = new URL('https://www.achatpublic.com/sdm/ent/gen/ent_recherche.do');
    expect(achatpublicSource.detect(doc, u)).toBe('list');
    const items = achatpublicSource.extractList?.(doc, u) ?? [];
    expect(items.map((i) => i.notice.id)).toEqual(['achatpublic:CSL_2026_aaaaaaaaaa', 'achatpublic:CSL_2026_bbbbbbbbbb']);
    expect(items[0]?.notice.deadline).toBe('2026-12-12T12:00:00+01:00');
    expect(items[0]?.element.tagName.toLowerCase()).toBe('tr');
    expect(NoticeSchema.safeParse(achatpublicSource.extract(parseHtml('<p>x</p>'), u)).success).toBe(true);
  });
});
