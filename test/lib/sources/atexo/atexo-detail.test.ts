import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NoticeSchema } from '@/lib/notice/schema';
import { atexoSource } from '@/lib/sources/atexo';
import { buyerNameFromEntity } from '@/lib/sources/atexo/detail';
import { identityFromUrl, isAtexoDetailUrl } from '@/lib/sources/atexo/identity';
import { sourceForUrl, urlMatchesPattern } from '@/lib/sources/registry';
import { loadFixture, parseHtml } from '../portal-page/load-fixture';

const PLACE = 'https://www.marches-publics.gouv.fr';

function extract(path: string, url: string) {
  const doc = loadFixture(`atexo/${path}`);
  const u = new URL(url);
  return { kind: atexoSource.detect(doc, u), notice: atexoSource.extract(doc, u) };
}

describe('Atexo Symfony detail page (PLACE 2026, real excerpts)', () => {
  it('reads the 2-lot consultation of the Marais poitevin (lots enumerated in Objet)', () => {
    const { kind, notice } = extract(
      'place-2026-symfony/place_2992873_d4t.recap.excerpt.html',
      `${PLACE}/entreprise/consultation/2992873?orgAcronyme=d4t`,
    );
    expect(kind).toBe('notice');
    expect(notice.id).toBe('atexo:www.marches-publics.gouv.fr:d4t:2992873');
    expect(notice.title).toBe(
      'Assistance à maîtrise d’ouvrage pour la conception et la passation de marchés publics de développement d’outils de gestion et de visualisation de données sur l’eau sur le bassin versant Marais poitevin',
    );
    expect(notice.buyer.name).toBe('Etablissement Public du Marais Poitevin');
    expect(notice.deadline).toBe('2026-06-22T12:00:00+02:00');
    expect(notice.procedure).toBe("Appel d'offres ouvert");
    expect(notice.contractNature).toBe('services');
    expect(notice.noticeType).toBe('contract');
    expect(notice.place.department).toBe('85');
    expect(notice.cpv).toEqual([
      { code: '71241000', main: true },
      { code: '48810000', main: false },
      { code: '72222000', main: false },
    ]);
    expect(notice.lots.map((l) => l.id)).toEqual(['1', '2']);
    expect(notice.lots[0]?.title).toBe(
      'AMO pour la conception et la passation d’un marché de développement d’un outil de gestion des prélèvements d’eau pour l’irrigation',
    );
    expect(notice.raw.format).toBe('atexo:symfony');
    expect(NoticeSchema.safeParse(notice).success).toBe(true);
  });

  it('reads the id from the inline script when the URL does not carry it, and decodes double-escaped quotes', () => {
    const { notice } = extract('place-2026-symfony/place_2986378_f2h.recap.excerpt.html', `${PLACE}/app.php/consultation`);
    expect(notice.id).toBe('atexo:www.marches-publics.gouv.fr:f2h:2986378');
    expect(notice.buyer.name).toBe('UdL - COMUE "Université de Lyon"');
    expect(notice.title).toBe("Fourniture d'une solution de gestion pédagogique des doctorants");
    expect(notice.deadline).toBe('2026-06-12T12:00:00+02:00');
    expect(notice.cpv).toEqual([{ code: '72260000', main: true }]);
    expect(notice.place.department).toBe('69');
    expect(notice.lots).toEqual([]);
  });

  it('reads the Shom consultation (two CPV, Finistère)', () => {
    const { notice } = extract(
      'place-2026-symfony/place_2956468_g7h.recap.excerpt.html',
      `${PLACE}/entreprise/consultation/2956468?orgAcronyme=g7h`,
    );
    expect(notice.title).toBe('Maintien en conditions opérationnelles et de sécurité du Digital Workplace Odyssée du Shom');
    expect(notice.buyer.name).toBe('Service hydrographique et océanographique de la Marine');
    expect(notice.deadline).toBe('2026-06-18T09:00:00+02:00');
    expect(notice.cpv.map((c) => c.code)).toEqual(['72267000', '72200000']);
    expect(notice.place.department).toBe('29');
  });
});

