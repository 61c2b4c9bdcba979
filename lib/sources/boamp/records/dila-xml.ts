/**
 * DILA open-data XML (`<ANNONCE><GESTION>…</GESTION><DONNEES>…</DONNEES></ANNONCE>`, schemas Boamp_v110 →
 * v240) → a record shaped like the API's (top-level fields rebuilt from `GESTION`, `gestion`/`donnees` as the
 * JSON the API holds), so the XML goes through the very same family parsers.
 */
import { emptyNotice, type Notice } from '@/lib/notice/schema';
import { assembleNotice, TopLevelSchema } from './record';
import { xmlToJson } from './tiny-xml';
import { asArray, child, isObject, keysOf, text, textAt } from './xml-json';

export interface BoampXmlRecord {
  record: Record<string, unknown>;
  warnings: string[];
}

/** Rebuild the top-level fields the API derives from `GESTION` (same names as the API's). */
export function boampXmlToJson(xml: string): BoampXmlRecord {
  const parsed = xmlToJson(xml);
  const warnings = [...parsed.warnings];
  if (parsed.root && parsed.root !== 'ANNONCE') warnings.push(`racine XML inattendue <${parsed.root}>`);
  const annonce = parsed.value;
  const gestion = child(annonce, 'GESTION');
  const donnees = child(annonce, 'DONNEES');
  if (!isObject(donnees)) warnings.push('élément DONNEES absent');
  const ref = child(gestion, 'REFERENCE');
  const idx = child(gestion, 'INDEXATION');
  const typeAvis = child(ref, 'TYPE_AVIS');
  const schema = isObject(annonce) ? text(annonce['@xsi:noNamespaceSchemaLocation']) : undefined;
  const record: Record<string, unknown> = {
    idweb: textAt(ref, 'IDWEB'),
    objet: textAt(idx, 'RESUME_OBJET'),
    famille: keysOf(child(typeAvis, 'FAMILLE'))[0],
    nature: keysOf(child(typeAvis, 'NATURE'))[0],
    etat: keysOf(child(typeAvis, 'STATUT'))[0],
    type_procedure: keysOf(child(idx, 'TYPE_PROCEDURE'))[0],
    nomacheteur: textAt(idx, 'NOMORGANISME'),
    dateparution: textAt(idx, 'DATE_PUBLICATION'),
    datelimitereponse: textAt(idx, 'DATE_LIMITE_REPONSE'),
    code_departement: asArray(child(idx, 'DEP_PUBLICATION')).map(text).filter((s) => s !== undefined),
    criteres: keysOf(child(idx, 'CRITERES_SOCIAUX_ENV')).map((k) => k.toLowerCase()),
    source_schema: schema?.split('/').pop(),
    gestion: gestion ?? null,
    donnees: donnees ?? null,
  };
  return { record, warnings };
}

/** One DILA XML notice → Notice (never throws). */
export function parseBoampXml(xml: string): Notice {
  try {
    const { record, warnings } = boampXmlToJson(xml);
    const top = TopLevelSchema.safeParse(record);
    if (!top.success) throw new Error('champs de tête illisibles');
    const donnees = isObject(record.donnees) ? record.donnees : undefined;
    const gestion = isObject(record.gestion) ? record.gestion : undefined;
    return assembleNotice(top.data, gestion, donnees, 'boamp-xml', warnings);
  } catch (e) {
    const n = emptyNotice('boamp', 'inconnu', 'https://www.boamp.fr/', 'boamp-xml:top-level');
    n.raw.warnings = [`XML illisible : ${e instanceof Error ? e.message : String(e)}`];
    return n;
  }
}
