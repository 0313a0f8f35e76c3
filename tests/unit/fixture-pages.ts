import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type FixturePage = { doc: Document; url: URL; html: string };

/**
 * The realistic pages in `tests/fixtures/<folder>`: each starts with `<!-- url: … -->`, the address
 * it is served at, and most have a `<name>.expected.json` beside them.
 */
export function fixturePages(folder: string) {
  const dir = join(__dirname, '../fixtures', folder);
  return {
    load(name: string): FixturePage {
      const html = readFileSync(join(dir, `${name}.html`), 'utf8');
      const url = /^<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1];
      if (!url) throw new Error(`${folder}/${name}.html does not start with <!-- url: … -->`);
      return { html, url: new URL(url), doc: new DOMParser().parseFromString(html, 'text/html') };
    },
    expected<T = Record<string, unknown>[]>(name: string): T {
      return JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as T;
    },
    names(): string[] {
      return readdirSync(dir)
        .filter((file) => file.endsWith('.html'))
        .map((file) => file.replace(/\.html$/, ''))
        .sort();
    },
  };
}
