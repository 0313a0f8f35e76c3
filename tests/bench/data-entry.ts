// Bundled into an IIFE and evaluated in an extension page by the benchmark, so that Leadline's own
// import, export and search run against the extension's real IndexedDB in Chromium.
import Dexie from 'dexie';
import { getDatabase, LeadlineDatabase } from '@/lib/db/database';
import { everyLead } from '@/lib/db/lead-pages';
import { searchWindow } from '@/lib/db/search';
import { exportOffPage } from '@/components/data/export-off-page';
import { indexSearchWordsOffPage } from '@/components/data/index-off-page';
import { getTotals } from '@/lib/db/totals';
import { setStageOfLeads } from '@/lib/db/bulk-leads';
import { autoMapHeaders } from '@/lib/io/import/mapping';
import { parseCsvText } from '@/lib/io/import/parse';
import { IMPORT_BATCH, importRows } from '@/lib/io/import/run';
import { validateRowsInChunks } from '@/lib/io/import/validate';
import { matchesSearch, searchTerms, searchWords } from '@/lib/model/keys';

const FIRST = ['Ana', 'Bo', 'Chen', 'Dara', 'Emeka', 'Fatima', 'Giulia', 'Hiro', 'Ines', 'Jonas', 'Kwame', 'Lena'];
const LAST = ['Souza', 'Berg', 'Okafor', 'Müller', 'García', 'Nowak', 'Rossi', 'Tanaka', 'Dubois', 'Smith'];
const TITLES = ['VP Sales', 'Head of Data', 'CTO', 'Procurement Manager', 'Director, IT', 'Founder'];

/** A CRM export of `count` different people, starting at `offset`. */
function csvOf(count: number, offset: number): string {
  const lines = ['First Name,Last Name,Email,Phone,Job Title,Company Name,Website URL,City'];
  for (let i = offset; i < offset + count; i++) {
    const first = FIRST[i % FIRST.length]!;
    // Every row a different person: a numbered surname keeps name + company from matching another row.
    const last = `${LAST[i % LAST.length]!}${i}`;
    const company = `Company ${i % 5000}`;
    lines.push(`${first},${last},${first}.${last}.${i}@example-${i % 5000}.com,+1 415 555 ${String(i % 10000).padStart(4, '0')},"${TITLES[i % TITLES.length]}",${company},https://company${i % 5000}.example.com,Berlin`);
  }
  return lines.join('\r\n');
}

const time = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
};

/** How long `work` took, and how long the page could not answer a click meanwhile: the longest task the browser saw. */
async function withLongestTask<T>(work: () => Promise<T>): Promise<{ ms: number; value: T; longestTaskMs: number }> {
  let longestTaskMs = 0;
  const note = (entries: PerformanceEntryList) => {
    for (const entry of entries) longestTaskMs = Math.max(longestTaskMs, entry.duration);
  };
  const observer = new PerformanceObserver((list) => note(list.getEntries()));
  observer.observe({ type: 'longtask' });
  const { ms, value } = await time(work);
  note(observer.takeRecords());
  observer.disconnect();
  return { ms, value, longestTaskMs };
}

