import { getFramework } from './frameworks';
import { applyLearnedWeights, scoreFeatures, type OutcomeModel } from './learned-weights';
import { scoreLead, type ActivitySummary } from './score';
import type { Framework } from '@/lib/model/framework';
import { withDerivedKeys } from '@/lib/model/keys';
import { LeadSchema, withoutUnsafeUrls, type Activity, type Lead } from '@/lib/model/lead';

/**
 * What the score needs beyond the lead itself: the rep's own templates, how engaged the lead is, and
 * the weights learned from the rep's closed leads once there are enough of them.
 */
export type ScoringContext = { templates: readonly Framework[]; activity?: ActivitySummary; model?: OutcomeModel };

/** Recomputes what is derived from a lead's own fields (dedupe keys, score) and validates the whole record. */
export function finaliseLead(lead: Lead, now: number, context: ScoringContext = { templates: [] }): Lead {
  const framework = getFramework(lead.checklist.frameworkId, context.templates);
  const { score, reasons } =
    context.model && lead.stage !== 'disqualified'
      ? applyLearnedWeights(context.model, scoreFeatures(lead, framework, now, context.activity))
      : scoreLead(lead, framework, now, context.activity);
  return LeadSchema.parse({ ...withDerivedKeys(withoutUnsafeUrls(lead)), score, scoreReasons: reasons });
}

// Capturing, re-capturing and importing are bookkeeping, not contact with the prospect.
export const NOT_ENGAGEMENT: ReadonlySet<Activity['kind']> = new Set<Activity['kind']>(['captured', 'updated', 'checklist', 'imported']);
