import { blockText, labelKey, lineText, safeQueryAll, squeeze } from './dom-text';

/**
 * Label → value pairs of a page whose markup we only know from scrapers (achatpublic, marches-securises,
 * e-marchespublics): two-cell table rows (`<tr><td>Label</td><td>value</td></tr>`, th or td), `dt`/`dd`,
 * `label` + next sibling, and "Label : value" lines. The first occurrence of a label wins.
 */
export function readLabelledPairs(root: ParentNode): Map<string, string> {
  const pairs = new Map<string, string>();
  const put = (label: string, value: string): void => {
    const key = labelKey(label);
    const v = value.trim();
    if (!key || key.length > 80 || !v || pairs.has(key)) return;
    pairs.set(key, v);
  };
  for (const tr of safeQueryAll(root, 'tr')) {
    const cells = Array.from(tr.children).filter((c) => /^(TD|TH)$/i.test(c.tagName));
    if (cells.length === 2) put(lineText(cells[0]), blockText(cells[1]));
  }
  for (const dt of safeQueryAll(root, 'dt')) {
    const dd = dt.nextElementSibling;
    if (dd && /^DD$/i.test(dd.tagName)) put(lineText(dt), blockText(dd));
  }
  for (const label of safeQueryAll(root, 'label')) {
    if (label.nextElementSibling) put(lineText(label), blockText(label.nextElementSibling));
  }
  for (const line of blockText(root as unknown as Node).split('\n')) {
    const m = /^([^:]{2,60}?)\s*:\s*(.+)$/.exec(line);
    if (m?.[1] && m[2] && !/https?$/i.test(m[1])) put(m[1], squeeze(m[2]));
  }
  return pairs;
}

/** First value whose label matches one of the patterns (tested on the normalised label). */
export function pick(pairs: Map<string, string>, ...patterns: RegExp[]): string | undefined {
  for (const re of patterns) {
    for (const [k, v] of pairs) if (re.test(k)) return v;
  }
  return undefined;
}
