import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../fake-database';
import { newestHitFirst, searchLeadIds, searchWindow } from '@/lib/db/search';
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

  it('shows the exact count and the right stretch of rows for any window, in either order', async () => {
    const leads = generatedLeads();
    await db().leads.bulkAdd(leads);
    // "ada" and "tom" are one word each in the index (counted, and paged from the index alone); "chen"
    // also begins "chenoa" and "chenoweth", so a lead can be listed under several of its words.
    for (const query of ['ada', 'tom', 'chen', 'chen company', 'c co', 'co c example', 'nobody']) {
      const expected = bruteForce(leads, query);
      const byScore = [...expected].sort((a, b) => b.score - a.score || newestHitFirst(a, b));
      for (const [order, list] of [['newest', expected], ['score', byScore]] as const) {
        for (const [offset, limit] of [[0, 20], [7, 5], [expected.length - 3, 20], [expected.length + 5, 10]] as const) {
          const window = await searchWindow(db(), query, order, Math.max(0, offset), limit);
          const start = Math.max(0, offset);
          expect({ query, order, offset: start, total: window.total, ids: window.leads.map((lead) => lead.id) }).toEqual({
            query,
            order,
            offset: start,
            total: expected.length,
            ids: list.slice(start, start + limit).map((hit) => hit.id),
          });
        }
      }
    }
  });

  it('counts a word every lead has as narrowing nothing, and still applies it', async () => {
    // Every company is "Company <n>" (as in the bench's file): "company" is on every lead.
    const leads = generatedLeads().map((lead, n) => withDerivedKeys({ ...lead, company: `Company ${n % 40}` }));
    await db().leads.bulkAdd(leads);
    expect(await db().wordCounts.get('company')).toEqual({ word: 'company', leads: leads.length });
    for (const query of ['chen company', 'company ada', 'company', 'company 7', 'tom company example', 'company nobody']) {
      const expected = bruteForce(leads, query);
      const window = await searchWindow(db(), query, 'newest', 3, 10);
      expect({ query, total: window.total, ids: window.leads.map((lead) => lead.id) }).toEqual({
        query,
        total: expected.length,
        ids: expected.slice(3, 13).map((hit) => hit.id),
      });
      expect((await searchLeadIds(db(), query, { scores: true })).hits).toEqual(expected);
    }
    // Once one lead lacks it, "company" narrows again: the same searches, still exact.
    await db().leads.put(withDerivedKeys({ ...leads[0]!, company: 'Acme Corp' }));
    const now = [withDerivedKeys({ ...leads[0]!, company: 'Acme Corp' }), ...leads.slice(1)];
    for (const query of ['chen company', 'company ada']) {
      expect((await searchWindow(db(), query, 'newest', 0, 1_000)).leads.map((lead) => lead.id)).toEqual(bruteForce(now, query).map((hit) => hit.id));
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
