/**
 * Robustness: truncated, mutated and hostile XML / JSON never throw out of the eForms parsers; the result is a valid
 * Notice (or mapping) with warnings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CriterionSchema, LotSchema, NoticeSchema } from '@/lib/notice/schema';
import { eformsToNotice, isEformsXml, parseEformsJson, parseEformsXml } from '@/lib/sources/eforms';
import { xmlToTree } from '@/lib/sources/eforms/xml-tree';

const SDK = join(__dirname, '../../../fixtures/eforms/sdk');
const BOAMP = join(__dirname, '../../../fixtures/eforms/boamp');
const xmlFiles = ['cn_24_FRA_comments.xml', 'cn_24_maximal.xml', 'can_24_FRA_comments.xml', 'pin-cfc-social_24.xml'];
const xmls = xmlFiles.map((f) => readFileSync(join(SDK, f), 'utf8'));
const eforms = (JSON.parse(JSON.parse(readFileSync(join(BOAMP, '26-5927.TRANSCRIBED.json'), 'utf8')).donnees) as { EFORMS: unknown }).EFORMS;

describe('XML reader', () => {
  it('reads elements, attributes, entities, CDATA and drops comments', () => {
    const { root, rootNamespace, warnings } = xmlToTree(
      '<?xml version="1.0"?><!-- c --><r:Root xmlns:r="urn:x" a="1 &amp; 2"><cbc:Name languageID=\'FRA\'>A &lt;b&gt; &#233;&#x20AC;</cbc:Name><x/><y><![CDATA[<raw>]]></y></r:Root>',
    );
    expect(warnings).toEqual([]);
    expect(rootNamespace).toBe('urn:x');
    expect(root?.name).toBe('Root');
    expect(root?.attrs).toEqual({ a: '1 & 2' });
    expect(root?.children.map((c) => [c.name, c.attrs, c.text])).toEqual([
      ['Name', { languageID: 'FRA' }, 'A <b> é€'],
      ['x', {}, ''],
      ['y', {}, '<raw>'],
    ]);
  });
  it('reports truncation instead of failing', () => {
    const { root, warnings } = xmlToTree('<a><b>text</b><c attr="x');
    expect(root?.children.map((c) => c.name)).toEqual(['b']);
    expect(warnings.some((w) => w.includes('tronqué'))).toBe(true);
  });
  it('survives 100 000 nested elements without a stack overflow', () => {
    const deep = `<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2">${'<a>'.repeat(100_000)}`;
    const n = parseEformsXml(deep);
    expect(NoticeSchema.safeParse(n).success).toBe(true);
    expect(n.raw.warnings?.length).toBeGreaterThan(0);
  });
});

describe('wrapped notices', () => {
  it('finds an eForms notice nested in an envelope element', () => {
    const inner = xmls[0]!.replace(/^<\?xml[^>]*>/, '');
    const n = parseEformsXml(`<?xml version="1.0"?><ENVELOPPE><GESTION>x</GESTION><DONNEES>${inner}</DONNEES></ENVELOPPE>`);
    expect(n.title).toBe("Service d'entretien de remise en état et de nettoyage des espaces verts");
    expect(n.lots.map((l) => l.id)).toEqual(['LOT-0001', 'LOT-0002']);
    expect(n.raw.warnings).toContain('avis eForms trouvé à l’intérieur de <ENVELOPPE>');
  });
});

describe('isEformsXml', () => {
  it('needs the eForms root in its UBL namespace', () => {
    expect(isEformsXml('<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2">')).toBe(true);
    expect(isEformsXml('<ContractNotice xmlns="urn:example:other">')).toBe(false);
    expect(isEformsXml('<TED_EXPORT xmlns="http://publications.europa.eu/resource/schema/ted/R2.0.9/publication">')).toBe(false);
    expect(isEformsXml('{"EFORMS": {}}')).toBe(false);
  });
});

describe('parseEformsXml never throws', () => {
  it('on any truncation of real notices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: xmls.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (i, cut) => {
        const xml = xmls[i]!;
        const n = parseEformsXml(xml.slice(0, Math.floor(xml.length * cut)));
        expect(NoticeSchema.safeParse(n).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
  it('on random character mutations of real notices', () => {
    const special = fc.constantFrom('<', '>', '&', '"', "'", '/', '=', '<!--', ']]>', '&#xFFFFFF;', '');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: xmls.length - 1 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 30 }), special), { maxLength: 12 }),
        (i, edits) => {
          let xml = xmls[i]!;
          for (const [pos, len, insert] of edits) {
            const at = Math.floor(xml.length * pos);
            xml = xml.slice(0, at) + insert + xml.slice(at + len);
          }
          const n = parseEformsXml(xml);
          expect(NoticeSchema.safeParse(n).success).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (s) => {
        expect(NoticeSchema.safeParse(parseEformsXml(s)).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** Replace the value at a random path of a JSON tree by `replacement` (or delete it). */
function mutate(value: unknown, path: readonly number[], replacement: unknown, del: boolean): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  if (Array.isArray(value)) {
    if (value.length === 0) return value;
    const i = path[0]! % value.length;
    const copy = [...value];
    if (del && path.length === 1) copy.splice(i, 1);
    else copy[i] = mutate(copy[i], path.slice(1), replacement, del);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return value;
  const k = keys[path[0]! % keys.length]!;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (del && path.length === 1) delete copy[k];
  else copy[k] = mutate(copy[k], path.slice(1), replacement, del);
  return copy;
}

describe('parseEformsJson never throws', () => {
  it('on random subtree replacements and deletions of a real BOAMP eForms object', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), fc.boolean()), {
          minLength: 1,
          maxLength: 6,
        }),
        (edits) => {
          let obj: unknown = eforms;
          for (const [path, replacement, del] of edits) obj = mutate(obj, path, replacement, del);
          const m = parseEformsJson(obj);
          expect(LotSchema.array().safeParse(m.lots).success).toBe(true);
          expect(CriterionSchema.array().safeParse(m.criteria).success).toBe(true);
          expect(NoticeSchema.safeParse(eformsToNotice(m, 'boamp-api:EFORMS')).success).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const m = parseEformsJson({ EFORMS: { ContractNotice: v } });
        expect(NoticeSchema.safeParse(eformsToNotice(m, 'boamp-api:EFORMS')).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('on very deep JSON', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = { 'cac:ProcurementProject': deep };
    const m = parseEformsJson({ ContractNotice: deep });
    expect(m.lots).toEqual([]);
  });
});
