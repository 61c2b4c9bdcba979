import { describe, expect, it } from 'vitest';
import { NoticeSchema } from '@/lib/notice/schema';
import { awsSource } from '@/lib/sources/aws';
import { urlMatchesPattern } from '@/lib/sources/registry';
import { loadFixture, parseHtml } from '../portal-page/load-fixture';

const url = (n: string) => new URL(`https://www.marches-publics.info/Annonces/MPI-pub-${n}.htm`);

describe('AWS-Achat notice page (real pages, excerpts of #AAPCGenere)', () => {
  it('reads the Chavenay cleaning-products framework agreement: 2 lots, 4 CPV, weighted criteria, "Marché réservé : Non"', () => {
    const doc = loadFixture('aws/MPI-pub-2024110345.AAPCGenere.excerpt.html');
    expect(awsSource.detect(doc, url('2024110345'))).toBe('notice');
    const n = awsSource.extract(doc, url('2024110345'));
    expect(NoticeSchema.safeParse(n).success).toBe(true);
    expect(n.id).toBe('aws:MPI-pub-2024110345');
    expect(n.title).toBe(
      "Accord-cadre relatif à la fourniture de produits d'entretien, d'hygiène et de petits équipements pour la commune de CHAVENAY (78)",
    );
    expect(n.buyer).toEqual({ name: 'COMMUNE DE CHAVENAY', siret: '21780152100014' });
    expect(n.contractNature).toBe('supplies');
    expect(n.procedure).toBe('Procédure adaptée ouverte');
    expect(n.noticeType).toBe('contract');
    expect(n.place).toEqual({ department: '78', nuts: 'FR103' });
    expect(n.cpv.map((c) => [c.code, c.main])).toEqual([
      ['39224300', true],
      ['33761000', false],
      ['39830000', false],
      ['39831200', false],
    ]);
    expect(n.cpv[1]?.label).toBe('Papier hygiénique');
    expect(n.lots).toEqual([
      { id: '1', title: "Produits d'entretien, d'hygiène", cpv: [{ code: '39830000', main: true }], criteria: [] },
      { id: '2', title: 'Petits matériels', cpv: [{ code: '39224300', main: true }], criteria: [] },
    ]);
    expect(n.criteria.map((c) => [c.type, c.weight])).toEqual([
      ['price', 60],
      ['quality', 30],
      ['environmental', 10],
    ]);
    expect(n.deadline).toBe('2024-05-17T12:00:00+02:00');
    expect(n.publishedAt).toBe('2024-04-19');
    expect(n.reserved).toBe('none');
    expect(n.socialSignals).toEqual([]);
    expect(n.raw.fieldsUsed).toContain('link:boamp:24-47259');
  });

  it('reads the Jouy-Mauvoisin design contract (no reservation row: reserved stays unknown; cost criterion)', () => {
    const n = awsSource.extract(loadFixture('aws/MPI-pub-2024110308.AAPCGenere.excerpt.html'), url('2024110308'));
    expect(n.title).toBe(
      "Marché public de maîtrise d'oeuvre en bâtiment pour l'aménagement d'un dortoir, travaux de chauffage, isolation par l'extérieur d'un immeuble de logements pour la commune de Jouy-Mauvoisin (78) - relance pour infructuosité",
    );
    expect(n.buyer).toEqual({ name: 'COMMUNE DE JOUY MAUVOISIN', siret: '21780324600016' });
    expect(n.contractNature).toBe('services');
    expect(n.cpv).toEqual([{ code: '71310000', main: true, label: "Services de conseil en matière d'ingénierie et de construction" }]);
    expect(n.deadline).toBe('2024-06-03T12:00:00+02:00');
    expect(n.reserved).toBe('unknown');
    expect(n.criteria.map((c) => [c.type, c.weight])).toEqual([
      ['cost', 35],
      ['quality', 30],
      ['quality', 20],
      ['quality', 15],
    ]);
    // "Enveloppe prévisionnelle affectée aux travaux : 282 000 € HT" is the works budget, not the contract's value.
    expect(n.estimatedValue).toBeUndefined();
    expect(n.lots).toEqual([]);
    expect(n.raw.fieldsUsed).toContain('link:boamp:24-46960');
  });

  it('reads the Montoison design contract (Drôme, "Marché réservé : Non", criteria only in the RC)', () => {
    const n = awsSource.extract(loadFixture('aws/MPI-pub-2024172167.AAPCGenere.excerpt.html'), url('2024172167'));
    expect(n.title).toBe("Maîtrise d'oeuvre pour la Création d'une chaufferie bois et d'un réseau de chaleur local - Commune de Montoison");
    expect(n.buyer).toEqual({ name: 'MAIRIE DE MONTOISON', siret: '21260208000013' });
    expect(n.place).toEqual({ department: '26', nuts: 'FRK23' });
    expect(n.cpv).toEqual([{ code: '71300000', main: true, label: "Services d'ingénierie" }]);
    expect(n.deadline).toBe('2024-07-31T18:00:00+02:00');
    expect(n.publishedAt).toBe('2024-06-20');
    expect(n.reserved).toBe('none');
    expect(n.criteria).toEqual([]);
    expect(n.raw.fieldsUsed).toContain('link:boamp:24-71872');
  });

  it('turns a positive "Marché réservé : Oui" into a structured marker (synthetic row, no saved positive page)', () => {
    const doc = parseHtml(`<div id="AAPCGenere"><table class="AW_TableM"><tbody>
      <tr><td><b>Objet</b></td><td><b>Nettoyage des locaux</b></td></tr>
      <tr><td>&nbsp;</td><td><b>Marché réservé :</b> Oui</td></tr>
      <tr><td><b>Clause sociale</b></td><td>Clause d'insertion par l'activité économique</td></tr>
      <tr><td><b>Offres</b></td><td>Remise des offres le <b>02/12/26 à 12h00</b></td></tr></tbody></table></div>`);
    const n = awsSource.extract(doc, url('1'));
    expect(n.socialSignals).toEqual(['aws:marche_reserve:oui', 'aws:clause_sociale']);
    expect(n.reserved).toBe('unknown');
    expect(n.deadline).toBe('2026-12-02T12:00:00+01:00');
  });
});

