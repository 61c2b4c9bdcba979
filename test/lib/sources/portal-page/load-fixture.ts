import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';

/** Parses a saved page of test/fixtures with linkedom, as the content script's DOM would be. */
export function loadFixture(path: string): Document {
  const html = readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
