import type { NormalisedDraft } from '@/lib/model/normalise';
import type { LeadlineDatabase } from '@/lib/db/database';
import { useFreshDatabase } from '../fake-database';
import { saveOrMergeProspect } from '@/lib/db/leads';
import type { Lead } from '@/lib/model/lead';

/** Friday 7 March 2025, 10:30 in the test's local time zone. */
export const NOW = new Date(2025, 2, 7, 10, 30).getTime();
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** A fresh, empty database per test, removed afterwards. */
export const useTestDatabase = (): (() => LeadlineDatabase) => useFreshDatabase();

export function linkedInDraft(first: string, last: string, fields: Partial<NormalisedDraft> = {}): NormalisedDraft {
  const slug = `${first}-${last}`.toLowerCase();
  return {
    source: 'linkedin',
    fullName: `${first} ${last}`,
    firstName: first,
    lastName: last,
    profileUrl: `https://www.linkedin.com/in/${slug}/`,
    sourceUrl: `https://www.linkedin.com/in/${slug}/`,
    confidence: 0.9,
    ...fields,
  };
}

export async function addLead(db: LeadlineDatabase, draft: NormalisedDraft, at: number): Promise<Lead> {
  return (await saveOrMergeProspect(db, draft, at)).lead;
}
