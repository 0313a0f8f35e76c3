import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LeadlineDatabase } from '@/lib/db/database';

const T0 = Date.UTC(2026, 10, 1);

describe('the database schema', () => {
  it('keeps every lead and activity of a version 3 database when it is upgraded to version 4', async () => {
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
    expect(db.verno).toBe(4);
    // Only the indexes a query reads: each one is paid for by every write.
    expect(db.leads.schema.indexes.map((index) => index.name).sort()).toEqual(
      ['[score+createdAt]', 'createdAt', 'emailKey', 'nameCompanyKey', 'profileKey', 'searchWords'].sort(),
    );
    expect(db.activities.schema.indexes.map((index) => index.name)).toEqual(['leadId']);
    expect(await db.activities.where('leadId').equals('a').toArray()).toMatchObject([{ text: 'Met at SaaStr' }]);
    // Highest score first, the newest first among equal scores.
    const byScore = await db.leads.orderBy('[score+createdAt]').reverse().primaryKeys();
    expect(byScore).toEqual(['c', 'b', 'a']);
    db.close();
  });
});
