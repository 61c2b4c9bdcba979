import { describe, expect, it } from 'vitest';
import { NoticeSchema } from '@/lib/notice/schema';
import { atexoSource } from '@/lib/sources/atexo';
import { loadFixture } from '../portal-page/load-fixture';

// No French Atexo result list was found saved: the page is synthetic, with the row structure of a real Prado results
// table of the same engine (see the fixture's header and test/fixtures/SOURCES.md).
describe('Atexo Prado result list (synthetic)', () => {
  const url = new URL('https://marches.maximilien.fr/?page=entreprise.EntrepriseAdvancedSearch&AllCons');
  const doc = loadFixture('atexo/prado-resultats.synthetic.html');

  it('is a list, one row per consultation, header row excluded', () => {
    expect(atexoSource.detect(doc, url)).toBe('list');
    expect(atexoSource.extractList?.(doc, url)).toHaveLength(2);
  });

  it('reads id, title (the Objet when the intitulé holds only the reference), buyer, category, place, deadline, link', () => {
    const [first, second] = (atexoSource.extractList?.(doc, url) ?? []).map((i) => i.notice);
    expect(NoticeSchema.safeParse(first).success).toBe(true);
    expect(first?.id).toBe('atexo:marches.maximilien.fr:a1b:2990001');
    expect(first?.title).toBe('Entretien des espaces verts et nettoyage des abords des résidences du quartier des Tilleuls');
    expect(first?.buyer.name).toBe("Office public de l'habitat Exemple (93)");
    expect(first?.contractNature).toBe('services');
    expect(first?.place.department).toBe('93');
    expect(first?.deadline).toBe('2026-12-04T12:00:00+01:00');
    expect(first?.url).toBe('https://marches.maximilien.fr/?page=entreprise.EntrepriseDetailConsultation&refConsultation=2990001&orgAcronyme=a1b');
    expect(second?.title).toBe('Fourniture de postes informatiques');
    expect(second?.contractNature).toBe('supplies');
  });

  it('turns the row social pictogram into Atexo markers, not the header legend', () => {
    const [first, second] = (atexoSource.extractList?.(doc, url) ?? []).map((i) => i.notice);
    expect(first?.socialSignals.sort()).toEqual(['atexo:clause_sociale', 'atexo:clause_sociale_insertion']);
    expect(second?.socialSignals).toEqual([]);
  });
});
