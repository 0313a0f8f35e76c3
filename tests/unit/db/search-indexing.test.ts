import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../fake-database';
import { LeadlineDatabase } from '@/lib/db/database';
import { deleteLead, saveOrMergeProspect } from '@/lib/db/leads';
import { indexSearchWords, isIndexingSearch, searchLeadIds } from '@/lib/db/search';
import { autoMapHeaders } from '@/lib/io/import/mapping';
import { parseCsvText } from '@/lib/io/import/parse';
import { importRows } from '@/lib/io/import/run';
import { validateRows } from '@/lib/io/import/validate';

const T0 = Date.UTC(2026, 2, 2, 9, 0);

async function importPeople(db: LeadlineDatabase, count: number, company: string) {
  const lines = ['Name,Email,Company'];
  for (let i = 0; i < count; i++) lines.push(`Chen Person${i},chen.${i}@${company.toLowerCase()}.example,${company}`);
  const parsed = parseCsvText(lines.join('\n'));
  if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
  return importRows(db, validateRows(parsed.csv, autoMapHeaders(parsed.csv.headers)), {
    listName: 'Badge scans',
    mode: 'valid-only',
    now: T0,
    batchSize: 50,
    yieldToUi: () => Promise.resolve(),
  });
}

describe('searching while an import is being indexed', () => {
  const db = useFreshDatabase();

  it('says it is still indexing until the imported leads are in the word index, then finds them all', async () => {
    await saveOrMergeProspect(db(), { source: 'linkedin', fullName: 'Chen Wei', company: 'Acme Corp', confidence: 0.9 }, T0 - 1000);
    expect(await importPeople(db(), 120, 'Globex')).toMatchObject({ imported: 120 });

    // The import is saved and counted, but its words are written in the background, after it.
    const during = await searchLeadIds(db(), 'chen');
    expect(during.indexing).toBe(true);
    expect(during.hits).toHaveLength(1);

    let progress = 0;
    expect(await indexSearchWords(db(), { onProgress: (done) => (progress = done) })).toBe(120);
    expect(progress).toBe(120);
    const after = await searchLeadIds(db(), 'chen globex');
    expect(after).toMatchObject({ indexing: false });
    expect(after.hits).toHaveLength(120);
    expect((await searchLeadIds(db(), 'chen')).hits).toHaveLength(121);
  });

  it('keeps the words of an imported lead edited before the pass came to it, with exact word counts', async () => {
    await importPeople(db(), 40, 'Globex');
    const [edited] = await db().leads.limit(1).toArray();
    // An edit writes the lead's words at once (upkeep middleware); the pass must leave them as they are.
    await db().leads.update(edited!.id, { company: 'Initech' });
    await indexSearchWords(db());

    // Every lead keeps "globex" from its email address.
    expect((await searchLeadIds(db(), 'globex')).hits).toHaveLength(40);
    expect((await searchLeadIds(db(), 'initech')).hits.map((hit) => hit.id)).toEqual([edited!.id]);
    // The one-word counts a search reads agree with the records: the edited lead counted once.
    expect((await db().wordCounts.get('globex'))?.leads).toBe(40);
    expect((await db().wordCounts.get('initech'))?.leads).toBe(1);
    expect((await db().wordCounts.get('chen'))?.leads).toBe(40);
    expect(await db().leadWords.count()).toBe(40);
  });

  it('finds a lead captured during the indexing window at once', async () => {
    await importPeople(db(), 60, 'Globex');
    await saveOrMergeProspect(db(), { source: 'gmail', fullName: 'Zelda Quist', company: 'Initech', confidence: 0.9 }, T0 + 5);
    expect(await searchLeadIds(db(), 'zelda')).toMatchObject({ indexing: true, hits: [{ createdAt: T0 + 5 }] });
  });

  it('finishes the indexing after the page that imported was closed, from another page', async () => {
    await importPeople(db(), 80, 'Globex');
    db().close();
    // Another page (or the background at its next start) opens the same database.
    const reopened = new LeadlineDatabase(db().name);
    expect(await isIndexingSearch(reopened)).toBe(true);
    await indexSearchWords(reopened);
    expect(await searchLeadIds(reopened, 'globex')).toMatchObject({ indexing: false });
    expect((await searchLeadIds(reopened, 'globex')).hits).toHaveLength(80);
    reopened.close();
    await db().open();
  });

  it('keeps the indexing mark when another import starts while a pass runs', async () => {
    await importPeople(db(), 30, 'Globex');
    const pass = indexSearchWords(db());
    await importPeople(db(), 30, 'Initech');
    await pass;
    // Never "done" while some of the second import's leads are not found yet.
    const initech = (await searchLeadIds(db(), 'initech')).hits.length;
    expect(initech === 30 || (await isIndexingSearch(db()))).toBe(true);
    // Whichever order the two ran in, a second pass leaves nothing unindexed and clears the mark.
    await indexSearchWords(db());
    expect(await searchLeadIds(db(), 'chen')).toMatchObject({ indexing: false });
    expect((await searchLeadIds(db(), 'chen')).hits).toHaveLength(60);
  });

  it('indexes every lead even when one is deleted while the pass pages through them', async () => {
    await importPeople(db(), 250, 'Globex');
    const first = await db().leads.where('createdAt').aboveOrEqual(T0).first();
    let deleted = false;
    await indexSearchWords(db(), {
      batchSize: 100,
      onProgress: () => {
        // After the first page, the rep deletes a lead of that page while the pass goes on.
        if (!deleted) {
          deleted = true;
          void deleteLead(db(), first!.id);
        }
      },
    });
    expect(deleted).toBe(true);
    expect(await searchLeadIds(db(), 'globex')).toMatchObject({ indexing: false });
    expect((await searchLeadIds(db(), 'globex')).hits).toHaveLength(249);
  });
});
