import type { Lead } from './lead';
import type { Stage } from './stage';

/** The stages in which a lead still needs qualifying: not yet Qualified, Customer or Disqualified. */
const OPEN_STAGES: readonly Stage[] = ['new', 'contacted', 'nurturing'];

type QueueFields = Pick<Lead, 'source' | 'stage' | 'createdAt' | 'updatedAt' | 'nextFollowUpAt'>;

/**
 * An imported lead nobody has worked on since: not moved, answered, edited, re-captured or given a
 * follow-up. One import can bring thousands; Today counts them per list ("34 imported today") instead
 * of listing them one by one.
 */
export function untouchedImport(lead: QueueFields): boolean {
  return lead.source === 'import' && lead.updatedAt === lead.createdAt && lead.nextFollowUpAt === undefined;
}

/** Whether Today lists a lead under "Qualify next": still open, its checklist short of its rule, and not an untouched import. */
export function waitsToBeQualified(lead: QueueFields, checklistRuleMet: boolean): boolean {
  return OPEN_STAGES.includes(lead.stage) && !checklistRuleMet && !untouchedImport(lead);
}

/** Highest score first, newest first among equal scores: the order of "Qualify next". */
export function byScore(a: Pick<Lead, 'score' | 'createdAt' | 'id'>, b: Pick<Lead, 'score' | 'createdAt' | 'id'>): number {
  return b.score - a.score || b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