describe('AWS-Achat result list (synthetic page: no real list was found saved)', () => {
  it('gives one row per notice with title, buyer, département, deadline and link', () => {
    const doc = loadFixture('aws/aws-lister.synthetic.html');
    const u = new URL('https://www.marches-publics.info/Annonces/lister');
    expect(awsSource.detect(doc, u)).toBe('list');
    const items = awsSource.extractList?.(doc, u) ?? [];
    expect(items).toHaveLength(3);
    const first = items[0]?.notice;
    expect(first?.title).toBe(
      "Entretien des espaces verts et nettoyage des abords des résidences - marché réservé aux structures d'insertion par l'activité économique",
    );
    expect(first?.buyer.name).toBe('COMMUNE DE EXEMPLE-SUR-SEINE');
    expect(first?.place.department).toBe('93');
    expect(first?.deadline).toBe('2026-11-30T12:00:00+01:00');
    expect(first?.url).toBe('https://www.marches-publics.info/Annonces/MPI-pub-2026000001.htm');
    expect(items[2]?.notice.id).toBe('aws:MPI-pub-2024110345');
    for (const it of items) expect(NoticeSchema.safeParse(it.notice).success).toBe(true);
  });
});

describe('AWS-Achat hosts', () => {
  it('matches the main site and buyer sub-sites only', () => {
    const m = (u: string) => awsSource.matches.some((p) => urlMatchesPattern(new URL(u), p));
    expect(m('https://www.marches-publics.info/Annonces/MPI-pub-2024110345.htm')).toBe(true);
    expect(m('http://tisseo.marches-publics.info/avis/index.cfm?IDS=12')).toBe(true);
    expect(m('https://www.marches-publics.gouv.fr/entreprise/consultation/1')).toBe(false);
  });

  it('never throws and detects nothing on an unrelated page', () => {
    const doc = parseHtml('<p>Bonjour</p>');
    expect(awsSource.detect(doc, url('1'))).toBeNull();
    expect(NoticeSchema.safeParse(awsSource.extract(doc, url('1'))).success).toBe(true);
  });
});
