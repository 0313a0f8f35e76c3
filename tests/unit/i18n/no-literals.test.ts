import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeLiteral, findLiterals } from '../../literal-scanner';

const ROOT = join(__dirname, '../../..');

/** Every view a rep sees: the React components and the in-page widget's plain DOM. No file is exempt. */
const VIEW_FILES = [...filesIn('components', /\.tsx$/, true), ...filesIn('lib/page-ui', /\.ts$/, false)].sort();

function filesIn(folder: string, name: RegExp, nested: boolean): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return nested ? filesIn(path, name, nested) : [];
    return name.test(entry.name) ? [path] : [];
  });
}

describe('no user-visible text outside the locale files', () => {
  it('looks at the views', () => {
    expect(VIEW_FILES.length).toBeGreaterThan(30);
    expect(VIEW_FILES).toContain('components/LeadDetail.tsx');
    expect(VIEW_FILES).toContain('lib/page-ui/save-button.ts');
  });

  // One test per file, so a run shows which views are done and, for the rest, each literal as file:line.
  it.each(VIEW_FILES)('%s writes every word through t()', (file) => {
    const literals = findLiterals(file, readFileSync(join(ROOT, file), 'utf8')).map(describeLiteral);
    expect(literals, `Move these into lib/i18n/locales/*.yml and read them with t():\n${literals.join('\n')}\n`).toEqual([]);
  });
});
