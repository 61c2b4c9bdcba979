import { describe, expect, it } from 'vitest';
import { boampNoticeUrl, boampPageKind, idwebFromBoampUrl, idwebFromHref } from '@/lib/overlay/boamp-url';

const u = (s: string) => new URL(s);

describe('boamp.fr URLs', () => {
  it('reads the idweb from every notice URL shape', () => {
    // url_avis of the API (no quotes), site links (quoted, no slash), scrapers (%22), legacy detail pages
    expect(idwebFromBoampUrl(u('https://www.boamp.fr/pages/avis/?q=idweb:24-76932'))).toBe('24-76932');
    expect(idwebFromBoampUrl(u('https://www.boamp.fr/pages/avis?q=idweb:"26-12"'))).toBe('26-12');
    expect(idwebFromBoampUrl(u('https://www.boamp.fr/pages/avis/?q=idweb:%2226-5927%22'))).toBe('26-5927');
    expect(idwebFromBoampUrl(u('https://www.boamp.fr/avis/detail/20-102039'))).toBe('20-102039');
    expect(idwebFromBoampUrl(u('https://www.boamp.fr/avis/detail/20-102039/officiel'))).toBe('20-102039');
    expect(idwebFromBoampUrl(u('https://www.boamp.fr/pages/avis/?q=idweb:BXP06181020621O'))).toBe('BXP06181020621O');
  });

  it('refuses other pages and other hosts', () => {
    expect(idwebFromBoampUrl(u('https://www.boamp.fr/pages/recherche/?q=idweb:26-12'))).toBeUndefined();
    expect(idwebFromBoampUrl(u('https://example.org/pages/avis/?q=idweb:26-12'))).toBeUndefined();
    expect(idwebFromBoampUrl(u('https://www.boamp.fr/pages/avis/?q=objet:nettoyage'))).toBeUndefined();
    expect(idwebFromBoampUrl(u('https://www.boamp.fr/avis/detail/not-an-id'))).toBeUndefined();
  });

  it('classifies pages and resolves relative links of the search page', () => {
    expect(boampPageKind(u('https://www.boamp.fr/pages/recherche/?refine.type_marche=SERVICES'))).toBe('list');
    expect(boampPageKind(u('https://www.boamp.fr/pages/avis?q=idweb:"26-12"'))).toBe('notice');
    expect(boampPageKind(u('https://www.boamp.fr/pages/api-boamp/'))).toBeNull();
    expect(idwebFromHref('/pages/avis?q=idweb:"26-63"')).toBe('26-63');
    expect(boampNoticeUrl('26-12')).toBe('https://www.boamp.fr/pages/avis/?q=idweb:26-12');
  });
});
