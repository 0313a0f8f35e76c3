import { describeFields, describeFieldsEnglish } from './fields';
import { EDITABLE_FIELDS, LEAD_CHECKS, type EditableField, type Lead, type Proposal } from './lead';
import type { NormalisedDraft } from './normalise';

export { describeFields, describeFieldsEnglish };

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
    ...startingState(now, frameworkId),
    editedFields: [],
  };
}

/** Where every new lead starts, captured or typed by hand: stage New, an empty checklist of the given framework, no score yet. */
export function startingState(now: number, frameworkId: string) {
  return {
    capturedAt: now,
    signals: [],
    stage: 'new',
    stageHistory: [{ stage: 'new', at: now }],
    checklist: { frameworkId, answers: {} },
    score: 0,
    scoreReasons: [],
    tags: [],
    notes: '',
    createdAt: now,
    updatedAt: now,
  } satisfies Partial<Lead>;
}

export type MergeResult = {
  lead: Lead;
  /** Empty fields the capture filled. */
  changed: EditableField[];
  /** Fields where the page now says something else: proposed to the rep, not written. */
  proposed: EditableField[];
};

/**
 * Whether `incoming` is the same text as `current`, only more of it: a people list shows a headline
 * cut short ("Head of Data at Lumen | Speaker…"), the profile shows it whole. That is no change to
 * ask the rep about.
 */
export function isFullerReading(current: string, incoming: string): boolean {
  const shown = current.replace(/(?:…|\.\.\.)$/u, '').trim().toLowerCase();
  return shown.length > 0 && incoming.length > shown.length && incoming.toLowerCase().startsWith(shown);
}

/** Whether the rep already turned this value down for this field. */
export function wasDeclined(lead: Pick<Lead, 'declined'>, field: EditableField, value: string): boolean {
  return (lead.declined ?? []).some((d) => d.field === field && d.value === value);
}

/** The lead with its proposals replaced; the key is left out when none are waiting. */
export function withProposals(lead: Lead, proposals: readonly Proposal[]): Lead {
  const { proposals: _previous, ...rest } = lead;
  return proposals.length > 0 ? { ...rest, proposals: [...proposals] } : rest;
}

/**
 * Merges a new capture into an existing lead. The data in Leadline is what the rep saw and chose:
 * - an empty field is filled, unless the rep emptied it by hand; so is a field the same kind of page
 *   showed cut short before and shows whole now;
 * - where the same kind of page (LinkedIn for a LinkedIn lead) now says something different, the
 *   new value is *proposed* ("LinkedIn now says: VP Sales") and the stored value stays until the
 *   rep chooses; a value the rep already turned down is not proposed again;
 * - another source's different reading (an email's display name for a LinkedIn name) is a weaker
 *   guess and is ignored, as before.
 */
export function mergeDraftIntoLead(lead: Lead, draft: NormalisedDraft, now: number = lead.updatedAt): MergeResult {
  const next: Lead = { ...lead };
  const changed: EditableField[] = [];
  const proposed: EditableField[] = [];
  const edited = new Set(lead.editedFields);
  let proposals = [...(lead.proposals ?? [])];
  const hadProposals = proposals.length;
  for (const field of EDITABLE_FIELDS) {
    const incoming = draft[field];
    if (!incoming) continue;
    const current = lead[field];
    if (current === incoming) {
      // The page agrees with what is stored again: an older proposal for this field is moot.
      proposals = proposals.filter((p) => p.field !== field);
      continue;
    }
    if (!edited.has(field) && (!current || (draft.source === lead.source && isFullerReading(current, incoming)))) {
      next[field] = incoming;
      changed.push(field);
      continue;
    }
    if (draft.source !== lead.source || wasDeclined(lead, field, incoming)) continue;
    if (proposals.some((p) => p.field === field && p.value === incoming)) continue;
    proposals = [...proposals.filter((p) => p.field !== field), { field, value: incoming, source: draft.source, at: now }];
    proposed.push(field);
  }
  if (draft.phoneE164 && (changed.includes('phone') || (!lead.phoneE164 && lead.phone === draft.phone))) next.phoneE164 = draft.phoneE164;
  // A check follows the field it is about: what the new capture says about a field it filled.
  const checks = (lead.checks ?? []).filter((check) => {
    const fields = LEAD_CHECKS.find((c) => c.id === check)?.fields ?? [];
    return !fields.some((field) => changed.includes(field));
  });
  for (const check of draft.checks ?? []) {
    const fields = LEAD_CHECKS.find((c) => c.id === check)?.fields ?? [];
    if (fields.some((field) => changed.includes(field)) && !checks.includes(check)) checks.push(check);
  }
  if (checks.length || lead.checks) next.checks = checks.length ? checks : undefined;
  const merged = proposed.length > 0 || proposals.length !== hadProposals ? withProposals(next, proposals) : next;
  return { lead: merged, changed, proposed };
}
