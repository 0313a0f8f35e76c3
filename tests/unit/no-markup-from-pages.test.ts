import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

// Everything Leadline shows comes from pages, inboxes or files: it must reach the DOM as text only.
// The in-page button, the popup and the full page build their DOM with textContent and React children.
describe('no markup from untrusted text', () => {
  const files = ['lib', 'components', 'entrypoints'].flatMap((dir) => sources(join(ROOT, dir)));

  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('never uses dangerouslySetInnerHTML, innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    const offenders = files.filter((file) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('never evaluates strings as code', () => {
    const offenders = files.filter((file) => /\beval\(|new Function\(/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
