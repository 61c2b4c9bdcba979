/**
 * Hosts of Atexo LocalTrust MPE instances (PLACE, Maximilien and the regional/local platforms): the one list the
 * Atexo source's `matches` (and so the content script's host access) is generated from. Data, not logic.
 *
 * Origin: ColinMaudry/atexo-decp-scraper `plateformes.csv` (commit 2b604e1d8c627171938add3142b3929e1e5b8dcd,
 * 2022-03-28; copied in /work/shared/corpus/portals/atexo-platforms/, whose `acheteurs/*.json` files name the same
 * platforms) plus the hosts listed in research/portals.md §1.1. "inaccessible" (2022) hosts are kept: a platform that
 * comes back keeps working, and `detect` decides by page signature anyway. `*.local-trust.com` covers Atexo's hosted
 * instances (mpe-*.local-trust.com, marches-*.local-trust.com).
 */
export interface AtexoHost {
  host: string;
  name: string;
  /** Status in plateformes.csv (2022) or where the host comes from. */
  note: string;
}

export const ATEXO_HOSTS: readonly AtexoHost[] = [
  { host: "www.marches-publics.gouv.fr", name: "PLACE — Plate-forme des achats de l'État", note: "research §1.1" },
  { host: "projets-achats.marches-publics.gouv.fr", name: "APProch (projets d'achats de l'État)", note: "research §1.1" },
  { host: "marches.megalis.bretagne.bzh", name: "Mégalis Bretagne", note: "research §1.1" },
  { host: "www.e-megalisbretagne.org", name: "Mégalis Bretagne (ancien nom)", note: "research §1.1" },
  { host: "marches.ternum-bfc.fr", name: "Territoires numériques Bourgogne-Franche-Comté", note: "research §1.1" },
  { host: "marchespublics.auvergnerhonealpes.eu", name: "Auvergne-Rhône-Alpes", note: "research §1.1" },
  { host: "plateforme.alsacemarchespublics.eu", name: "Alsace Marchés Publics", note: "research §1.1" },
  { host: "www.mpe76.fr", name: "Seine-Maritime", note: "research §1.1" },
  { host: "marches.cnes.fr", name: "marches.cnes.fr", note: "accessible" },
  { host: "marchespublics.paysdelaloire.fr", name: "marchespublics.paysdelaloire.fr", note: "accessible" },
  { host: "marchespublics596280.fr", name: "marchespublics596280.fr", note: "accessible" },
  { host: "marchespublics.grandest.fr", name: "marchespublics.grandest.fr", note: "accessible" },
  { host: "marches.departement13.fr", name: "marches.departement13.fr", note: "accessible" },
  { host: "marchespublics.lenord.fr", name: "marchespublics.lenord.fr", note: "accessible" },
  { host: "alsacemarchespublics.eu", name: "alsacemarchespublics.eu", note: "accessible" },
  { host: "marches.maximilien.fr", name: "marches.maximilien.fr", note: "accessible" },
  { host: "mpe-marseille.local-trust.com", name: "mpe-marseille.local-trust.com", note: "accessible" },
  { host: "demat-ampa.fr", name: "demat-ampa.fr", note: "accessible" },
  { host: "achats-consultations.banque-france.fr", name: "achats-consultations.banque-france.fr", note: "accessible" },
  { host: "marches.montpellier3m.fr", name: "marches.montpellier3m.fr", note: "accessible" },
  { host: "plateforme.achat-hopital.com", name: "plateforme.achat-hopital.com", note: "inaccessible" },
  { host: "marchespublics.landespublic.org", name: "marchespublics.landespublic.org", note: "accessible" },
  { host: "aof-formpro.normandie.fr", name: "aof-formpro.normandie.fr", note: "accessible" },
  { host: "marchespublics.ain.fr", name: "marchespublics.ain.fr", note: "accessible" },
  { host: "www.eguadeloupe.com", name: "www.eguadeloupe.com", note: "accessible" },
  { host: "marches.mrs.aero", name: "marches.mrs.aero", note: "accessible" },
  { host: "achats.regioncentre.fr", name: "achats.regioncentre.fr", note: "Remplacée par achats.regioncentre-valdeloire.fr (AWS)" },
  { host: "portail.marchespublics.nc", name: "portail.marchespublics.nc", note: "inaccessible" },
  { host: "marchespublics.gard.fr", name: "marchespublics.gard.fr", note: "accessible" },
  { host: "marchespublics.adm76.com", name: "ADM-76", note: "accessible" },
  { host: "webmarche.adullact.org", name: "Adullact", note: "accessible" },
  { host: "plateforme-achats.anfh.fr", name: "ANFH", note: "accessible" },
  { host: "cas-marseille.local-trust.com", name: "CAS-Marseille", note: "accessible" },
  { host: "mpe-cdl-prod.local-trust.com", name: "CDL", note: "accessible" },
  { host: "marches.cinor.fr", name: "CINOR", note: "accessible" },
  { host: "www.marchespublics.cnfpt.fr", name: "CNFPT", note: "inaccessible" },
  { host: "aof-crpdll-prod.local-trust.com", name: "CPRDLL", note: "accessible" },
  { host: "www.appel-offres.francetelevisions.fr", name: "France-Televisions", note: "accessible" },
  { host: "mpe-gama-prod.local-trust.com", name: "GAMA", note: "inaccessible" },
  { host: "aof-formpro.hautenormandie.fr", name: "Gestion-des-appels-d'offres-de-formation-professionnelle-de-Haute-Normandie", note: "inaccessible" },
  { host: "marchespublics.grandangouleme.fr", name: "Grand-Angouleme", note: "inaccessible" },
  { host: "marchespublics.grand-nancy.org", name: "Grand-Nancy", note: "accessible" },
  { host: "marches-habitatoulouse.local-trust.com", name: "Habitat-Toulouse", note: "inaccessible" },
  { host: "marchespublics.intermed-portail.net", name: "Intermed", note: "inaccessible" },
  { host: "marches.smic-vosges.fr", name: "Plateforme-du-département-des-Vosges", note: "inaccessible" },
  { host: "marches-partenord.local-trust.com", name: "Partenord", note: "inaccessible" },
  { host: "marchesformation.laregion.fr", name: "Plateforme-de-formation-de-la-région-Occitanie", note: "accessible" },
  { host: "marchespublics.ampmetropole.fr", name: "Plateforme-de-la-métropole-Aix-Marseille-Provence", note: "accessible" },
  { host: "marchespublics.nantesmetropole.fr", name: "Plateforme-de-la-métropole-de-Nantes", note: "accessible" },
  { host: "marches.grandreims.fr", name: "Plateforme-de-la-métropole-Grand-Reims", note: "accessible" },
  { host: "marches-publics.regionreunion.com", name: "Plateforme-de-la-Région-Réunion", note: "accessible" },
  { host: "ville-saintpierre.local-trust.com", name: "Plateforme-de-la-ville-de-St-Pierre", note: "inaccessible" },
  { host: "marchespublics.eure.fr", name: "Plateforme-du-département-de-l'Eure", note: "accessible" },
  { host: "marches-publics-manche.fr", name: "Plateforme-du-département-de-la-Manche", note: "inaccessible" },
  { host: "marches57.local-trust.com", name: "Plateforme-du-département-de-la-Moselle", note: "inaccessible" },
  { host: "profilacheteur.meuse.fr", name: "Plateforme-du-département-de-la-Meuse", note: "accessible" },
  { host: "marches.departement86.fr", name: "Plateforme-du-département-de-la-Vienne", note: "accessible" },
  { host: "marches.loire-atlantique.fr", name: "Plateforme-du-département-de-Loire-Atlantique", note: "accessible" },
  { host: "www.webmarche.eu", name: "Plateforme-Ordiges", note: "accessible" },
  { host: "marches.rvvn.org", name: "Plateforme-RVVN", note: "inaccessible" },
  { host: "marchespublics.agglo-porteduhainaut.fr", name: "Porte-du-Hainaut", note: "accessible" },
  { host: "webmarche.solaere.recia.fr", name: "Recia", note: "accessible" },
  { host: "marchespublics.sydne.fr", name: "Sydne", note: "accessible" },
  { host: "mp.tco.re", name: "TCO", note: "accessible" },
  { host: "marches-vendeehabitat.local-trust.com", name: "Vendée-Habitat", note: "accessible" },
];

/** Wildcard host families that are Atexo-only. */
export const ATEXO_WILDCARD_HOSTS: readonly string[] = ['*.local-trust.com'];

/** WebExtension match patterns of every Atexo host (both schemes: a few instances still answer on http). */
export function atexoMatchPatterns(): string[] {
  const hosts = [...ATEXO_HOSTS.map((h) => h.host), ...ATEXO_WILDCARD_HOSTS];
  return [...new Set(hosts)].map((h) => `*://${h}/*`);
}

