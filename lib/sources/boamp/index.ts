/**
 * BOAMP open-data records → Notice. Public entry points of the records side of the BOAMP source
 * (the boamp.fr page reader lives in `page.ts`).
 */
export { BOAMP_FAMILIES, type BoampFamily, isBoampRecord, parseBoampRecord } from './records/record';
export { parseBoampRecords, splitBoampRecords } from './records/many';
export { parseBoampXml, boampXmlToJson } from './records/dila-xml';
export { fieldCoverage, formatCoverage, type FamilyCoverage } from './coverage';
