import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoticeSchema } from '@/lib/notice/schema';
import { PORTAL_SOURCES } from '@/lib/analyse-page/portal-sources';
import { parseHtml } from './load-fixture';

const URLS = [
  'https://www.marches-publics.gouv.fr/entreprise/consultation/2992873?orgAcronyme=d4t',
  'https://www.marches-publics.info/Annonces/MPI-pub-2024110345.htm',
  'https://www.achatpublic.com/sdm/ent/gen/ent_detail.do?PCSLID=CSL_2026_x',
  'https://www.marches-securises.fr/entreprise/?module=consultation|details&cle_dce=k',
  'https://www.e-marchespublics.com/appel-offre/idf/93/bobigny/1/2',
].map((u) => new URL(u));

const REAL = [
  'atexo/place-2026-symfony/place_2992873_d4t.recap.excerpt.html',
  'atexo/place-2020-prado/place_dce_625746_x7c__doc35692049.html',
  'aws/MPI-pub-2024110345.AAPCGenere.excerpt.html',
].map((p) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8'));

/** Markup pieces the extractors look for, shuffled with random text: hostile, truncated, nonsense pages. */
const piece = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '<div id="recap-consultation">', '<label>Référence :</label>', '<span data-code-cpv="">', '<span data-code-cpv="12">x</span>',
    '<div id="AAPCGenere">', '<table class="AW_TableM"><tr><td><b>Objet</b></td><td>', '<td>N° 1</td>', '</table>', '</div>',
    '<b>Marché réservé :</b> Oui', 'Remise des offres le 31/02/24 à 99h99', '<tr class="tr_identifiant"><th>Référence</th>',
    '<div class="orga"><div class="resultatOrganismeMilieu">', '<a href="/sdm/ent/gen/ent_detail.do?PCSLID=CSL_1">', '<script>x</script>',
    '&amp;quot;', '<img alt="Clause sociale">', 'Lot 1 : ', '60 % : Prix', '<span id="ctl0_CONTENU_PAGE_x_reference">',
  ),
);

describe('portal sources never throw and always give a valid Notice', () => {
  it('on generated hostile pages', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 0, max: URLS.length - 1 }), (parts, u) => {
        const doc = parseHtml(parts.join(''));
        const url = URLS[u]!;
        for (const source of PORTAL_SOURCES) {
          source.detect(doc, url);
          expect(NoticeSchema.safeParse(source.extract(doc, url)).success).toBe(true);
          for (const item of source.extractList?.(doc, url) ?? []) expect(NoticeSchema.safeParse(item.notice).success).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('on real pages cut at random points (truncated downloads)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: REAL.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (i, cut) => {
        const html = REAL[i]!;
        const doc = parseHtml(html.slice(0, Math.floor(html.length * cut)));
        for (const url of URLS) {
          for (const source of PORTAL_SOURCES) expect(NoticeSchema.safeParse(source.extract(doc, url)).success).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });
});
