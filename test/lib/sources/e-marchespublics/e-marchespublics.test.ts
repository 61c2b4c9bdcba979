import { describe, expect, it } from 'vitest';
import { NoticeSchema } from '@/lib/notice/schema';
import { eMarchesPublicsSource, emarchesIdFromUrl } from '@/lib/sources/e-marchespublics';
import { loadFixture } from '../portal-page/load-fixture';

// No e-marchespublics.com page was found saved anywhere: synthetic page only (see test/fixtures/SOURCES.md).
describe('e-marchespublics.com (synthetic)', () => {
  it('reads buyer-site list rows', () => {
    const u = new URL('https://bailleur-exemple.e-marchespublics.com/pack/recherche_d_appels_d_offres_marches_publics_1_aapc_________1.html');
    const doc = loadFixture('e-marchespublics/liste-organisme.synthetic.html');
    expect(eMarchesPublicsSource.detect(doc, u)).toBe('list');
    const items = eMarchesPublicsSource.extractList?.(doc, u) ?? [];
    expect(items).toHaveLength(1);
    const n = items[0]!.notice;
    expect(NoticeSchema.safeParse(n).success).toBe(true);
    expect(n.id).toBe('e-marchespublics:1_20260030');
    expect(n.title).toBe("Travaux de peinture des halls et cages d'escalier - clause sociale d'insertion");
    expect(n.buyer.name).toBe('BAILLEUR EXEMPLE - OPH');
    expect(n.procedure).toBe('Proc.Adapt.');
    expect(n.deadline).toBe('2026-12-08T12:00:00+01:00');
  });

  it('reads ids from both URL families', () => {
    expect(emarchesIdFromUrl(new URL('https://x.e-marchespublics.com/pack/annonce_marche_public_3_778899.html'))).toBe('3_778899');
    expect(emarchesIdFromUrl(new URL('https://www.e-marchespublics.com/appel-offre/ile-de-france/93/bobigny/123456/789'))).toBe('123456_789');
    expect(emarchesIdFromUrl(new URL('https://www.e-marchespublics.com/'))).toBeUndefined();
  });
});
