import type { LeadlineDatabase } from './database';
import { importedSince } from './import-log';
import { jobChangeLeads } from './leads';
import { openReminders } from './reminders';
import { readTemplates } from './templates';
import { dueReminders } from '@/lib/followup/reminders';
import type { Lead, Reminder } from '@/lib/model/lead';
import { startOfLocalDay } from '@/lib/model/local-day';
import { byScore, waitsToBeQualified } from '@/lib/model/work-queue';
import { getFramework } from '@/lib/qualify/frameworks';
import { checklistProgress } from '@/lib/qualify/progress';

export type FollowUp = { reminder: Reminder; lead: Lead };

export type TodayQueue = {
  /** Overdue follow-ups, oldest first, then those due later today, each with its lead. */
  followUps: FollowUp[];
  /** Open leads whose checklist is short of its rule, highest score first (untouched imports left out). */
  toQualify: Lead[];
  /** How many new leads each list brought in today, the largest first. */
  importedToday: { list: string; imported: number }[];
  /** Leads whose title or company changed on a re-capture, waiting for the rep's Update or Keep. */
  jobChanges: Lead[];
  /** Whether there is any lead at all (to tell an empty day from an empty Leadline). */
  anyLeads: boolean;
};

const JOB_CHANGES_SHOWN = 20;

/**
 * Leads read from the top of the score index, a page at a time, to find the ones waiting to be
 * qualified: a book of 100,000 untouched imports costs Today 2,000 reads, not 100,000.
 */
const QUALIFY_PAGE = 250;
const QUALIFY_SCAN = 2_000;

/** The highest-scoring leads that wait to be qualified, at most `limit`. */
async function leadsToQualify(db: LeadlineDatabase, limit: number): Promise<Lead[]> {
  const templates = await readTemplates(db);
  const found: Lead[] = [];
  for (let offset = 0; offset < QUALIFY_SCAN && found.length < limit; offset += QUALIFY_PAGE) {
    const page = await db.leads.orderBy('[score+createdAt]').reverse().offset(offset).limit(QUALIFY_PAGE).toArray();
    for (const lead of page) {
      const ruleMet = checklistProgress(getFramework(lead.checklist.frameworkId, templates), lead.checklist).ruleMet;
      if (waitsToBeQualified(lead, ruleMet)) found.push(lead);
      if (found.length === limit) break;
    }
    if (page.length < QUALIFY_PAGE) break;
  }
  return found.sort(byScore);
}

/**
 * What the popup's Today shows at time `at`, as a work queue: follow-ups due before `endOfDay`
 * (overdue first), then the leads to qualify next by score, then one line per list imported today, so
 * an import of thousands never floods it.
 */
export async function todayQueue(
  db: LeadlineDatabase,
  { at, endOfDay, qualifyLimit }: { at: number; endOfDay: number; qualifyLimit: number },
): Promise<TodayQueue> {
  const open = await openReminders(db);
  const reminders = [...dueReminders(open, at), ...open.filter((r) => r.dueAt > at && r.dueAt < endOfDay)];
  const leads = await db.leads.bulkGet([...new Set(reminders.map((r) => r.leadId))]);
  const byId = new Map(leads.filter((lead): lead is Lead => lead !== undefined).map((lead) => [lead.id, lead]));
  const followUps = reminders.flatMap((reminder): FollowUp[] => {
    const lead = byId.get(reminder.leadId);
    return lead ? [{ reminder, lead }] : [];
  });
  // A lead with a follow-up today is already on the list above.
  const toQualify = (await leadsToQualify(db, qualifyLimit + byId.size)).filter((lead) => !byId.has(lead.id)).slice(0, qualifyLimit);
  const importedToday = await importedSince(db, startOfLocalDay(at));
  const jobChanges = await jobChangeLeads(db, JOB_CHANGES_SHOWN);
  const anyLeads = followUps.length > 0 || toQualify.length > 0 || jobChanges.length > 0 || (await db.leads.limit(1).primaryKeys()).length > 0;
  return { followUps, toQualify, importedToday, jobChanges, anyLeads };
}
