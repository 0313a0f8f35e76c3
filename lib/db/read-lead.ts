import { LeadSchema, type Lead } from '@/lib/model/lead';

const SHAPE = LeadSchema.shape;

function looksCurrent(raw: unknown): raw is Lead {
  const r = raw as Partial<Record<keyof Lead, unknown>> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'string' &&
    typeof r.fullName === 'string' &&
    typeof r.stage === 'string' &&
    typeof r.createdAt === 'number' &&
    typeof r.updatedAt === 'number' &&
    typeof r.score === 'number' &&
    typeof r.notes === 'string' &&
    typeof r.checklist === 'object' &&
    r.checklist !== null &&
    Array.isArray(r.stageHistory) &&
    Array.isArray(r.scoreReasons) &&
    Array.isArray(r.tags) &&
    Array.isArray(r.signals) &&
    Array.isArray(r.editedFields)
  );
}
type Field = keyof typeof SHAPE;

/**
 * Every lead read from the database passes through here (a Dexie reading hook). A record from an
 * older version gets the defaults of fields added since; a damaged one keeps each field that is
 * still valid, and what cannot be read is dropped and reported in the console, so no view is ever
 * handed a malformed lead and nothing readable is lost.
 */
export function readStoredLead(raw: unknown): Lead | undefined {
  // A key that is not there reads as undefined, and stays so.
  if (raw === undefined || raw === null) return undefined;
  // Records written by this version are valid by construction; a cheap look at their shape spares
  // a full parse of every lead when the dashboard or an export reads 100,000 of them.
  if (looksCurrent(raw)) return raw;
  const whole = LeadSchema.safeParse(raw);
  if (whole.success) return whole.data;

  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const salvaged: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const field of Object.keys(SHAPE) as Field[]) {
    const value = SHAPE[field].safeParse(record[field]);
    if (value.success) salvaged[field] = value.data;
    else dropped.push(field);
  }
  const id = typeof record.id === 'string' && record.id ? record.id : String(record.id ?? 'unknown');
  const time = [record.updatedAt, record.createdAt, record.capturedAt].find((t): t is number => typeof t === 'number') ?? 0;
  const repaired = LeadSchema.parse({
    ...salvaged,
    id,
    fullName: salvaged.fullName ?? salvaged.email ?? 'Unnamed lead (damaged record)',
    source: salvaged.source ?? 'manual',
    capturedAt: salvaged.capturedAt ?? time,
    createdAt: salvaged.createdAt ?? time,
    updatedAt: salvaged.updatedAt ?? time,
  });
  console.warn(`Leadline: lead ${id} was damaged; these fields could not be read and were left out: ${dropped.join(', ')}`);
  return repaired;
}
