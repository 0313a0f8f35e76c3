import type { LeadlineDatabase } from './database';
import { jobChangeLeads } from './leads';
import { openReminders } from './reminders';
import { dueReminders } from '@/lib/followup/reminders';
import type { Lead, Reminder } from '@/lib/model/lead';

export type FollowUp = { reminder: Reminder; lead: Lead };

export type TodayQueue = {
  /** Overdue follow-ups, then those due later today, each with its lead. */
  followUps: FollowUp[];
  /** Leads captured in the last `recentDays`, newest first. */
  recent: Lead[];
  /** Leads whose title or company changed on a re-capture, waiting for the rep's Update or Keep. */
  jobChanges: Lead[];
  /** Whether there is any lead at all (to tell an empty day from an empty Leadline). */
  anyLeads: boolean;
};

const JOB_CHANGES_SHOWN = 20;

const DAY = 24 * 60 * 60 * 1000;

/** What the popup's Today shows at time `at`: follow-ups due before `endOfDay`, then this week's captures. */
export async function todayQueue(
  db: LeadlineDatabase,
  { at, endOfDay, recentDays, recentLimit }: { at: number; endOfDay: number; recentDays: number; recentLimit: number },
): Promise<TodayQueue> {
  const open = await openReminders(db);
  const reminders = [...dueReminders(open, at), ...open.filter((r) => r.dueAt > at && r.dueAt < endOfDay)];
  const leads = await db.leads.bulkGet([...new Set(reminders.map((r) => r.leadId))]);
  const byId = new Map(leads.filter((lead): lead is Lead => lead !== undefined).map((lead) => [lead.id, lead]));
  const followUps = reminders.flatMap((reminder): FollowUp[] => {
    const lead = byId.get(reminder.leadId);
    return lead ? [{ reminder, lead }] : [];
  });
  const recent = await db.leads
    .where('createdAt')
    .aboveOrEqual(at - recentDays * DAY)
    .reverse()
    .limit(recentLimit)
    .toArray();
  const jobChanges = await jobChangeLeads(db, JOB_CHANGES_SHOWN);
  const anyLeads = recent.length > 0 || jobChanges.length > 0 || (await db.leads.count()) > 0;
  return { followUps, recent, jobChanges, anyLeads };
}
