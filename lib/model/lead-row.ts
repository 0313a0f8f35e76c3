import type { Channel, Lead } from './lead';
import type { Source } from './prospect';
import { searchWords } from './keys';
import type { Stage } from './stage';

/**
 * One lead as the lead table holds it: what its columns show, what its filters test and the words it
 * is found by. A small flat record, so 100,000 of them stay in memory and a filter or a sort over all
 * of them takes milliseconds, where reading 100,000 whole leads from the database takes seconds.
 */
export interface LeadRow {
  id: string;
  fullName: string;
  company: string | undefined;
  /** The title, or a LinkedIn headline when no position is known (as the exports do). */
  title: string | undefined;
  stage: Stage;
  score: number;
  frameworkId: string;
  /** How many of the framework's criteria are met, out of how many. */
  criteriaMet: number;
  criteriaTotal: number;
  /** Whether the checklist meets its framework's rule (which offers the move to Qualified). */
  checklistRuleMet: boolean;
  source: Source;
  /** The list an imported lead came from. */
  sourceList: string | undefined;
  channel: Channel | undefined;
  nextFollowUpAt: number | undefined;
  createdAt: number;
  updatedAt: number;
  searchWords: readonly string[];
}

/** The checklist's standing against its framework, worked out by the caller (lib/qualify knows frameworks). */
export type RowProgress = { met: number; total: number; ruleMet: boolean };

export function leadRowOf(lead: Lead, progress: RowProgress): LeadRow {
  return {
    id: lead.id,
    fullName: lead.fullName,
    company: lead.company,
    title: lead.title ?? lead.headline,
    stage: lead.stage,
    score: lead.score,
    frameworkId: lead.checklist.frameworkId,
    criteriaMet: progress.met,
    criteriaTotal: progress.total,
    checklistRuleMet: progress.ruleMet,
    source: lead.source,
    sourceList: lead.sourceList,
    channel: lead.channel,
    nextFollowUpAt: lead.nextFollowUpAt,
    createdAt: lead.createdAt,
    updatedAt: lead.updatedAt,
    // The words the search box finds a lead by, by the one rule of search (lib/model/keys.ts).
    searchWords: searchWords(lead),
  };
}
