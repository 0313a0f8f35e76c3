import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../fake-database';
import type { LeadlineDatabase } from '@/lib/db/database';
import { everyLead } from '@/lib/db/lead-pages';
import { deleteLead, editLeadFields, saveOrMergeProspect, setChannel, setStage } from '@/lib/db/leads';
import { indexSearchWords } from '@/lib/db/search';
import { getTotals, rebuildTotals } from '@/lib/db/totals';
import { leadsJustRead, wordsRecord } from '@/lib/db/upkeep';
import { withDerivedKeys } from '@/lib/model/keys';
import { makeLead } from '../io/lead-factory';
import { createBackup, restoreBackup } from '@/lib/io/backup';
import { autoMapHeaders } from '@/lib/io/import/mapping';
import { parseCsvText } from '@/lib/io/import/parse';
import { importRows } from '@/lib/io/import/run';
import { validateRows } from '@/lib/io/import/validate';
import { totalsOf } from '@/lib/metrics/totals';
import { CHANNELS } from '@/lib/model/lead';
import { STAGE_IDS } from '@/lib/model/stage';
import { pick, seededRandom } from './seeded-random';

const DAY = 86_400_000;
const T0 = new Date(2026, 0, 5, 9, 0).getTime();
const FIRST = ['Ana', 'Chen', 'María', 'Tom', 'Grace', 'Ravi'];
const LAST = ['Souza', 'Berg', 'García', 'Nowak', 'Rossi'];
const COMPANIES = ['Acme Corp', 'Globex', 'Nimbus Analytics', 'Initech'];

/** What the totals must be: a full recount of every lead stored. */
async function recount(db: LeadlineDatabase) {
  return totalsOf(await everyLead(db));
}

/** What the word counts must be: each word of the word index counted over its records, and the records under ''. */
async function recountWords(db: LeadlineDatabase) {
  const records = await db.leadWords.toArray();
  const counts: Record<string, number> = records.length > 0 ? { '': records.length } : {};
  for (const record of records) for (const word of record.words) counts[word] = (counts[word] ?? 0) + 1;
  return counts;
}

async function wordCounts(db: LeadlineDatabase) {
  return Object.fromEntries((await db.wordCounts.toArray()).map(({ word, leads }) => [word, leads]));
}

/** One random thing a rep (or an import, or a restore) does to the database. */
type Step = (db: LeadlineDatabase, random: () => number, now: number) => Promise<unknown>;

async function someLeadId(db: LeadlineDatabase, random: () => number): Promise<string | undefined> {
  const ids = await db.leads.toCollection().primaryKeys();
  return ids.length === 0 ? undefined : pick(random, ids);
}

const STEPS: Record<string, Step> = {
  async capture(db, random, now) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    // Often the same person again, so captures merge as well as create.
    await saveOrMergeProspect(
      db,
      { source: pick(random, ['linkedin', 'gmail', 'web'] as const), fullName: `${first} ${last}`, company: pick(random, COMPANIES), confidence: 0.9 },
      now,
    );
  },
  async edit(db, random, now) {
    const id = await someLeadId(db, random);
    if (id) await editLeadFields(db, id, { company: pick(random, COMPANIES), title: pick(random, ['CTO', 'VP Sales']) }, now);
  },
  async stage(db, random, now) {
    const id = await someLeadId(db, random);
    if (id) await setStage(db, id, pick(random, STAGE_IDS), now);
  },
  async channel(db, random, now) {
    const id = await someLeadId(db, random);
    if (id) await setChannel(db, id, random() < 0.2 ? undefined : pick(random, CHANNELS).id, now);
  },
  async remove(db, random) {
    const id = await someLeadId(db, random);
    if (id) await deleteLead(db, id);
  },
  async import(db, random, now) {
    const lines = ['Name,Company,Lifecycle Stage,Lead Source'];
    for (let i = 0; i < 1 + Math.floor(random() * 6); i++) {
      lines.push(`${pick(random, FIRST)} ${pick(random, LAST)},${pick(random, COMPANIES)},${pick(random, ['lead', 'customer', 'sql', ''])},${pick(random, ['referral', 'paid', ''])}`);
    }
    const parsed = parseCsvText(lines.join('\n'));
    if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
    await importRows(db, validateRows(parsed.csv, autoMapHeaders(parsed.csv.headers)), {
      listName: pick(random, ['SaaStr scans', 'Webinar']),
      mode: random() < 0.5 ? 'valid-only' : 'all-or-nothing',
      now,
      yieldToUi: () => Promise.resolve(),
    });
  },
  async restore(db, random, now) {
    const backup = await createBackup(db, now);
    // Undo a delete: the backup holds a lead that is gone by the time it is restored, and one changed since.
    const id = await someLeadId(db, random);
    if (id) await deleteLead(db, id);
    await restoreBackup(db, backup, random() < 0.5 ? 'merge' : 'replace');
  },
  async index(db) {
    await indexSearchWords(db);
  },
};

