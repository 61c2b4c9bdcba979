import { describe, expect, it } from 'vitest';
import { NoticeSchema } from '@/lib/notice/schema';
import { cleDceFrom, marchesSecurisesSource } from '@/lib/sources/marches-securises';
import { loadFixture, parseHtml } from '../portal-page/load-fixture';

// No marches-securises.fr page was found saved anywhere: synthetic pages only (see test/fixtures/SOURCES.md).
const LIST = new URL('https://www.marches-securises.fr/entreprise/?module=liste_consultations&presta=;services;travaux');

describe('marches-securises.fr list (synthetic)', () => {
  it('gives one row per consultation with buyer, département, nature, procedure, dates and the social-criteria picto', () => {
    const doc = loadFixture('marches-securises/liste_consultations.synthetic.html');
    expect(marchesSecurisesSource.detect(doc, LIST)).toBe('list');
    const items = marchesSecurisesSource.extractList?.(doc, LIST) ?? [];
    expect(items).toHaveLength(2);
    const n = items[0]!.notice;
    expect(NoticeSchema.safeParse(n).success).toBe(true);
    expect(n.id).toBe('marches-securises:ms8f3k2a');
    expect(n.url).toBe('https://www.marches-securises.fr/entreprise/?module=consultation|details&cle_dce=ms8f3k2a&version=QR');
    expect(n.title).toBe('Entretien ménager des parties communes des résidences du quartier Bellevue');
    expect(n.buyer.name).toBe('OPH Exemple Habitat');
    expect(n.place.department).toBe('44');
    expect(n.contractNature).toBe('services');
    expect(n.procedure).toBe('Procédure adaptée');
    expect(n.deadline).toBe('2026-12-11T12:00:00+01:00');
    expect(n.publishedAt).toBe('2026-11-16');
    expect(n.socialSignals).toEqual(['marches-securises:criteres_sociaux']);
    expect(items[1]!.notice.contractNature).toBe('works');
    expect(items[1]!.notice.socialSignals).toEqual([]);
  });

  it('detects a detail page by its module and reads its key', () => {
    const u = new URL('https://www.marches-securises.fr/entreprise/?module=consultation|details&cle_dce=ms8f3k2a&version=QR');
    const doc = parseHtml('<table><tr><td>Objet</td><td>Entretien ménager des parties communes</td></tr><tr><td>Date limite de réception des offres</td><td>11/12/2026 12:00</td></tr></table>');
    expect(marchesSecurisesSource.detect(doc, u)).toBe('notice');
    const n = marchesSecurisesSource.extract(doc, u);
    expect(n.id).toBe('marches-securises:ms8f3k2a');
    expect(n.title).toBe('Entretien ménager des parties communes');
    expect(n.deadline).toBe('2026-12-11T12:00:00+01:00');
    expect(cleDceFrom("javascript:addToFavoris('abc123')")).toBe('abc123');
  });
});
