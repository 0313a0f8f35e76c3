import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

// Imports that run: `import type` and `export type` are erased by the build.
const RUNTIME_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'/g;

function resolveModule(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/') ? join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => existsSync(path) && statSync(path).isFile());
}

/** Every package and project file a module loads, directly or through the project files it loads. */
function loadedBy(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [join(ROOT, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(RUNTIME_IMPORT)) {
      const specifier = (match[1] ?? match[2])!.replace(/\?worker$/, '');
      const target = resolveModule(file, specifier);
      if (target) pending.push(target);
      else packages.add(specifier);
    }
  }
  return { files: new Set([...files].map((file) => relative(ROOT, file))), packages };
}

/**
 * A Worker has no extension APIs: the webextension polyfill behind `wxt/browser` throws as soon as
 * it is loaded there, and the backup or the CSV import would fail outright. The workers may load
 * lib/i18n (lib/model's labels do), which looks the API up only when asked; what the workers run
 * reports kinds and counts, and the page words them. tests/e2e/data.e2e.ts runs the parsing, backup
 * and export workers, tests/e2e/import-large.e2e.ts the search words one, tests/e2e/lead-table.e2e.ts the rows one.
 */
const POLYFILL = (name: string) => name === 'wxt/browser' || name === 'webextension-polyfill' || name.startsWith('@wxt-dev/webextension-polyfill');

describe('the workers', () => {
  it.each([
    ['components/data/csv-parse.worker.ts', 'lib/io/import/parse.ts'],
    ['components/data/backup.worker.ts', 'lib/metrics/totals.ts'],
    ['components/data/search-words.worker.ts', 'lib/db/search.ts'],
    ['components/data/export.worker.ts', 'lib/io/export-columns.ts'],
    ['components/leads/lead-rows.worker.ts', 'lib/qualify/progress.ts'],
  ])('%s does not load the webextension polyfill', (worker, loaded) => {
    const { files, packages } = loadedBy(worker);

    expect(files).toContain(loaded);
    expect([...packages].filter(POLYFILL)).toEqual([]);
  });

  it('notices a module that would load the polyfill', () => {
    expect([...loadedBy('lib/followup/browser-adapter.ts').packages].filter(POLYFILL)).toEqual(['wxt/browser']);
  });
});