describe('running totals', () => {
  const db = useFreshDatabase();

  it('always equal a full recount, through random captures, edits, stage changes, deletes, imports and restores', async () => {
    const random = seededRandom(14);
    const names = Object.keys(STEPS);
    const done: string[] = [];
    for (let step = 0; step < 120; step++) {
      const name = pick(random, names);
      // Days apart, across several weeks, so the per-day and per-week counts move.
      await STEPS[name]!(db(), random, T0 + step * DAY * 0.37);
      done.push(name);
      expect({ after: done.slice(-3), totals: await getTotals(db()) }).toEqual({ after: done.slice(-3), totals: await recount(db()) });
      // How many leads have each word (a one-word search's count) never drifts from the word index either.
      expect({ after: done.slice(-3), words: await wordCounts(db()) }).toEqual({ after: done.slice(-3), words: await recountWords(db()) });
    }
    expect(new Set(done)).toEqual(new Set(names));
    expect((await getTotals(db())).leads).toBeGreaterThan(5);
  });

  it('keep every lead in the word index once its import is indexed', async () => {
    const random = seededRandom(7);
    for (let step = 0; step < 40; step++) await pick(random, Object.values(STEPS))(db(), random, T0 + step * DAY);
    await indexSearchWords(db());
    const words = await db().leadWords.toArray();
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(words.sort(byId)).toEqual((await db().leads.orderBy('id').toArray()).map(wordsRecord));
    expect(await wordCounts(db())).toEqual(await recountWords(db()));
  });

  it('roll back with a write that fails', async () => {
    await STEPS.capture!(db(), seededRandom(1), T0);
    const before = await getTotals(db());
    const lead = (await db().leads.toArray())[0]!;
    await expect(
      db().transaction('rw', db().leads, async () => {
        await db().leads.put({ ...lead, stage: 'customer' });
        throw new Error('something went wrong after the write');
      }),
    ).rejects.toThrow('something went wrong');
    expect(await getTotals(db())).toEqual(before);
  });

  it('are rebuilt from scratch to the same figures', async () => {
    const random = seededRandom(99);
    for (let step = 0; step < 30; step++) await pick(random, Object.values(STEPS))(db(), random, T0 + step * DAY);
    const kept = await getTotals(db());
    await db().totals.clear();
    expect(await rebuildTotals(db())).toEqual(kept);
    expect(await getTotals(db())).toEqual(kept);
  });

  it('stay right when a write takes what it replaces from leads just read (leadsJustRead), also after another write of them', async () => {
    const leads = ['a', 'b', 'c'].map((id, n) =>
      withDerivedKeys(makeLead({ id, fullName: `${FIRST[n]} ${LAST[n]}`, company: COMPANIES[n], createdAt: T0 + n, capturedAt: T0 + n })),
    );
    await db().leads.bulkAdd(leads);
    await db().transaction('rw', db().leads, async () => {
      const read = (await db().leads.bulkGet(['a', 'b', 'c'])).filter((lead) => lead !== undefined);
      leadsJustRead(read);
      await db().leads.update('b', { stage: 'contacted', company: 'Initech' });
      await db().leads.delete('c');
      // 'b' was changed and 'c' deleted since they were read: what is known followed both writes.
      await db().leads.bulkPut(read.map((lead) => ({ ...lead, stage: 'qualified' as const, title: 'CTO' })));
    });
    expect(await getTotals(db())).toEqual(await recount(db()));
    expect(await wordCounts(db())).toEqual(await recountWords(db()));
    expect((await db().leadWords.toArray()).map((record) => record.id).sort()).toEqual(['a', 'b', 'c']);
  });
});
