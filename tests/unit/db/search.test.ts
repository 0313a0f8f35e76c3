import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../fake-database';
import { LeadlineDatabase } from '@/lib/db/database';
import { leadPage } from '@/lib/db/lead-pages';
import { saveOrMergeProspect, searchMatches } from '@/lib/db/leads';
import { indexSearchWords } from '@/lib/db/search';

const T0 = Date.UTC(2026, 10, 1);

async function seeded() {
  const db = freshDatabase();
  const people = [
    { fullName: 'María José García-López', company: 'Nimbus Analytics', email: 'mj.garcia@nimbus.example', title: 'Head of RevOps' },
    { fullName: 'Ana Souza', company: 'Acme Corp', email: 'ana.souza@acme.io', title: 'VP of Sales' },
    { fullName: 'Chen Wei', company: 'Acme Corp', email: 'chen.wei@acme.io', title: 'CTO' },
    { fullName: 'Tom Chenoweth', company: 'Globex', email: 'tom@globex.com', title: 'Procurement' },
  ];
  for (const [i, person] of people.entries()) {
    await saveOrMergeProspect(db, { source: 'web', confidence: 0.9, ...person }, T0 + i);
  }
  return db;
}

const names = (leads: Array<{ fullName: string }>) => leads.map((lead) => lead.fullName);
const search = async (db: LeadlineDatabase, query: string) => (await searchMatches(db, query)).leads;

describe('searching leads', () => {
  it('matches nothing when the query has no word in it (the list then pages through every lead)', async () => {
    const db = await seeded();
    expect(await searchMatches(db, '  ')).toEqual({ leads: [], indexing: false });
    expect(names(await leadPage(db, 'newest', 0, 10))).toEqual(['Tom Chenoweth', 'Chen Wei', 'Ana Souza', 'María José García-López']);
  });

  it('finds words by their beginning, newest first', async () => {
    expect(names(await search(await seeded(), 'chen'))).toEqual(['Tom Chenoweth', 'Chen Wei']);
  });

  it('ignores accents and case', async () => {
    expect(names(await search(await seeded(), 'GARCIA'))).toEqual(['María José García-López']);
    expect(names(await search(await seeded(), 'garcía'))).toEqual(['María José García-López']);
  });

  it('needs every term to match, across name and company', async () => {
    expect(names(await search(await seeded(), 'ana acme'))).toEqual(['Ana Souza']);
  });

  it('finds a lead by a whole email address', async () => {
    expect(names(await search(await seeded(), 'ana.souza@acme.io'))).toEqual(['Ana Souza']);
  });

  it('finds nothing for a term no lead has', async () => {
    expect(await search(await seeded(), 'initech')).toEqual([]);
  });

  it('indexes the leads of a version 2 database when it is upgraded', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores({
      leads: 'id, emailKey, profileKey, nameCompanyKey, stage, createdAt, updatedAt, nextFollowUpAt',
      activities: '++id, leadId, at',
      reminders: 'id, leadId, dueAt, status',
      templates: 'id',
      settings: 'key',
    });
    await v2.table('leads').add({ id: 'old', fullName: 'Ana Souza', company: 'Acme Corp', createdAt: T0 });
    v2.close();
    const db = new LeadlineDatabase(name);
    // The words are written by the background pass that every start runs, not by the upgrade itself.
    expect(await searchMatches(db, 'acme')).toEqual({ leads: [], indexing: true });
    await indexSearchWords(db);
    expect(names(await search(db, 'acme'))).toEqual(['Ana Souza']);
  });
});
