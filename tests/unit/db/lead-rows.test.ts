import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../fake-database';
import { addReminder } from '@/lib/db/reminders';
import { deleteLead, saveOrMergeProspect, setStage } from '@/lib/db/leads';
import { leadChangeOf, singleKeys } from '@/lib/db/lead-changes';
import { createLeadRowStore, readLeadRows, type LeadRowReader, type LeadRowStore } from '@/lib/db/lead-rows';
import { previewRows } from '@/lib/db/lead-table';
import { saveTemplate } from '@/lib/db/templates';
import { withDerivedKeys } from '@/lib/model/keys';
import { NO_FILTER } from '@/lib/model/lead-filter';
import { FrameworkSchema } from '@/lib/model/framework';
import { RangeSet } from 'dexie';
import { makeLead } from '../io/lead-factory';

const T = Date.UTC(2025, 2, 3, 9, 0);
const database = useFreshDatabase();

async function storeLeads(count: number) {
  const leads = Array.from({ length: count }, (_, n) =>
    withDerivedKeys(makeLead({ id: `lead-${String(n).padStart(4, '0')}`, fullName: `Person ${n}`, score: n % 100, createdAt: T + n, capturedAt: T + n })),
  );
  await database().leads.bulkAdd(leads);
  return leads;
}

async function readStore(pageSize = 50): Promise<LeadRowStore> {
  const store = createLeadRowStore(database(), { pageSize });
  store.subscribe(() => undefined);
  await store.settled();
  return store;
}

describe('the table rows', () => {
  it('reads every lead a page at a time, telling how many it has read', async () => {
    await storeLeads(120);
    const store = createLeadRowStore(database(), { pageSize: 50 });
    const reads: number[] = [];
    store.subscribe(() => reads.push(store.getState().read));
    await store.settled();

    expect(store.getState().rows?.size).toBe(120);
    expect(store.getState().total).toBe(120);
    expect([...new Set(reads)]).toEqual(expect.arrayContaining([50, 100, 120]));
  });

  it('takes its rows from the reader it is given (the full page reads them in a worker), pages as they come', async () => {
    await storeLeads(120);
    const pages: number[] = [];
    // What the worker does, with each page passed through a structured clone as a message would be.
    const reader: LeadRowReader = (db, pageSize, onPage) =>
      readLeadRows(db, pageSize, (rows) => {
        pages.push(rows.length);
        onPage(structuredClone(rows));
      });
    const store = createLeadRowStore(database(), { pageSize: 50, readRows: reader });
    store.subscribe(() => undefined);
    await store.settled();

    expect(pages).toEqual([50, 50, 20]);
    expect(store.getState().rows?.size).toBe(120);
    expect(store.getState().rows?.get('lead-0007')).toMatchObject({ fullName: 'Person 7', score: 7 });
  });

  it('says reading failed when its reader fails, instead of waiting forever', async () => {
    await storeLeads(3);
    const store = createLeadRowStore(database(), { readRows: () => Promise.reject(new Error('the worker could not read the leads')) });
    store.subscribe(() => undefined);
    await store.settled();

    expect(store.getState()).toMatchObject({ rows: undefined, failed: true });
  });

  it('measures each checklist against its framework, built-in or the rep’s own template', async () => {
    const db = database();
    await saveTemplate(
      db,
      FrameworkSchema.parse({ id: 'partner', name: 'Partner fit', criteria: [{ id: 'resells', label: 'Resells', questions: ['Do they resell?'] }], rule: { minMet: 1 } }),
    );
    await db.leads.bulkAdd([
      withDerivedKeys(makeLead({ id: 'bant', checklist: { frameworkId: 'bant', answers: { budget: { status: 'met', note: '' } } } })),
      withDerivedKeys(makeLead({ id: 'partner', checklist: { frameworkId: 'partner', answers: { resells: { status: 'met', note: '' } } } })),
    ]);
    const rows = (await readStore()).getState().rows!;

    expect(rows.get('bant')).toMatchObject({ criteriaMet: 1, criteriaTotal: 4, checklistRuleMet: false });
    expect(rows.get('partner')).toMatchObject({ criteriaMet: 1, criteriaTotal: 1, checklistRuleMet: true });
  });

  it('follows a capture, a stage change, a reminder and a deletion made after it read', async () => {
    const db = database();
    const [first] = await storeLeads(3);
    const store = await readStore();

    const { lead: ada } = await saveOrMergeProspect(db, { source: 'linkedin', fullName: 'Ada Lovelace', confidence: 0.9 }, T + 10);
    await setStage(db, first!.id, 'qualified', T + 11);
    await addReminder(db, { leadId: first!.id, dueAt: T + 99 }, T + 12);
    await deleteLead(db, 'lead-0002');
    await store.settled();

    const rows = store.getState().rows!;
    expect(rows.size).toBe(3);
    expect(rows.get(ada.id)?.fullName).toBe('Ada Lovelace');
    expect(rows.get(first!.id)).toMatchObject({ stage: 'qualified', nextFollowUpAt: T + 99 });
    expect(rows.get('lead-0002')).toBeUndefined();
  });

  it('reads everything again when a template changes, since every checklist may count differently', async () => {
    const db = database();
    await db.leads.add(withDerivedKeys(makeLead({ id: 'custom', checklist: { frameworkId: 'mine', answers: { a: { status: 'met', note: '' } } } })));
    const store = await readStore();
    // Until the template exists, an unknown framework falls back to BANT.
    expect(store.getState().rows!.get('custom')).toMatchObject({ criteriaTotal: 4, criteriaMet: 0 });

    await saveTemplate(db, FrameworkSchema.parse({ id: 'mine', name: 'Mine', criteria: [{ id: 'a', label: 'A', questions: ['A?'] }], rule: { minMet: 1 } }));
    await store.settled();

    expect(store.getState().rows!.get('custom')).toMatchObject({ criteriaTotal: 1, criteriaMet: 1, checklistRuleMet: true });
  });

  it('stops watching with no one listening, and reads afresh when someone listens again', async () => {
    const db = database();
    await storeLeads(2);
    const store = createLeadRowStore(db);
    const stop = store.subscribe(() => undefined);
    await store.settled();
    stop();

    await saveOrMergeProspect(db, { source: 'web', fullName: 'Grace Hopper', confidence: 0.5 }, T);
    await store.settled();
    expect(store.getState().rows?.size).toBe(2);

    store.subscribe(() => undefined);
    await store.settled();
    expect(store.getState().rows?.size).toBe(3);
  });
});

