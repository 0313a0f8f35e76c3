// Bundled into an IIFE and evaluated in an extension page by the benchmark, so that Leadline's own
// import, export and search run against the extension's real IndexedDB in Chromium.
import Dexie from 'dexie';
import { getDatabase, LeadlineDatabase } from '@/lib/db/database';
import { everyLead } from '@/lib/db/lead-pages';
import { searchMatches } from '@/lib/db/leads';
import { leadsToCsvChunked } from '@/lib/io/chunked';
import { autoMapHeaders } from '@/lib/io/import/mapping';
import { parseCsvText } from '@/lib/io/import/parse';
import { importRows } from '@/lib/io/import/run';
import { validateRowsInChunks } from '@/lib/io/import/validate';

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
      if (!parsed.ok) throw new Error(parsed.error);
      return validateRowsInChunks(parsed.csv, autoMapHeaders(parsed.csv.headers), { defaultCountry: 'US' });
    });
    const saved = await withLongestTask(() => importRows(db, check.value, { listName: 'bench', mode: 'valid-only', now: Date.now() }));
    return { checkMs: check.ms, importMs: saved.ms, imported: saved.value.imported, longestTaskMs: saved.longestTaskMs };
  },
  /** The export's own path: every lead read a page at a time, then the CSV built a chunk at a time. */
  async exportAll() {
    const db = getDatabase();
    return withLongestTask(async () => (await leadsToCsvChunked(await everyLead(db))).length);
  },
  /** Median of `runs` searches for a term that matches about one lead in twelve. */
  async search(term: string, runs: number) {
    const db = getDatabase();
    const samples: number[] = [];
    let found = 0;
    for (let i = 0; i < runs; i++) {
      const { ms, value } = await time(async () => (await searchMatches(db, term)).leads);
      samples.push(ms);
      found = value.length;
    }
    samples.sort((a, b) => a - b);
    return { ms: samples[Math.floor(runs / 2)]!, value: found };
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
      for (let start = 0; start < leads.length; start += 2_000) {
        const tx = idb.transaction('leads', 'readwrite');
        const store = tx.objectStore('leads');
        for (const lead of leads.slice(start, start + 2_000)) store.add(lead);
        await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
      }
    });
    scratch.close();
    await Dexie.delete('leadline-bench-floor');
    return written.ms;
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
