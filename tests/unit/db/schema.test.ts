import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LeadlineDatabase } from '@/lib/db/database';
import { countLeads } from '@/lib/db/lead-pages';
import { indexSearchWords, isIndexingSearch, searchMatches } from '@/lib/db/search';
import { getTotals } from '@/lib/db/totals';
import { totalsOf } from '@/lib/metrics/totals';
import { wordsKey } from '@/lib/db/upkeep';
import { makeLead } from '../io/lead-factory';

const T0 = Date.UTC(2026, 10, 1);

describe('the database schema', () => {
  it('keeps every lead and activity of a version 3 database when it is upgraded to the current version', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores({
      leads: 'id, emailKey, profileKey, nameCompanyKey, stage, createdAt, updatedAt, nextFollowUpAt, *searchWords',
      activities: '++id, leadId, at',
      reminders: 'id, leadId, dueAt, status',
      templates: 'id',
      settings: 'key',
    });
    await v3.table('leads').bulkAdd([
      { id: 'a', fullName: 'Ana Souza', score: 40, createdAt: T0, searchWords: ['ana', 'souza'] },
      { id: 'b', fullName: 'Bo Berg', score: 70, createdAt: T0 + 1, searchWords: ['bo', 'berg'] },
      { id: 'c', fullName: 'Chen Wei', score: 70, createdAt: T0 + 2, searchWords: ['chen', 'wei'] },
    ]);
    await v3.table('activities').add({ leadId: 'a', kind: 'note', at: T0, text: 'Met at SaaStr' });
    v3.close();

    const db = new LeadlineDatabase(name);
    await db.open();
    expect(db.verno).toBe(8);
    // Only the indexes a query reads, each single-valued: every one is paid for by every write.
    expect(db.leads.schema.indexes.map((index) => index.name).sort()).toEqual(
      ['[score+createdAt]', 'createdAt', 'emailKey', 'jobChangeAt', 'nameCompanyKey', 'profileKey'].sort(),
    );
    expect(db.activities.schema.indexes.map((index) => index.name)).toEqual(['leadId']);
    expect(await db.activities.where('leadId').equals('a').toArray()).toMatchObject([{ text: 'Met at SaaStr' }]);
    // Highest score first, the newest first among equal scores.
    const byScore = await db.leads.orderBy('[score+createdAt]').reverse().primaryKeys();
    expect(byScore).toEqual(['c', 'b', 'a']);
    db.close();
  });

  it('keeps every lead and activity of a version 4 database when it is upgraded through version 5, and builds search words and totals from them', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores({
      leads: 'id, emailKey, profileKey, nameCompanyKey, createdAt, *searchWords, [score+createdAt]',
      activities: '++id, leadId',
      reminders: 'id, leadId, dueAt, status',
      templates: 'id',
      settings: 'key',
    });
    const stored = [
      makeLead({ id: 'a', fullName: 'Ana Souza', company: 'Acme Corp', score: 40, createdAt: T0, stage: 'qualified' }),
      makeLead({ id: 'b', fullName: 'Bo Berg', company: 'Globex', source: 'gmail', channel: 'referral', score: 70, createdAt: T0 + 1 }),
      makeLead({ id: 'c', fullName: 'Chen Wei', company: 'Acme Corp', source: 'import', sourceList: 'SaaStr', score: 70, createdAt: T0 + 2 }),
    ];
    // As version 4 wrote them: with the words on the lead.
    await v4.table('leads').bulkAdd(stored.map((lead) => ({ ...lead, searchWords: lead.fullName.toLowerCase().split(' ') })));
    await v4.table('activities').bulkAdd([
      { leadId: 'a', kind: 'note', at: T0, text: 'Met at SaaStr' },
      { leadId: 'c', kind: 'email', at: T0 + 5, text: 'Re: pricing' },
    ]);
    v4.close();

    const db = new LeadlineDatabase(name);
    await db.open();
    expect(db.verno).toBe(8);
    expect(db.leads.schema.indexes.some((index) => index.multi)).toBe(false);
    const leads = await db.leads.orderBy('id').toArray();
    expect(leads).toEqual(stored);
    expect(leads.every((lead) => !('searchWords' in lead))).toBe(true);
    expect(await db.activities.count()).toBe(2);
    // The search words are rebuilt by the background pass after the upgrade; until then a search says so.
    expect(await searchMatches(db, 'acme')).toEqual({ leads: [], indexing: true });
    expect(await indexSearchWords(db)).toBe(3);
    expect(await isIndexingSearch(db)).toBe(false);
    expect((await searchMatches(db, 'acme')).leads.map((lead) => lead.id)).toEqual(['c', 'a']);
    expect(await getTotals(db)).toEqual(totalsOf(stored));
    expect(await countLeads(db)).toBe(3);
    db.close();
    await db.delete();
  });

  it("moves a version 6 database's search words to string keys at version 8, rebuilding them in the background pass", async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v6 = new Dexie(name);
    v6.version(6).stores({
      leads: 'id, emailKey, profileKey, nameCompanyKey, createdAt, [score+createdAt], jobChangeAt',
      activities: '++id, leadId',
      reminders: 'id, leadId, dueAt, status',
      templates: 'id',
      settings: 'key',
      leadWords: '[createdAt+id], *words',
      totals: 'key',
      undo: 'id, expiresAt',
      pageGrants: 'tabId',
    });
    const stored = [
      makeLead({ id: 'a', fullName: 'Ana Souza', company: 'Acme Corp', score: 40, createdAt: T0 }),
      makeLead({ id: 'b', fullName: 'Bo Berg', company: 'Globex', score: 70, createdAt: T0 + 1 }),
      makeLead({ id: 'c', fullName: 'Chen Wei', company: 'Acme Corp', score: 70, createdAt: T0 + 1 }),
    ];
    await v6.table('leads').bulkAdd(stored);
    await v6.table('leadWords').bulkAdd(stored.map((lead) => ({ id: lead.id, createdAt: lead.createdAt, score: lead.score, words: ['old'] })));
    await v6.table('totals').put({ key: 'leads', value: totalsOf(stored), writes: 3 });
    v6.close();

    const db = new LeadlineDatabase(name);
    await db.open();
    expect(db.verno).toBe(8);
    expect(db.leadWords.schema.primKey.keyPath).toBe('key');
    // The old records are gone with their table; the leads and totals are untouched.
    expect(await db.leadWords.count()).toBe(0);
    expect(await db.leads.orderBy('id').toArray()).toEqual(stored);
    expect(await getTotals(db)).toEqual(totalsOf(stored));
    expect(await isIndexingSearch(db)).toBe(true);
    expect(await searchMatches(db, 'acme')).toEqual({ leads: [], indexing: true });

    expect(await indexSearchWords(db)).toBe(3);
    expect(await isIndexingSearch(db)).toBe(false);
    // String keys in list order: newest first, equal times in descending id order.
    expect(await db.leadWords.orderBy(':id').reverse().primaryKeys()).toEqual(['c', 'b', 'a'].map((id) => wordsKey(stored.find((lead) => lead.id === id)!)));
    expect((await searchMatches(db, 'acme')).leads.map((lead) => lead.id)).toEqual(['c', 'a']);
    expect((await searchMatches(db, 'old')).leads).toEqual([]);
    expect(await db.wordCounts.get('acme')).toEqual({ word: 'acme', leads: 2 });
    expect(await db.wordCounts.get('old')).toBeUndefined();
    db.close();
    await db.delete();
  });

  it('marks nothing for indexing when the upgraded database has no leads', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v6 = new Dexie(name);
    v6.version(6).stores({ leads: 'id, createdAt', leadWords: '[createdAt+id], *words', totals: 'key' });
    v6.close();
    const db = new LeadlineDatabase(name);
    await db.open();
    expect(await isIndexingSearch(db)).toBe(false);
    db.close();
    await db.delete();
  });
});