describe('Atexo Symfony recap fragments (PLACE Aug. 2020, real)', () => {
  it('reads the CHRU Strasbourg consultation with 11 lots behind the popup', () => {
    const { kind, notice } = extract('place-2020-symfony/T455722267.html', `${PLACE}/entreprise/consultation/1?orgAcronyme=x`);
    expect(kind).toBe('notice');
    expect(notice.title).toBe(
      'Prestations de service juridique pour le compte du Groupement Hospitalier de Territoire Basse Alsace Sud Moselle',
    );
    expect(notice.buyer.name).toBe('CHRU STRASBOURG');
    expect(notice.deadline).toBe('2020-09-18T12:00:00+02:00');
    expect(notice.procedure).toBe('Procédure adaptée');
    expect(notice.cpv).toEqual([
      { code: '79100000', main: true },
      { code: '79110000', main: false },
    ]);
    expect(notice.place.department).toBe('67');
    // The count is on the page, the titles are not: no invented lots, a warning instead.
    expect(notice.lots).toEqual([]);
    expect(notice.raw.warnings?.join(' ')).toMatch(/11 lots/);
  });

  it('keeps the "insertion professionnelle" subject in the text without inventing a structured marker (trap page)', () => {
    const { notice } = extract('place-2020-symfony/T455753506.html', `${PLACE}/entreprise/consultation/1`);
    expect(notice.title).toMatch(/^Prestations de service d'insertion professionnelle de type "Evaluation par simulation/);
    expect(notice.place.department).toBe('972');
    expect(notice.cpv).toEqual([{ code: '85312300', main: true }]);
    expect(notice.socialSignals).toEqual([]);
    expect(notice.reserved).toBe('unknown');
    expect(notice.fullText).toContain('insertion professionnelle');
  });

  it('reads every one of the 19 fragments into a valid Notice with title, buyer, deadline and a main CPV', () => {
    const files = readdirSync(new URL('../../../fixtures/atexo/place-2020-symfony/', import.meta.url));
    expect(files).toHaveLength(19);
    for (const f of files) {
      const { kind, notice } = extract(`place-2020-symfony/${f}`, `${PLACE}/entreprise/consultation/1`);
      expect(kind, f).toBe('notice');
      expect(NoticeSchema.safeParse(notice).success, f).toBe(true);
      expect(notice.title.length, f).toBeGreaterThan(10);
      expect(notice.buyer.name.length, f).toBeGreaterThan(3);
      expect(notice.deadline, f).toMatch(/^2020-0[89]-\d\dT\d\d:\d\d:00\+02:00$/);
      expect(notice.cpv.filter((c) => c.main), f).toHaveLength(1);
    }
  });
});

describe('Atexo Prado DCE pages (PLACE 2020, real, full pages)', () => {
  it('reads the GHT de l’Artois consultation by Prado id suffixes', () => {
    const { kind, notice } = extract(
      'place-2020-prado/place_dce_625746_x7c__doc35692049.html',
      `${PLACE}/index.php?page=entreprise.EntrepriseDemandeTelechargementDce&refConsultation=625746&orgAcronyme=x7c`,
    );
    expect(kind).toBe('notice');
    expect(notice.id).toBe('atexo:www.marches-publics.gouv.fr:x7c:625746');
    expect(notice.raw.format).toBe('atexo:prado');
    expect(notice.title).toBe("AOO Prestations d'assurance Risques Statutaires pour les 4 Etablissements du GHT de l'Artois");
    expect(notice.buyer.name).toBe('CH BETHUNE - service marchés');
    expect(notice.deadline).toBe('2020-09-16T12:00:00+02:00');
    expect(notice.contractNature).toBe('services');
    expect(notice.cpv).toEqual([{ code: '66512000', main: true }]);
    expect(notice.place.department).toBe('62');
    expect(notice.raw.warnings?.join(' ')).toMatch(/4 lots/);
    // The DCE download form around the recap is not part of the notice text.
    expect(notice.fullText).not.toMatch(/Souhaitez-vous/i);
  });

  it('reads the restricted procedure of ESID Bordeaux (no lots, "FRANCE" as place)', () => {
    const { notice } = extract(
      'place-2020-prado/place_dce_624048_g7h__doc35664719.html',
      `${PLACE}/index.php?page=entreprise.EntrepriseDemandeTelechargementDce&refConsultation=624048&orgAcronyme=g7h`,
    );
    expect(notice.title).toBe("(16) Accord-cadre à bons de commande pour la maintenance des GTB et GTC de la base de défense d'Angoulême");
    expect(notice.procedure).toBe('Appel d\'offres restreint');
    expect(notice.deadline).toBe('2020-09-29T16:00:00+02:00');
    expect(notice.cpv).toEqual([{ code: '35113000', main: true }]);
    expect(notice.place).toEqual({});
    expect(notice.lots).toEqual([]);
  });

  it('reads the 10-lot paratonnerres consultation (Procédure adaptée, 7 départements, first kept)', () => {
    const { notice } = extract(
      'place-2020-prado/place_dce_614611_f5j__doc35664769.html',
      `${PLACE}/index.php?page=entreprise.EntrepriseDemandeTelechargementDce&refConsultation=614611&orgAcronyme=f5j`,
    );
    expect(notice.title).toBe("Maintenance des paratonnerres des monuments historiques appartenant à l'Etat en ARA");
    expect(notice.deadline).toBe('2020-09-08T15:30:00+02:00');
    expect(notice.cpv).toEqual([{ code: '31216200', main: true }]);
    expect(notice.place.department).toBe('15');
    expect(notice.raw.warnings?.join(' ')).toMatch(/10 lots/);
  });

  it('reads the APHP subsequent contract (supplies)', () => {
    const { notice } = extract(
      'place-2020-prado/place_dce_625893_x7c__doc35692083.html',
      `${PLACE}/index.php?page=entreprise.EntrepriseDemandeTelechargementDce&refConsultation=625893&orgAcronyme=x7c`,
    );
    expect(notice.contractNature).toBe('supplies');
    expect(notice.procedure).toBe('Procédure de passation des marchés subséquents');
    expect(notice.deadline).toBe('2020-09-04T16:00:00+02:00');
    expect(notice.buyer.name).toBe('Direction des achats');
  });
});

describe('Atexo URLs and hosts', () => {
  it('reads ids from every URL shape (both casings, refConsultation/id, orgAccronyme with two c)', () => {
    expect(identityFromUrl(new URL(`${PLACE}/entreprise/consultation/2992873?orgAcronyme=d4t`))).toEqual({ consultationId: '2992873', org: 'd4t' });
    expect(identityFromUrl(new URL(`${PLACE}/app.php/entreprise/consultation/2992873`))).toEqual({ consultationId: '2992873' });
    expect(identityFromUrl(new URL('https://marches.maximilien.fr/index.php?page=Entreprise.EntrepriseDetailsConsultation&id=512&orgAcronyme=a1b'))).toEqual({ consultationId: '512', org: 'a1b' });
    expect(identityFromUrl(new URL(`${PLACE}/?page=entreprise.EntrepriseDetailsConsultation&refConsultation=625746&orgAcronyme=x7c`))).toEqual({ consultationId: '625746', org: 'x7c' });
    expect(identityFromUrl(new URL(`${PLACE}/?page=Entreprise.PopUpDetailLots&orgAccronyme=d4t&id=2992873`))).toEqual({ consultationId: '2992873', org: 'd4t' });
    expect(isAtexoDetailUrl(new URL(`${PLACE}/index.php?page=Entreprise.EntrepriseDetailsConsultation&id=1`))).toBe(true);
    expect(isAtexoDetailUrl(new URL(`${PLACE}/?page=entreprise.EntrepriseDetailConsultation&refConsultation=1`))).toBe(true);
    expect(isAtexoDetailUrl(new URL(`${PLACE}/?page=Entreprise.EntrepriseAdvancedSearch&AllCons`))).toBe(false);
  });

  it('matches PLACE, Maximilien, Mégalis, a local-trust instance and plateformes.csv hosts, not other sites', () => {
    const m = (u: string) => atexoSource.matches.some((p) => urlMatchesPattern(new URL(u), p));
    expect(m(`${PLACE}/entreprise/consultation/2992873?orgAcronyme=d4t`)).toBe(true);
    expect(m('https://marches.maximilien.fr/index.php?page=Entreprise.EntrepriseDetailsConsultation&id=1&orgAcronyme=a')).toBe(true);
    expect(m('https://marches.megalis.bretagne.bzh/?page=entreprise.EntrepriseAdvancedSearch&AllCons')).toBe(true);
    expect(m('https://marches-vendeehabitat.local-trust.com/entreprise/consultation/1')).toBe(true);
    expect(m('https://marchespublics.nantesmetropole.fr/entreprise/consultation/1')).toBe(true);
    expect(m('https://webmarche.adullact.org/')).toBe(true);
    expect(m('https://www.boamp.fr/pages/avis/?q=idweb:24-1')).toBe(false);
    expect(m('https://evil.example/marches-publics.gouv.fr/')).toBe(false);
  });

  it('is the source chosen for a PLACE URL once registered', () => {
    expect(sourceForUrl(new URL(`${PLACE}/entreprise/consultation/2992873?orgAcronyme=d4t`), [atexoSource])?.id).toBe('atexo');
  });

  it('strips only codes in front of the purchasing entity name', () => {
    expect(buyerNameFromEntity('ESMS / 67 CHRU - CHRU STRASBOURG')).toBe('CHRU STRASBOURG');
    expect(buyerNameFromEntity('MC / DRAC / DRAC Auvergne - Rhône Alpes - Direction Régionale')).toBe('DRAC Auvergne - Rhône Alpes - Direction Régionale');
  });
});

describe('Atexo robustness', () => {
  it('does not detect an unrelated page and never throws on junk', () => {
    const u = new URL(`${PLACE}/`);
    expect(atexoSource.detect(parseHtml('<html><body><h1>Accueil</h1></body></html>'), u)).toBeNull();
    const n = atexoSource.extract(parseHtml('<div id="recap-consultation"><label>Référence :</label></div>'), u);
    expect(NoticeSchema.safeParse(n).success).toBe(true);
    expect(n.raw.warnings?.length).toBeGreaterThan(0);
  });

  it('emits Atexo social markers from pictograms and labelled rows', () => {
    const doc = parseHtml(`<div id="recap-consultation">
      <label>Référence :</label><span>X</span>
      <label>Clause sociale :</label><span>Oui - insertion comme condition d'exécution</span>
      <img alt="Marché réservé aux ateliers protégés" src="x.gif"></div>`);
    const n = atexoSource.extract(doc, new URL(`${PLACE}/entreprise/consultation/5`));
    expect(n.socialSignals.sort()).toEqual(
      ['atexo:clause_sociale', 'atexo:clause_sociale_ateliers_proteges', 'atexo:clause_sociale_condition_execution', 'atexo:clause_sociale_insertion'].sort(),
    );
  });
});
