import { describe, expect, it } from 'vitest';
import { atexoSource } from '@/lib/sources/atexo';
import { lotsPopupUrl, parseLotsPopup, withPopupLots } from '@/lib/sources/atexo/lots-popup';
import { loadFixture, parseHtml } from '../portal-page/load-fixture';

const PLACE = 'https://www.marches-publics.gouv.fr';

describe('Atexo lots popup', () => {
  it('finds the popup link of real pages (Symfony popUpSetSize, Prado popUp), on the page origin only', () => {
    const sym = loadFixture('atexo/place-2026-symfony/place_2992873_d4t.recap.excerpt.html');
    expect(lotsPopupUrl(sym, new URL(`${PLACE}/entreprise/consultation/2992873?orgAcronyme=d4t`))?.href).toBe(
      `${PLACE}/?page=Entreprise.PopUpDetailLots&orgAccronyme=d4t&id=2992873`,
    );
    const prado = loadFixture('atexo/place-2020-prado/place_dce_625746_x7c__doc35692049.html');
    expect(lotsPopupUrl(prado, new URL(`${PLACE}/index.php?page=entreprise.EntrepriseDemandeTelechargementDce&refConsultation=625746&orgAcronyme=x7c`))?.href).toBe(
      `${PLACE}/index.php?page=commun.PopUpDetailLots&orgAccronyme=x7c&refConsultation=625746&lang=fr`,
    );
    // 2020 Symfony fragments print the count without a link.
    expect(lotsPopupUrl(loadFixture('atexo/place-2020-symfony/T455722267.html'), new URL(`${PLACE}/entreprise/consultation/1`))).toBeUndefined();
    const foreign = parseHtml(`<a href="javascript:popUp('https://evil.example/?page=commun.PopUpDetailLots&id=1')">x</a>`);
    expect(lotsPopupUrl(foreign, new URL(`${PLACE}/entreprise/consultation/1`))).toBeUndefined();
  });

  it('reads lots per repeater item (synthetic popup: no real one was found saved)', () => {
    const { lots, socialSignals } = parseLotsPopup(loadFixture('atexo/popup-detail-lots.synthetic.html'));
    expect(lots.map((l) => [l.id, l.title])).toEqual([
      ['1', 'Nettoyage des locaux administratifs'],
      ['2', 'Entretien des espaces verts'],
      ['3', 'Vitrerie'],
      ['4', 'Désinfection'],
    ]);
    expect(lots[0]?.cpv).toEqual([{ code: '90910000', main: true }]);
    expect(socialSignals.sort()).toEqual(['atexo:clause_sociale', 'atexo:clause_sociale_insertion']);
  });

  it('fills the lots of the real Prado page from the popup, and keeps the notice when the popup fails or stalls', async () => {
    const url = new URL(`${PLACE}/index.php?page=entreprise.EntrepriseDemandeTelechargementDce&refConsultation=625746&orgAcronyme=x7c`);
    const doc = loadFixture('atexo/place-2020-prado/place_dce_625746_x7c__doc35692049.html');
    const notice = atexoSource.extract(doc, url);
    expect(notice.lots).toEqual([]);
    const asked: string[] = [];
    const popup = loadFixture('atexo/popup-detail-lots.synthetic.html');
    const filled = await withPopupLots(notice, doc, url, async (u) => (asked.push(u.href), popup));
    expect(asked).toEqual([`${PLACE}/index.php?page=commun.PopUpDetailLots&orgAccronyme=x7c&refConsultation=625746&lang=fr`]);
    expect(filled.lots).toHaveLength(4);
    expect(filled.raw.fieldsUsed).toContain('PopUpDetailLots');
    expect(filled.raw.warnings ?? []).not.toContainEqual(expect.stringMatching(/lots popup/));
    expect(await withPopupLots(notice, doc, url, async () => Promise.reject(new Error('403')))).toBe(notice);
    expect(await withPopupLots(notice, doc, url, () => new Promise(() => undefined), 20)).toBe(notice);
  });
});