describe('which leads a write touched', () => {
  it('lists single keys, and gives up on a range', () => {
    expect(singleKeys(new RangeSet().addKeys(['b', 'a', 'c']))).toEqual(['a', 'b', 'c']);
    expect(singleKeys(new RangeSet('a', 'z'))).toBeUndefined();
    expect(singleKeys(new RangeSet())).toEqual([]);
  });

  it('reads a tree relayed from another window as plain data', () => {
    const relayed = JSON.parse(JSON.stringify(new RangeSet().addKeys(['x', 'y'])));
    expect(leadChangeOf({ name: 'leadline' }, { 'idb://leadline/leads/': relayed })).toEqual({ kind: 'leads', ids: ['x', 'y'] });
    expect(leadChangeOf({ name: 'leadline' }, { 'idb://other/leads/': relayed })).toBeUndefined();
    expect(leadChangeOf({ name: 'leadline' }, { 'idb://leadline/templates/': relayed })).toEqual({ kind: 'all' });
    expect(leadChangeOf({ name: 'leadline' }, { all: relayed })).toEqual({ kind: 'all' });
  });
});

describe('the first rows before every lead is read', () => {
  it('come from the index in the query’s order, filtered', async () => {
    await storeLeads(30);
    const newest = await previewRows(database(), { filter: NO_FILTER, sort: { column: 'captured', direction: 'desc' } }, T, 5);
    expect(newest?.rows.map((r) => r.id)).toEqual(['lead-0029', 'lead-0028', 'lead-0027', 'lead-0026', 'lead-0025']);
    expect(newest?.complete).toBe(false);

    const lowScores = await previewRows(database(), { filter: { ...NO_FILTER, scoreMax: 2 }, sort: { column: 'score', direction: 'asc' } }, T, 10);
    expect(lowScores?.rows.map((r) => r.id)).toEqual(['lead-0000', 'lead-0001', 'lead-0002']);
    expect(lowScores?.complete).toBe(true);
  });

  it('are none for an order no index holds', async () => {
    await storeLeads(3);
    expect(await previewRows(database(), { filter: NO_FILTER, sort: { column: 'name', direction: 'asc' } }, T, 5)).toBeUndefined();
  });
});
