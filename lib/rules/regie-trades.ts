import type { Trade } from './profile';

/**
 * Régie trade families (research/rules.md §4.1, R19): CPV prefixes and object keywords (normalised text).
 * Keywords are read in the notice's object texts (title, description, lot titles/descriptions), never in the whole
 * page: "médiation" or "collecte" also occur in every notice's legal boilerplate ("instance chargée de la médiation").
 */
export interface TradeFamily {
  trade: Trade;
  label: string;
  cpvPrefixes: readonly string[];
  keywords: RegExp;
}

export const TRADE_FAMILIES: readonly TradeFamily[] = [
  {
    trade: 'nettoyage',
    label: 'nettoyage et propreté',
    cpvPrefixes: ['9091', '906', '90921', '90923'],
    keywords:
      /\bnettoyages?\b|entretien (?:menager |courant )?des (?:locaux|parties communes|batiments|bureaux|ecoles)|\bproprete (?:urbaine|des)|parties communes|\bvitreries?\b|\bbalayage (?:des|de la|de voirie|mecanique|manuel)|enlevement des graffitis|\bhygienisations?\b|\bdesinfection des (?:locaux|batiments|surfaces|parties communes)|\bderatisations?\b|\bdesinsectisations?\b/,
  },
  {
    trade: 'espaces-verts',
    label: 'espaces verts',
    cpvPrefixes: ['7730', '7731', '7734', '772115'],
    keywords:
      /espaces? verts?|\btontes?\b|\belagages?\b|\bdesherbages?\b|\bdebroussaillages?\b|taille (?:des |de )?(?:haies|arbres|arbustes|vegetaux)|entretien (?:des |d')?espaces (?:publics|exterieurs|naturels)|entretien (?:des )?(?:parcs|jardins|pelouses)|\bfauchages?\b|amenagements? paysagers?|travaux paysagers|\bpaysagistes?\b/,
  },
  {
    trade: 'dechets',
    label: 'déchets et encombrants',
    cpvPrefixes: ['9050', '9051'],
    keywords:
      /\bencombrantss?\b|depots sauvages|collecte (?:des |de )?(?:dechets|ordures|encombrants|biodechets|textiles|papiers|cartons)|\bressourceries?\b|\brecycleries?\b|tri (?:des |selectif)|dechets? (?:menagers|verts|sauvages)|gestion des dechets/,
  },
  {
    trade: 'second-oeuvre',
    label: 'second œuvre et peinture',
    cpvPrefixes: ['4540', '4541', '4542', '4543', '4544', '4545', '45111100', '50700000', '50800000'],
    keywords:
      /\bpeintures?\b|second (?:oeuvre|-oeuvre)|remise en etat (?:des |de )?(?:logements|locaux|appartements)|petits travaux|\bplatreries?\b|revetements? (?:de )?(?:sols|murs|muraux)|papiers? peints?|travaux de (?:renovation|rafraichissement) (?:des |de )?(?:logements|appartements)|\bmenuiseries?\b|\bcarrelages?\b/,
  },
  {
    trade: 'mediation',
    label: 'médiation, tranquillité, gardiennage',
    // Social-service CPVs (8531…, 85320000, 98133000) are left out: they also code job coaching and care homes.
    cpvPrefixes: ['98341140', '98341130', '98341120', '7971', '98133100'],
    keywords:
      /mediation (?:sociale|de proximite|urbaine|nocturne|de jour|de rue|de quartier)|mediateurs? (?:sociaux|de proximite|de nuit)|tranquillite (?:publique|residentielle)|gardiens? d'immeubles?|\bgardiennages?\b|\bconciergeries?\b|veille sociale/,
  },
  {
    trade: 'agriculture-urbaine',
    label: 'agriculture urbaine et compostage',
    cpvPrefixes: ['031', '03221', '7710', '7711', '77120000'],
    keywords: /agriculture urbaine|jardins? (?:partages|familiaux|collectifs|pedagogiques)|\bcompostages?\b|\bmaraichages?\b|potagers?/,
  },
  {
    trade: 'services-habitants',
    label: 'services aux habitants',
    cpvPrefixes: ['79622000', '9831', '55521100'],
    keywords:
      /services? aux habitants|regies? de (?:quartier|territoire)|portage de repas|aide a domicile|\blaveries?\b|\bblanchisseries?\b|animation (?:de quartier|sociale)|lien social|\bdemenagements?\b/,
  },
];
