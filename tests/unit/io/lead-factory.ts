import { LeadSchema, type Lead } from '@/lib/model/lead';

export const CAPTURED = Date.UTC(2025, 2, 3, 9, 15, 0);
export const UPDATED = Date.UTC(2025, 2, 6, 16, 40, 0);

/** A valid lead with realistic defaults; pass only what the test is about. */
export function makeLead(fields: Record<string, unknown> = {}): Lead {
  return LeadSchema.parse({
    id: 'lead-1',
    fullName: 'Maria Gonzalez',
    firstName: 'Maria',
    lastName: 'Gonzalez',
    source: 'linkedin',
    capturedAt: CAPTURED,
    createdAt: CAPTURED,
    updatedAt: UPDATED,
    stageHistory: [{ stage: 'new', at: CAPTURED }],
    ...fields,
  });
}

export const bantAnswers = (statuses: Record<string, 'met' | 'not_met' | 'unknown'>) => ({
  frameworkId: 'bant',
  answers: Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, { status }])),
});