(window as unknown as { leadlineBench: unknown }).leadlineBench = {
  /**
   * Leadline's whole import path on `count` rows, in the two steps the rep waits for: checking the
   * file (parse, map, validate: before the preview) and importing it (dedupe and save in batches).
   */
  async importLeads(count: number, offset: number) {
    const db = getDatabase();
    const text = csvOf(count, offset);
    const check = await time(async () => {
      const parsed = parseCsvText(text);
      if (!parsed.ok) throw new Error(`could not parse the fixture: ${parsed.error.kind}`);
      return validateRowsInChunks(parsed.csv, autoMapHeaders(parsed.csv.headers), { defaultCountry: 'US' });
    });
    const saved = await withLongestTask(() => importRows(db, check.value, { listName: 'bench', mode: 'valid-only', now: Date.now() }));
    // The search words the import left for after it, written as the page does once the import is
    // done: in the built extension's own worker.
    const indexed = await withLongestTask(() => indexSearchWordsOffPage(db));
    return {
      checkMs: check.ms,
      importMs: saved.ms,
      imported: saved.value.imported,
      longestTaskMs: saved.longestTaskMs,
      indexMs: indexed.ms,
      indexLongestTaskMs: indexed.longestTaskMs,
    };
  },
  /** The export's own path, as the Export button runs it: every lead read and the CSV written in the export worker. */
  async exportAll() {
    const db = getDatabase();
    return withLongestTask(async () => (await exportOffPage(db, { scope: { kind: 'all' }, format: 'csv', presetId: 'generic' })).blob?.size ?? 0);
  },
  /** A bulk stage change on the first `count` leads (by id), as the table's "Change stage" runs it, with the page's longest pause. */
  async bulkStage(count: number) {
    const db = getDatabase();
    const ids = await db.leads.orderBy(':id').limit(count).primaryKeys();
    return withLongestTask(async () => (await setStageOfLeads(db, ids, 'contacted', Date.now())).changed);
  },
  /**
   * Median of `runs` searches as the popup runs them: the exact count of matches and the first screen
   * of rows read as leads (bruteForceCount, below, checks the count).
   */
  async search(query: string, runs: number) {
    const db = getDatabase();
    const samples: number[] = [];
    let found = 0;
    let longestTaskMs = 0;
    for (let i = 0; i < runs; i++) {
      const run = await withLongestTask(async () => {
        const { total, leads } = await searchWindow(db, query, 'newest', 0, 20);
        if (leads.length !== Math.min(20, total)) throw new Error(`search "${query}" showed ${leads.length} rows of ${total}`);
        return total;
      });
      samples.push(run.ms);
      found = run.value;
      longestTaskMs = Math.max(longestTaskMs, run.longestTaskMs);
    }
    // Where a search's time goes: an index count of its first term's entries, and reading all their keys.
    const term = searchTerms(query)[0]!;
    const countMs: number[] = [];
    const keysMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      countMs.push((await time(() => db.leadWords.where('words').startsWith(term).count())).ms);
      keysMs.push((await time(() => db.leadWords.where('words').startsWith(term).primaryKeys())).ms);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    return { ms: median(samples), value: found, longestTaskMs, countMs: median(countMs), keysMs: median(keysMs) };
  },
  /** How many leads match, counted one by one over every lead (for the search rows' exactness check). */
  async bruteForceCount(query: string) {
    const terms = searchTerms(query);
    return (await everyLead(getDatabase())).filter((lead) => matchesSearch(searchWords(lead), terms)).length;
  },
  /** The lead count the totals hold, and how long reading them takes. */
  async totals() {
    return time(async () => (await getTotals(getDatabase())).leads);
  },
  /**
   * The floor for Leadline's data model: `count` of the leads just imported, written again with raw
   * IndexedDB (no Dexie, no dedupe, no validation) into an empty database with Leadline's own schema,
   * in transactions of the importer's size.
   */
  async rawFloor(count: number) {
    const leads = (await getDatabase().leads.limit(count).toArray()).map((lead, i) => ({ ...lead, id: `floor-${i}-${lead.id}` }));
    const scratch = new LeadlineDatabase('leadline-bench-floor');
    await scratch.open();
    const idb = scratch.backendDB();
    const written = await time(async () => {
      // In the importer's transaction size.
      for (let start = 0; start < leads.length; start += IMPORT_BATCH) {
        const tx = idb.transaction('leads', 'readwrite');
        const store = tx.objectStore('leads');
        for (const lead of leads.slice(start, start + IMPORT_BATCH)) store.add(lead);
        await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
      }
    });
    // The export's floor: the same leads read back, a page of 2,000 at a time as everyLead reads them.
    const read = await time(async () => {
      let count = 0;
      let last: IDBValidKey | undefined;
      for (;;) {
        const range = last === undefined ? undefined : IDBKeyRange.lowerBound(last, true);
        const page = await new Promise<unknown[]>((resolve, reject) => {
          const request = idb.transaction('leads').objectStore('leads').getAll(range, 2_000);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        count += page.length;
        if (page.length < 2_000) return count;
        last = (page[page.length - 1] as { id: string }).id;
      }
    });
    scratch.close();
    await Dexie.delete('leadline-bench-floor');
    return { writeMs: written.ms, readMs: read.ms };
  },
  /** The same number of small records (six fields, one index) written and read back with raw IndexedDB. */
  async rawBaseline(count: number) {
    const records = Array.from({ length: count }, (_, i) => ({
      id: `raw-${i}`,
      fullName: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`,
      email: `raw.${i}@example.com`,
      company: `Company ${i % 5000}`,
      title: TITLES[i % TITLES.length],
      createdAt: i,
    }));
    const open = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('leadline-bench-raw', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('leads', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const db = await open();
    const done = (tx: IDBTransaction) => new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
    const write = await time(async () => {
      const tx = db.transaction('leads', 'readwrite');
      const store = tx.objectStore('leads');
      for (const record of records) store.put(record);
      await done(tx);
    });
    const read = await time(
      () =>
        new Promise<number>((resolve) => {
          const request = db.transaction('leads').objectStore('leads').getAll();
          request.onsuccess = () => resolve(request.result.length);
        }),
    );
    db.close();
    await new Promise((resolve) => (indexedDB.deleteDatabase('leadline-bench-raw').onsuccess = resolve));
    return { writeMs: write.ms, readMs: read.ms };
  },
};
