// Probe for bulk stage changes (issue 14): evaluated in an extension page like data-entry.ts.
import { getDatabase } from '@/lib/db/database';
import { indexSearchWords } from '@/lib/db/search';
import { setStageOfLeads, undoStageOfLeads } from '@/lib/db/bulk-leads';
import * as before from './bulk-leads-before';
import { loadScoringContext } from '@/lib/db/leads';
import { finaliseLead, NOT_ENGAGEMENT } from '@/lib/qualify/finalise-lead';
import { autoMapHeaders } from '@/lib/io/import/mapping';
import { parseCsvText } from '@/lib/io/import/parse';
import { importRows } from '@/lib/io/import/run';
import { validateRowsInChunks } from '@/lib/io/import/validate';
import { withStage } from '@/lib/model/stage-change';
import { logEntry } from '@/lib/model/activity-event';
import type { Activity, Lead } from '@/lib/model/lead';
import { wordsKey } from '@/lib/db/upkeep';
import type { ActivitySummary } from '@/lib/qualify/score';

const FIRST = ['Ana', 'Bo', 'Chen', 'Dara', 'Emeka', 'Fatima', 'Giulia', 'Hiro', 'Ines', 'Jonas', 'Kwame', 'Lena'];
const LAST = ['Souza', 'Berg', 'Okafor', 'Müller', 'García', 'Nowak', 'Rossi', 'Tanaka', 'Dubois', 'Smith'];
const TITLES = ['VP Sales', 'Head of Data', 'CTO', 'Procurement Manager', 'Director, IT', 'Founder'];
function csvOf(count: number, offset: number): string {
  const lines = ['First Name,Last Name,Email,Phone,Job Title,Company Name,Website URL,City'];
  for (let i = offset; i < offset + count; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = `${LAST[i % LAST.length]!}${i}`;
    const company = `Company ${i % 5000}`;
    lines.push(`${first},${last},${first}.${last}.${i}@example-${i % 5000}.com,+1 415 555 ${String(i % 10000).padStart(4, '0')},"${TITLES[i % TITLES.length]}",${company},https://company${i % 5000}.example.com,Berlin`);
  }
  return lines.join('\r\n');
}

function observeLongTasks() {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  return () => {
    observer.takeRecords().forEach((e) => tasks.push(e.duration));
    observer.disconnect();
    return { longest: Math.max(0, ...tasks), over100: tasks.filter((t) => t > 100).length, over50: tasks.length };
  };
}

