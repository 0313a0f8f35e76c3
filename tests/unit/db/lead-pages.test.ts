import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../../fake-database';
import { LeadlineDatabase } from '@/lib/db/database';
import { withDerivedKeys } from '@/lib/model/keys';
import { countLeads, everyLead, isSearch, leadPage, leadPosition, sortLeads } from '@/lib/db/lead-pages';
import { searchMatches } from '@/lib/db/leads';
import type { Lead } from '@/lib/model/lead';
import { makeLead } from '../io/lead-factory';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const MINUTE = 60_000;
const FIRST_NAMES = ['Ana', 'Chen', 'María', 'Tom', 'Grace', 'Ravi', 'Fatima', 'Lukas'];
const COMPANIES = ['Acme Corp', 'Globex', 'Nimbus Analytics', 'Initech', 'Umbrella Health'];

/** The nth lead a rep captured, one a minute; scores spread 0–100 so many leads share one. */
function capturedLead(n: number, fields: Partial<Lead> = {}): Lead {
  const firstName = FIRST_NAMES[n % FIRST_NAMES.length]!;
  return withDerivedKeys(
    makeLead({
      id: `lead-${String(n).padStart(4, '0')}`,
      fullName: `${firstName} Example${n}`,
      firstName,
      lastName: `Example${n}`,
      company: COMPANIES[n % COMPANIES.length],
      score: (n * 37) % 101,
      createdAt: T0 + n * MINUTE,
      capturedAt: T0 + n * MINUTE,
      ...fields,
    }),
  );
}

const newestFirst = (leads: Lead[]) => [...leads].sort((a, b) => b.createdAt - a.createdAt);
const highestScoreFirst = (leads: Lead[]) => [...leads].sort((a, b) => b.score - a.score || b.createdAt - a.createdAt);
const ids = (leads: Lead[]) => leads.map((lead) => lead.id);

let db: LeadlineDatabase;
let stored: Lead[];

beforeEach(async () => {
  db = freshDatabase();
  stored = Array.from({ length: 1_000 }, (_, n) => capturedLead(n));
  await db.leads.bulkAdd(stored);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('paging through every lead', () => {
  it('counts every lead, not only the newest 200', async () => {
    expect(await countLeads(db)).toBe(1_000);
  });

  it('reads the first page newest first', async () => {
    expect(ids(await leadPage(db, 'newest', 0, 20))).toEqual(ids(newestFirst(stored).slice(0, 20)));
  });

  it('reads a page far down the list from exactly its position', async () => {
    expect(ids(await leadPage(db, 'newest', 870, 25))).toEqual(ids(newestFirst(stored).slice(870, 895)));
  });

  it('orders by the highest score across all leads, newest first among equal scores', async () => {
    const oldestStar = capturedLead(1_000, { id: 'oldest-star', score: 100, createdAt: T0 - 365 * 24 * 60 * MINUTE });
    await db.leads.add(oldestStar);

    const top = await leadPage(db, 'score', 0, 30);

    expect(ids(top)).toEqual(ids(highestScoreFirst([...stored, oldestStar]).slice(0, 30)));
    expect(ids(top)).toContain('oldest-star');
  });

  it('ends a page at the last lead', async () => {
    expect(ids(await leadPage(db, 'score', 990, 20))).toEqual(ids(highestScoreFirst(stored).slice(990)));
  });

  it('steps over the leads before the page in one jump, not one by one', async () => {
    const steps = vi.spyOn(IDBCursor.prototype, 'continue');

    await leadPage(db, 'score', 900, 15);

    // One step per lead of the page at most; reading the 900 skipped leads would take 900 more.
    expect(steps.mock.calls.length).toBeLessThanOrEqual(15);
  });
});

describe('what the popup lists', () => {
  it('lists every lead when the query has no word in it', () => {
    expect(isSearch('')).toBe(false);
    expect(isSearch('  -- ')).toBe(false);
    expect(isSearch('globex')).toBe(true);
  });

  it('with a query, holds the matches only, newest first, all of them read', async () => {
    const atGlobex = stored.filter((lead) => lead.company === 'Globex');

    expect(await searchMatches(db, 'globex')).toEqual({ leads: newestFirst(atGlobex), indexing: false });
  });

  it('with a query, sorts the matches highest score first', async () => {
    const graces = stored.filter((lead) => lead.firstName === 'Grace');

    expect(ids(sortLeads((await searchMatches(db, 'grace')).leads, 'score'))).toEqual(ids(highestScoreFirst(graces)));
  });

  it('finds every match of a term every lead has, with no cap on how many', async () => {
    // Every stored lead's last name starts with "example".
    const { leads, indexing } = await searchMatches(db, 'example');
    expect(ids(leads)).toEqual(ids(newestFirst(stored)));
    expect(indexing).toBe(false);
    expect(ids((await searchMatches(db, 'example12')).leads)).toEqual(
      ids(newestFirst(stored.filter((lead) => /^Example12\d*$/.test(lead.lastName!)))),
    );
  });
});

describe('finding where a lead stands', () => {
  it('gives its position in either order', async () => {
    const lead = stored[123]!;

    expect(await leadPosition(db, '', 'newest', lead.id)).toBe(newestFirst(stored).indexOf(lead));
    expect(await leadPosition(db, '', 'score', lead.id)).toBe(ids(await leadPage(db, 'score', 0, 1_000)).indexOf(lead.id));
  });

  it('tells apart leads saved in the same millisecond', async () => {
    const twins = ['twin-a', 'twin-b', 'twin-c'].map((id) => capturedLead(2_000, { id }));
    await db.leads.bulkAdd(twins);
    const page = ids(await leadPage(db, 'newest', 0, 3));

    for (const twin of twins) expect(await leadPosition(db, '', 'newest', twin.id)).toBe(page.indexOf(twin.id));
  });

  it('gives its position among the matches of a search', async () => {
    const graces = newestFirst(stored.filter((lead) => lead.firstName === 'Grace'));

    expect(await leadPosition(db, 'grace', 'newest', graces[7]!.id)).toBe(7);
  });

  it('finds no position for a deleted lead or one the search does not match', async () => {
    const tom = stored.find((lead) => lead.firstName === 'Tom')!;

    expect(await leadPosition(db, '', 'newest', 'deleted-lead')).toBeUndefined();
    expect(await leadPosition(db, 'grace', 'newest', tom.id)).toBeUndefined();
  });
});

describe('reading every lead', () => {
  it('reads every lead once, a page at a time, and says how far it has got', async () => {
    const read: number[] = [];
    const leads = await everyLead(db, { pageSize: 300, onProgress: (count) => read.push(count) });

    expect(ids(leads)).toEqual(ids(stored).sort());
    expect(read).toEqual([300, 600, 900, 1_000]);
  });

  it('stops after a full last page with one empty read', async () => {
    const read: number[] = [];
    expect(await everyLead(db, { pageSize: 500, onProgress: (count) => read.push(count) })).toHaveLength(1_000);
    expect(read).toEqual([500, 1_000, 1_000]);
  });

  it('reads nothing from an empty database', async () => {
    await db.leads.clear();
    expect(await everyLead(db)).toEqual([]);
  });
});
