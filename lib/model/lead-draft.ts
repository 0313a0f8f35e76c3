import { describeFields } from './fields';
import { EDITABLE_FIELDS, LEAD_CHECKS, type EditableField, type Lead } from './lead';
import type { NormalisedDraft } from './normalise';

export { describeFields };

/**
 * A lead as first captured: stage New, the rep's default framework, the draft's fields. Not yet
 * validated: finaliseLead, which every save goes through, validates it, once (a second schema check
 * would add about four seconds to an import of 100,000 rows).
 */
export function newLeadFromDraft(draft: NormalisedDraft, id: string, now: number, frameworkId: string): Lead {
  const { confidence: _confidence, fieldConfidence: _fieldConfidence, context: _context, ...fields } = draft;
  return {
    ...fields,
    id,
    fullName: draft.fullName ?? draft.email ?? 'Unknown',
    capturedAt: now,
    signals: [],
    stage: 'new',
    stageHistory: [{ stage: 'new', at: now }],
    checklist: { frameworkId, answers: {} },
    score: 0,
    scoreReasons: [],
    tags: [],
    notes: '',
    editedFields: [],
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Merges a new capture into an existing lead: empty fields are filled; a value the rep edited by
 * hand is never replaced; a different non-edited value is replaced only by a newer capture from the
 * same source (a job change on LinkedIn), never by another source's weaker guess.
 */
export function mergeDraftIntoLead(lead: Lead, draft: NormalisedDraft): { lead: Lead; changed: EditableField[] } {
  const next: Lead = { ...lead };
  const changed: EditableField[] = [];
  for (const field of EDITABLE_FIELDS) {
    const incoming = draft[field];
    if (!incoming) continue;
    const current = lead[field];
    if (current === incoming) continue;
    const canReplace = !current || (!lead.editedFields.includes(field) && draft.source === lead.source);
    if (!canReplace) continue;
    next[field] = incoming;
    changed.push(field);
  }
  if (draft.phoneE164 && (changed.includes('phone') || !lead.phoneE164)) next.phoneE164 = draft.phoneE164;
  // A check follows the field it is about: what the new capture says about a field it changed.
  const checks = (lead.checks ?? []).filter((check) => {
    const fields = LEAD_CHECKS.find((c) => c.id === check)?.fields ?? [];
    return !fields.some((field) => changed.includes(field));
  });
  for (const check of draft.checks ?? []) {
    const fields = LEAD_CHECKS.find((c) => c.id === check)?.fields ?? [];
    if (fields.some((field) => changed.includes(field)) && !checks.includes(check)) checks.push(check);
  }
  if (checks.length || lead.checks) next.checks = checks.length ? checks : undefined;
  return { lead: next, changed };
}
