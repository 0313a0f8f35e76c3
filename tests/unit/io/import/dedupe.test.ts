import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../fake-database';
import type { LeadlineDatabase } from '@/lib/db/database';
import { editLeadFields, saveOrMergeProspect } from '@/lib/db/leads';
import { autoMapHeaders } from '@/lib/io/import/mapping';
import { parseCsvText } from '@/lib/io/import/parse';
import { importRows, type ImportOptions } from '@/lib/io/import/run';
import { validateRows } from '@/lib/io/import/validate';
import { pick, seededRandom } from '../../db/seeded-random';

const T0 = Date.UTC(2026, 4, 4, 9, 0);
const FIRST = ['Ana', 'Bo', 'Chen', 'Dara'];
const LAST = ['Souza', 'Berg', 'Wei', 'Okafor'];
const COMPANIES = ['Acme', 'Globex', 'Initech'];

function rowsOf(lines: string[]) {
  const parsed = parseCsvText(['Name,Email,Company,LinkedIn,Job Title', ...lines].join('\n'));
  if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
  return validateRows(parsed.csv, autoMapHeaders(parsed.csv.headers));
}

/** A file full of people met before, some twice, reached by email, by profile URL or by name and company. */
function overlappingRows(seed: number) {
  const random = seededRandom(seed);
  return rowsOf(
    Array.from({ length: 90 }, () => {
      const first = pick(random, FIRST);
      const last = pick(random, LAST);
      const email = random() < 0.4 ? `${first}.${last}@${pick(random, COMPANIES)}.example`.toLowerCase() : '';
      const profile = random() < 0.3 ? `https://www.linkedin.com/in/${first}-${last}`.toLowerCase() : '';
      return `${first} ${last},${email},${pick(random, COMPANIES)},${profile},${pick(random, ['CTO', 'VP Sales', ''])}`;
    }),
  );
}

/** A database with some of those people already in it, one of them edited by the rep. */
async function seededDatabase(): Promise<LeadlineDatabase> {
  const db = freshDatabase();
  let n = 0;
  for (const first of FIRST) {
    for (const last of LAST.slice(0, 2)) {
      await saveOrMergeProspect(db, { source: 'linkedin', fullName: `${first} ${last}`, company: 'Acme', confidence: 0.9 }, T0 + n++, () => `stored-${n}`);
    }
  }
  await editLeadFields(db, 'stored-3', { title: 'Chief of Everything' }, T0 + 100);
  return db;
}

async function contents(db: LeadlineDatabase) {
  return { leads: await db.leads.orderBy('id').toArray(), activities: (await db.activities.orderBy('id').toArray()).map(({ id: _id, ...rest }) => rest) };
}

async function importWith(dedupe: ImportOptions['dedupe'], mode: ImportOptions['mode'], seed: number, onProgress?: (db: LeadlineDatabase, done: number) => Promise<void>) {
  const db = await seededDatabase();
  let n = 0;
  const report = await importRows(db, overlappingRows(seed), {
    listName: 'Expo',
    mode,
    now: T0 + 1000,
    batchSize: 20,
    newId: () => `imported-${n++}`,
    dedupe,
    yieldToUi: () => Promise.resolve(),
    ...(onProgress ? { onProgress: (done) => void onProgress(db, done) } : {}),
  });
  return { db, report };
}

describe('finding the leads an import matches', () => {
  for (const mode of ['valid-only', 'all-or-nothing'] as const) {
    it(`gives the same leads whether keys are read once or looked up row by row (${mode})`, async () => {
      for (const seed of [1, 2, 3]) {
        const once = await importWith('read-once', mode, seed);
        const lookup = await importWith('lookup', mode, seed);
        expect(once.report).toEqual(lookup.report);
        expect(once.report.merged).toBeGreaterThan(10);
        expect(await contents(once.db)).toEqual(await contents(lookup.db));
      }
    });
  }

  it('merges into a lead captured between two batches instead of making a twin', async () => {
    const capturedDuring = async (db: LeadlineDatabase, done: number) => {
      // After the first batch, the rep saves someone the file lists further down.
      if (done === 20) await saveOrMergeProspect(db, { source: 'gmail', fullName: 'Zelda Quist', email: 'zelda@initech.example', confidence: 0.9 }, T0 + 500, () => 'captured-meanwhile');
    };
    const db = await seededDatabase();
    const rows = rowsOf([
      ...Array.from({ length: 30 }, (_, i) => `Person ${i},p${i}@globex.example,Globex,,`),
      'Zelda Quist,zelda@initech.example,Initech,,CTO',
    ]);
    const report = await importRows(db, rows, {
      listName: 'Expo',
      mode: 'valid-only',
      now: T0 + 1000,
      batchSize: 20,
      dedupe: 'read-once',
      yieldToUi: async () => {
        // The capture lands between batches, as a capture from another tab would.
        await capturedDuring(db, (await db.leads.count()) - 8);
      },
    });
    expect(report).toMatchObject({ imported: 30, merged: 1 });
    const zeldas = await db.leads.where('emailKey').equals('zelda@initech.example').toArray();
    expect(zeldas).toEqual([expect.objectContaining({ id: 'captured-meanwhile', company: 'Initech', title: 'CTO' })]);
  });
});