(window as unknown as { bulkProbe: unknown }).bulkProbe = {
  async seed() {
    const db = getDatabase();
    for (const [count, offset] of [[10_000, 0], [90_000, 10_000]] as const) {
      const parsed = parseCsvText(csvOf(count, offset));
      if (!parsed.ok) throw new Error('parse');
      const checked = await validateRowsInChunks(parsed.csv, autoMapHeaders(parsed.csv.headers), { defaultCountry: 'US' });
      await importRows(db, checked, { listName: 'bench', mode: 'valid-only', now: Date.now() });
      await indexSearchWords(db);
    }
    // A tenth of the first 10,000 leads get an engagement each (an email), as leads a rep works have.
    const ids = await db.leads.orderBy(':id').limit(10_000).primaryKeys();
    await db.activities.bulkAdd(ids.filter((_, i) => i % 10 === 0).map((leadId) => ({ leadId, kind: 'email', at: Date.now() - 86_400_000, text: 'Re: pricing' }) as Activity));
    return db.leads.count();
  },
  /** Main's and this branch's setStageOfLeads in turn on the same `count` leads, each a full move (to another stage than the last). */
  async ab(count: number, rounds: number, variants = 'main,branch') {
    const moves = { main: before.setStageOfLeads, branch: setStageOfLeads };
    const db = getDatabase();
    const ids = await db.leads.orderBy(':id').limit(count).primaryKeys();
    const stages = ['contacted', 'qualified'] as const;
    const runs: Array<{ which: string; ms: number; longest: number; over100: number }> = [];
    let turn = 0;
    for (let round = 0; round < rounds; round++) {
      for (const which of variants.split(',') as Array<keyof typeof moves>) {
        const move = moves[which];
        const stop = observeLongTasks();
        const started = performance.now();
        const change = await move(db, ids, stages[turn++ % 2]!, Date.now());
        const ms = performance.now() - started;
        const tasks = stop();
        if (change.changed !== count) throw new Error(`${which} moved ${change.changed}`);
        runs.push({ which, ms, longest: tasks.longest, over100: tasks.over100 });
      }
    }
    return runs;
  },
  /** Engagement of `count` leads in batches: one lookup per lead (main) against one range read per batch, in turn. */
  async engagement(count: number, batchSize: number, rounds: number) {
    const db = getDatabase();
    const ids = await db.leads.orderBy(':id').limit(count).primaryKeys();
    const out = { perLead: [] as number[], range: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      for (const how of ['perLead', 'range'] as const) {
        const started = performance.now();
        for (let start = 0; start < ids.length; start += batchSize) {
          const batch = ids.slice(start, start + batchSize);
          await db.transaction('r', [db.leads, db.activities], async () => {
            if (how === 'perLead') await Promise.all(batch.map((id) => db.activities.where('leadId').equals(id).toArray()));
            else {
              await db.leads.where(':id').between(batch[0]!, batch.at(-1)!, true, true).limit(2 * batch.length + 1).primaryKeys();
              await db.activities.where('leadId').between(batch[0]!, batch.at(-1)!, true, true).toArray();
            }
          });
        }
        out[how].push(performance.now() - started);
      }
    }
    return out;
  },
  /** The real setStageOfLeads and undoStageOfLeads on the first `count` leads by id. */
  async bulk(count: number) {
    const db = getDatabase();
    const ids = await db.leads.orderBy(':id').limit(count).primaryKeys();
    let stop = observeLongTasks();
    let started = performance.now();
    const change = await setStageOfLeads(db, ids, 'contacted', Date.now());
    const moveMs = performance.now() - started;
    const move = stop();
    stop = observeLongTasks();
    started = performance.now();
    const restored = await undoStageOfLeads(db, change, Date.now());
    const undoMs = performance.now() - started;
    const undo = stop();
    return { moved: change.changed, moveMs, move, restored, undoMs, undo };
  },
  /** The parts of a leads put, each on its own: words records rewritten with a new score, leads put with the same score, raw activities add. */
  async parts(count: number, batchSize: number) {
    const db = getDatabase();
    const ids = await db.leads.orderBy(':id').limit(count).primaryKeys();
    const t = { bulkGet: 0, wordsGet: 0, wordsPut: 0, leadsPutSameScore: 0, total: 0 };
    const stop = observeLongTasks();
    const all = performance.now();
    for (let start = 0; start < ids.length; start += batchSize) {
      const batch = ids.slice(start, start + batchSize);
      let mark = performance.now();
      const lap = (key: keyof typeof t) => {
        const at = performance.now();
        t[key] += at - mark;
        mark = at;
      };
      await db.transaction('rw', [db.leads, db.leadWords], async () => {
        const leads = (await db.leads.bulkGet(batch)) as Lead[];
        lap('bulkGet');
        const words = await db.leadWords.bulkGet(leads.map((l) => wordsKey(l)));
        lap('wordsGet');
        await db.leadWords.bulkPut(words.map((w) => ({ ...w!, score: w!.score + 1 })));
        lap('wordsPut');
        await db.leads.bulkPut(leads.map((l) => ({ ...l, updatedAt: l.updatedAt + 1 })));
        lap('leadsPutSameScore');
      });
    }
    t.total = performance.now() - all;
    return { ...t, tasks: stop() };
  },
  /** Raw IndexedDB floor of the same stored work: per batch, read the leads, put them back changed, put their words with a new score, add one activity each. */
  async floor(count: number, batchSize: number, parts: string) {
    const db = getDatabase();
    const ids = await db.leads.orderBy(':id').limit(count).primaryKeys();
    const leads = (await db.leads.bulkGet(ids)) as Lead[];
    const words = await db.leadWords.bulkGet(leads.map((l) => wordsKey(l)));
    const idb = db.backendDB();
    const now = Date.now();
    const stop = observeLongTasks();
    const started = performance.now();
    for (let start = 0; start < ids.length; start += batchSize) {
      const tx = idb.transaction(['leads', 'leadWords', 'activities'], 'readwrite');
      const end = Math.min(ids.length, start + batchSize);
      if (parts.includes('r')) for (let i = start; i < end; i++) tx.objectStore('leads').get(ids[i]!);
      for (let i = start; i < end; i++) {
        if (parts.includes('l')) tx.objectStore('leads').put({ ...leads[i]!, stage: 'contacted', updatedAt: now, score: leads[i]!.score + 1 });
        if (parts.includes('w')) tx.objectStore('leadWords').put({ ...words[i]!, score: words[i]!.score + 1 });
        if (parts.includes('a')) tx.objectStore('activities').add({ leadId: ids[i], kind: 'stage', at: now, text: 'Stage: New → Contacted' });
      }
      await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
    }
    return { ms: performance.now() - started, tasks: stop() };
  },
  /** Today's algorithm (lib/db/bulk-leads.ts at main), phase by phase: where a batch's time goes. */
  async breakdown(count: number, batchSize: number) {
    const db = getDatabase();
    const ids = await db.leads.orderBy(':id').limit(count).primaryKeys();
    const t = { bulkGet: 0, context: 0, engagement: 0, finalise: 0, activities: 0, leadsPut: 0, commit: 0, total: 0 };
    const now = Date.now();
    const stop = observeLongTasks();
    const all = performance.now();
    for (let start = 0; start < ids.length; start += batchSize) {
      const batch = ids.slice(start, start + batchSize);
      let mark = performance.now();
      const lap = (key: keyof typeof t) => {
        const at = performance.now();
        t[key] += at - mark;
        mark = at;
      };
      await db.transaction('rw', [db.leads, db.activities, db.templates, db.settings], async () => {
        const leads = await db.leads.bulkGet(batch);
        lap('bulkGet');
        const context = await loadScoringContext(db, undefined);
        lap('context');
        const engagement = new Map<string, ActivitySummary>();
        for (const id of batch) engagement.set(id, { count: 0 });
        const found = (await Promise.all(batch.map((id) => db.activities.where('leadId').equals(id).toArray()))).flat();
        for (const a of found) {
          if (NOT_ENGAGEMENT.has(a.kind)) continue;
          const s = engagement.get(a.leadId)!;
          s.count += 1;
          s.lastAt = Math.max(s.lastAt ?? 0, a.at);
        }
        lap('engagement');
        const after: Lead[] = [];
        const activities: Activity[] = [];
        for (const lead of leads) {
          if (!lead || lead.stage === 'contacted') continue;
          activities.push({ ...logEntry({ type: 'stage', from: lead.stage, to: 'contacted' }), leadId: lead.id, at: now });
          const e = engagement.get(lead.id)!;
          after.push(finaliseLead({ ...withStage(lead, 'contacted', now), updatedAt: now }, now, { ...context, activity: { count: e.count + 1, lastAt: now } }));
        }
        lap('finalise');
        await db.activities.bulkAdd(activities);
        lap('activities');
        await db.leads.bulkPut(after);
        lap('leadsPut');
      });
      lap('commit');
    }
    t.total = performance.now() - all;
    return { ...t, tasks: stop() };
  },
};
