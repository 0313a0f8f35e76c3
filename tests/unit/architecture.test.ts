import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of Leadline, top to bottom (DESIGN.md): an import may stay in its layer or go down,
 * never up. Pure rules sit in lib/model, so storage, messaging and capture can all use them; the
 * capture extractors, which ship into LinkedIn, Gmail and Outlook, use nothing but lib/model and
 * lib/i18n. lib/i18n (the text in the rep's language, numbers and dates in their locale) is the
 * floor: every layer may use it, and it imports no other part of Leadline.
 */
const LAYERS: ReadonlyArray<readonly [layer: string, rank: number]> = [
  ['entrypoints', 6],
  ['components', 5],
  ['lib/page-ui', 4],
  ['lib/capture', 3],
  ['lib/messaging', 2],
  ['lib/db', 1],
  ['lib/qualify', 1],
  ['lib/followup', 1],
  ['lib/io', 1],
  ['lib/metrics', 1],
  ['lib/permissions', 1],
  ['lib/model', 0],
  ['lib/i18n', -1],
];
/** Layers that may import only themselves, lib/model and lib/i18n, whatever their rank says. */
const ONLY_MODEL_BELOW = new Set(['lib/capture', 'lib/model']);
const FLOOR = new Set(['lib/model', 'lib/i18n']);

const ROOT = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function layerOf(path: string): (typeof LAYERS)[number] | undefined {
  return LAYERS.find(([layer]) => path === layer || path.startsWith(`${layer}/`));
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'/g;

/** The project files a source imports, as paths from the project root ("lib/db/leads"). */
function importsOf(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? '';
    if (spec.startsWith('@/')) found.push(spec.slice(2));
    else if (spec.startsWith('.')) found.push(relative(ROOT, resolve(dirname(join(ROOT, file)), spec)));
  }
  return found;
}

/** Every import that runs from a lower layer to a higher one, or out of capture/model to anything but model. */
export function layerViolations(files: ReadonlyArray<{ file: string; text: string }>): string[] {
  const violations: string[] = [];
  for (const { file, text } of files) {
    const from = layerOf(file);
    if (!from) continue;
    for (const target of importsOf(file, text)) {
      const to = layerOf(target);
      if (!to || to[0] === from[0]) continue;
      const upward = to[1] > from[1];
      const leavesModel = ONLY_MODEL_BELOW.has(from[0]) && !FLOOR.has(to[0]);
      if (upward || leavesModel) violations.push(`${file} imports ${target}`);
    }
  }
  return violations;
}

/** Raw Dexie table access ("db.leads.where", "db.transaction"): views call named functions of lib/db instead. */
export function tableAccess(files: ReadonlyArray<{ file: string; text: string }>): string[] {
  return files.flatMap(({ file, text }) =>
    [...text.matchAll(/\bdb\.(leads|activities|reminders|templates|settings|transaction|table|tables)\b/g)].map(
      (match) => `${file}: db.${match[1]}`,
    ),
  );
}

const project = ['lib', 'components', 'entrypoints'].flatMap((dir) =>
  sources(join(ROOT, dir)).map((path) => ({ file: relative(ROOT, path), text: readFileSync(path, 'utf8') })),
);

describe('the layers of the code', () => {
  it('reads every source file and the imports in it', () => {
    expect(project.length).toBeGreaterThan(100);
    expect(importsOf('lib/db/leads.ts', "import { x } from './database';\nimport type { y } from '@/lib/model/lead';")).toEqual([
      'lib/db/database',
      'lib/model/lead',
    ]);
  });

  it('finds an import that runs upwards, one from capture into storage, and one out of lib/i18n; capture and model may use lib/i18n', () => {
    const bad = [
      { file: 'lib/db/keys.ts', text: "import { linkedInProfileKeyFromUrl } from '@/lib/capture/linkedin/profile';" },
      { file: 'lib/capture/web/draft.ts', text: "import type { Lead } from '@/lib/db/leads';" },
      { file: 'lib/model/lead.ts', text: "import { x } from '../qualify/score';" },
      { file: 'lib/i18n/format.ts', text: "import { LIMITS } from '@/lib/model/text';" },
      { file: 'lib/capture/web/draft.ts', text: "import { t } from '@/lib/i18n';" },
      { file: 'lib/model/stages.ts', text: "import { t } from '../i18n';" },
    ];
    expect(layerViolations(bad)).toEqual([
      'lib/db/keys.ts imports lib/capture/linkedin/profile',
      'lib/capture/web/draft.ts imports lib/db/leads',
      'lib/model/lead.ts imports lib/qualify/score',
      'lib/i18n/format.ts imports lib/model/text',
    ]);
  });

  it('has no import from a lower layer to a higher one', () => {
    expect(layerViolations(project)).toEqual([]);
  });

  it('keeps Dexie tables out of the views: components call lib/db functions', () => {
    expect(tableAccess([{ file: 'components/X.tsx', text: 'await db.leads.toArray(); db.transaction("rw")' }])).toHaveLength(2);
    expect(tableAccess(project.filter(({ file }) => file.startsWith('components/') || file.startsWith('entrypoints/')))).toEqual([]);
  });
});
