import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../fake-database';
import { newestHitFirst, searchLeadIds } from '@/lib/db/search';
import { withDerivedKeys, matchesSearch, searchTerms, searchWords } from '@/lib/model/keys';
import type { Lead } from '@/lib/model/lead';
import { makeLead } from '../io/lead-factory';
import { pick, seededRandom } from './seeded-random';

const FIRST = ['Ana', 'Chen', 'Chenoa', 'María', 'Tom', 'Grace', 'Ravi', 'Fatima', 'Lukas', 'Ada'];
const LAST = ['Souza', 'Berg', 'Chenoweth', 'García', 'Nowak', 'Rossi', 'Tanaka', 'Dubois', 'Smith', 'Comte'];
const COMPANIES = ['Acme Corp', 'Company 7', 'Globex Company', 'Nimbus Analytics', 'Chen & Co', 'Initech'];
const TITLES = ['VP Sales', 'CTO', 'Head of Data', 'Procurement Manager', 'Founder', undefined];
const T0 = Date.UTC(2026, 0, 5);

/** 600 leads with overlapping words, many captured in the same millisecond, scores spread 0–100. */
function generatedLeads(): Lead[] {
  const random = seededRandom(20261);
  return Array.from({ length: 600 }, (_, n) => {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const title = pick(random, TITLES);
    return withDerivedKeys(
      makeLead({
        id: `lead-${n}`,
        fullName: `${first} ${last}`,
        firstName: first,
        lastName: last,
        company: pick(random, COMPANIES),
        email: random() < 0.5 ? `${first}.${last}${n}@example.com`.toLowerCase() : undefined,
        ...(title ? { title } : {}),
        score: Math.floor(random() * 101),
        createdAt: T0 + Math.floor(random() * 200) * 1000,
      }),
    );
  });
}

/** What a search must return: every lead whose words start with each term, checked one by one. */
function bruteForce(leads: readonly Lead[], query: string) {
  const terms = searchTerms(query);
  return leads
    .filter((lead) => matchesSearch(searchWords(lead), terms))
    .map((lead) => ({ id: lead.id, createdAt: lead.createdAt, score: lead.score }))
    .sort(newestHitFirst);
}

const QUERIES = [
  'chen',
  'chen company',
  'company chen',
  'co',
  'c',
  'ana souza',
  'acme cto',
  'garcia example com',
  'globex company founder',
  'chenoa chenoweth',
  'vp sales company 7',
  'nobody',
  'a b c',
];

describe('searching generated leads', () => {
  const db = useFreshDatabase();

  it('finds exactly the leads a one-by-one check finds, for one word and for several, in list order', async () => {
    const leads = generatedLeads();
    await db().leads.bulkAdd(leads);
    for (const query of QUERIES) {
      const expected = bruteForce(leads, query);
      const { hits, indexing } = await searchLeadIds(db(), query, { scores: true });
      expect({ query, count: hits.length, hits }).toEqual({ query, count: expected.length, hits: expected });
      expect(indexing).toBe(false);
      // Newest first without scores: the same leads in the same order, read from the index alone for one word.
      const plain = (await searchLeadIds(db(), query)).hits.map(({ id, createdAt }) => ({ id, createdAt }));
      expect(plain).toEqual(expected.map(({ id, createdAt }) => ({ id, createdAt })));
    }
  });

  it('still finds every match when every term has more entries than the first look reads', async () => {
    const leads = generatedLeads();
    await db().leads.bulkAdd(leads);
    // With a first look of 10 entries, "c" and "co" need several rounds before one of them is read whole.
    for (const query of ['c co', 'co c example', 'chen company']) {
      expect(await searchLeadIds(db(), query, { firstProbe: 10, scores: true })).toEqual({ hits: bruteForce(leads, query), indexing: false });
    }
  });

  it('keeps up with edits and deletes: a renamed lead is found by its new name only', async () => {
    const leads = generatedLeads();
    await db().leads.bulkAdd(leads);
    const renamed = { ...leads[3]!, fullName: 'Zelda Quist', firstName: 'Zelda', lastName: 'Quist' };
    await db().leads.put(renamed);
    await db().leads.delete(leads[4]!.id);
    const now = leads.map((lead) => (lead.id === renamed.id ? renamed : lead)).filter((lead) => lead.id !== leads[4]!.id);
    for (const query of ['zelda', 'quist', leads[3]!.firstName!, leads[4]!.firstName!, 'chen company']) {
      expect((await searchLeadIds(db(), query, { scores: true })).hits).toEqual(bruteForce(now, query));
    }
  });
});
