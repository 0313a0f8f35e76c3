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
 * A Worker has no extension APIs: the webextension polyfill behind `wxt/browser` (and so lib/i18n)
 * throws as soon as it is loaded there, and the backup or the CSV import would fail outright. What
 * the workers run reports kinds and counts; the page words them.
 */
describe('the parsing and backup workers', () => {
  it.each([
    ['components/data/csv-parse.worker.ts', 'lib/io/import/parse.ts'],
    ['components/data/backup.worker.ts', 'lib/metrics/totals.ts'],
  ])('%s loads neither lib/i18n nor the browser API', (worker, loaded) => {
    const { files, packages } = loadedBy(worker);

    expect(files).toContain(loaded);
    expect([...files].filter((file) => file.startsWith('lib/i18n/'))).toEqual([]);
    expect([...packages].filter((name) => name === 'wxt/browser' || name === '#i18n' || name.startsWith('@wxt-dev/'))).toEqual([]);
  });

  it('notices a worker that would load lib/i18n', () => {
    expect([...loadedBy('components/data/BackupSection.tsx').files]).toContain('lib/i18n/index.ts');
  });
});
