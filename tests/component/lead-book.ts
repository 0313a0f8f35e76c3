import type { LeadlineDatabase } from '@/lib/db/database';
import { withDerivedKeys } from '@/lib/model/keys';
import type { Channel, Lead } from '@/lib/model/lead';
import type { Source } from '@/lib/model/prospect';
import type { Stage } from '@/lib/model/stage';
import { bantAnswers, makeLead } from '../unit/io/lead-factory';

/** Friday 7 March 2025, 10:30 in the test's local time zone. */
export const NOW = new Date(2025, 2, 7, 10, 30).getTime();
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

type Entry = {
  name: string;
  company?: string;
  title?: string;
  stage?: Stage;
  score: number;
  source?: Source;
  list?: string;
  channel?: Channel;
  /** How long before NOW the lead was captured. */
  capturedAgo: number;
  followUpIn?: number;
  met?: readonly ('budget' | 'authority' | 'need' | 'timeline')[];
  email?: string;
};

/**
 * A rep's book: LinkedIn and inbox captures, two imported lists (the SaaStr badge scans, a webinar),
 * every stage, scores from 5 to 92, follow-ups overdue, due later today, next week and none.
 */
export const BOOK: readonly Entry[] = [
  { name: 'Ada Lovelace', company: 'Analytical Engines', title: 'CTO', stage: 'qualified', score: 88, source: 'import', list: 'SaaStr badge scans', channel: 'event', capturedAgo: 2 * DAY, followUpIn: -2 * HOUR, met: ['budget', 'authority', 'need'] },
  { name: 'Grace Hopper', company: 'US Navy', title: 'Rear Admiral', stage: 'customer', score: 92, source: 'import', list: 'SaaStr badge scans', channel: 'event', capturedAgo: 2 * DAY, met: ['budget', 'authority', 'need', 'timeline'] },
  { name: 'Linus Torvalds', company: 'Kernel Org', title: 'Maintainer', stage: 'new', score: 35, source: 'import', list: 'SaaStr badge scans', channel: 'event', capturedAgo: 2 * DAY, followUpIn: 3 * HOUR },
  { name: 'Margaret Hamilton', company: 'Apollo Systems', title: 'Director of Software', stage: 'disqualified', score: 5, source: 'linkedin', channel: 'outbound', capturedAgo: 20 * DAY },
  { name: 'Alan Turing', company: 'NPL', title: 'Researcher', stage: 'contacted', score: 41, source: 'gmail', channel: 'referral', capturedAgo: HOUR, followUpIn: 5 * DAY, met: ['need'], email: 'alan@npl.example' },
  { name: 'Barbara Liskov', company: 'CLU Labs', title: 'Head of Data', stage: 'nurturing', score: 62, source: 'import', list: 'Webinar March', channel: 'content', capturedAgo: 40 * DAY, met: ['budget', 'need'] },
  { name: 'Dennis Ritchie', title: 'Engineer', stage: 'new', score: 18, source: 'web', capturedAgo: 60 * DAY },
  { name: 'Ken Thompson', company: 'Bell Labs', title: 'VP Engineering', stage: 'qualified', score: 74, source: 'outlook', channel: 'referral', capturedAgo: 10 * DAY, followUpIn: -3 * DAY, met: ['budget', 'authority', 'timeline'] },
];

export function leadOf(entry: Entry, index: number): Lead {
  const at = NOW - entry.capturedAgo - index;
  const [firstName, lastName] = entry.name.split(' ');
  return withDerivedKeys(
    makeLead({
      id: `lead-${entry.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      fullName: entry.name,
      firstName,
      lastName,
      company: entry.company,
      title: entry.title,
      email: entry.email,
      stage: entry.stage ?? 'new',
      stageHistory: [{ stage: 'new', at }, ...(entry.stage && entry.stage !== 'new' ? [{ stage: entry.stage, at: at + HOUR }] : [])],
      score: entry.score,
      source: entry.source ?? 'linkedin',
      sourceList: entry.list,
      channel: entry.channel,
      checklist: bantAnswers(Object.fromEntries((entry.met ?? []).map((id) => [id, 'met' as const]))),
      nextFollowUpAt: entry.followUpIn === undefined ? undefined : NOW + entry.followUpIn,
      capturedAt: at,
      createdAt: at,
      updatedAt: at + HOUR,
    }),
  );
}

export async function storeBook(db: LeadlineDatabase, entries: readonly Entry[] = BOOK): Promise<Lead[]> {
  const leads = entries.map(leadOf);
  await db.leads.bulkAdd(leads);
  return leads;
}

/** `count` made-up leads captured a minute apart before NOW, for the tests of a long table. */
export async function storeMany(db: LeadlineDatabase, count: number): Promise<Lead[]> {
  const leads = Array.from({ length: count }, (_, n) =>
    withDerivedKeys(
      makeLead({
        id: `many-${String(n).padStart(6, '0')}`,
        fullName: `Person ${n}`,
        company: `Company ${n % 40}`,
        score: (n * 37) % 100,
        capturedAt: NOW - (count - n) * 60_000,
        createdAt: NOW - (count - n) * 60_000,
        updatedAt: NOW - (count - n) * 60_000,
      }),
    ),
  );
  await db.leads.bulkAdd(leads);
  return leads;
}
