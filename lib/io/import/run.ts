import type { LeadlineDatabase } from '@/lib/db/database';
import { describeFields, finaliseLead, findLeadForDraft, mergeDraftIntoLead, newLeadFromDraft } from '@/lib/db/leads';
import { getSettings } from '@/lib/db/settings';
import type { Activity, Lead } from '@/lib/model/lead';
import { LIMITS, cleanLine, truncate } from '@/lib/model/text';
import { processInChunks, yieldToEventLoop, type OnProgress, type YieldToUi } from '../chunked';
import type { ImportRecord, ValidatedRow } from './validate';

export type ImportMode = 'valid-only' | 'all-or-nothing';

export interface ImportProblem {
  line: number;
  message: string;
}

export interface ImportReport {
  /** New leads. */
  imported: number;
  /** Rows that matched a lead already there (by email, profile URL, or name + company). */
  merged: number;
  /** Rows not imported. */
  skipped: number;
  /** Why rows were skipped, and warnings about rows kept; in line order. */
  problems: ImportProblem[];
  /** All-or-nothing found a problem, so nothing was written. */
  aborted: boolean;
}

export interface ImportOptions {
  /** The list the rows came from; every imported or matched lead is tagged with it. */
  listName: string;
  mode: ImportMode;
  now: number;
  onProgress?: OnProgress;
  newId?: () => string;
  /** Rows per transaction in valid-only mode. */
  batchSize?: number;
  yieldToUi?: YieldToUi;
}

/** A storage failure during an import, in words for the rep; the cause goes to the console. */
export class ImportError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'ImportError';
  }
}

type RowOutcome = { kind: 'imported' } | { kind: 'merged' } | { kind: 'failed'; message: string };

/** Thrown inside the all-or-nothing transaction to roll it back; never leaves this module. */
class RowFailed extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A new lead from an imported row: the capture rules' new lead, plus what a list can carry (stage, tags, notes, channel). */
function newLeadFromRecord(record: ImportRecord, tags: string[], id: string, now: number, frameworkId: string): Lead {
  const stage = record.stage ?? 'new';
  return {
    ...newLeadFromDraft(record.draft, id, now, frameworkId),
    stage,
    stageHistory: [{ stage, at: now }],
    tags,
    notes: record.notes ?? '',
    ...(record.channel ? { channel: record.channel } : {}),
  };
}

/**
 * Saves one row with the capture rules: the same match (findLeadForDraft) and the same merge
 * (mergeDraftIntoLead), so an import never overwrites what the rep typed and never makes a twin.
 * Tags are added, empty notes and channel filled; the stage of a lead already there is the rep's
 * and is left alone. Runs inside the caller's transaction.
 */
async function saveRecord(
  db: LeadlineDatabase,
  record: ImportRecord,
  listTag: string | undefined,
  listName: string,
  now: number,
  newId: () => string,
  frameworkId: string,
): Promise<RowOutcome> {
  const rowTags = listTag ? [...record.tags, listTag] : record.tags;
  const existing = await findLeadForDraft(db, record.draft);
  let lead: Lead;
  let activity: Omit<Activity, 'leadId'> | undefined;
  try {
    if (!existing) {
      lead = finaliseLead(newLeadFromRecord(record, [...new Set(rowTags)], newId(), now, frameworkId), now);
    } else {
      const { lead: merged, changed } = mergeDraftIntoLead(existing, record.draft);
      const tags = [...new Set([...existing.tags, ...rowTags])];
      const addsTags = tags.length > existing.tags.length;
      const addsNotes = !existing.notes && Boolean(record.notes);
      const addsChannel = !existing.channel && Boolean(record.channel);
      if (changed.length === 0 && !addsTags && !addsNotes && !addsChannel) return { kind: 'merged' };
      lead = finaliseLead(
        {
          ...merged,
          tags,
          notes: addsNotes ? (record.notes ?? '') : existing.notes,
          ...(addsChannel ? { channel: record.channel } : {}),
          updatedAt: now,
        },
        now,
      );
      const what = [changed.length > 0 ? describeFields(changed) : '', addsTags ? 'tags' : '', addsNotes ? 'notes' : '', addsChannel ? 'channel' : '']
        .filter(Boolean)
        .join(', ');
      activity = { kind: 'updated', at: now, text: `Updated from import "${listName}": ${what}` };
    }
  } catch (error) {
    // finaliseLead validates the whole record; a value the row check let through is reported, not thrown.
    console.warn('Leadline: an imported row failed validation', error);
    return { kind: 'failed', message: 'some values could not be stored (too long or malformed)' };
  }
  if (existing) {
    await db.leads.put(lead);
    if (activity) await db.activities.add({ ...activity, leadId: lead.id });
    return { kind: 'merged' };
  }
  await db.leads.add(lead);
  await db.activities.add({ leadId: lead.id, kind: 'imported', at: now, text: `Imported from "${listName}"` });
  return { kind: 'imported' };
}

/**
 * Imports validated rows. valid-only: rows with problems are skipped, the rest saved in batches of
 * `batchSize` (one transaction each, the UI free between them). all-or-nothing: any problem stops
 * the import before a single write, and the rows are saved in ONE transaction, so a failure part
 * way leaves the database as it was.
 */
export async function importRows(db: LeadlineDatabase, rows: readonly ValidatedRow[], options: ImportOptions): Promise<ImportReport> {
  const { mode, now, onProgress, newId = () => crypto.randomUUID(), batchSize = 500, yieldToUi = yieldToEventLoop } = options;
  const listName = cleanLine(options.listName);
  const listTag = listName ? truncate(listName, LIMITS.tag) : undefined;

  const problems: ImportProblem[] = [];
  const valid: ImportRecord[] = [];
  for (const row of rows) {
    if (row.ok) {
      valid.push(row);
      for (const warning of row.warnings) problems.push({ line: row.line, message: warning });
    } else {
      problems.push({ line: row.line, message: row.message });
    }
  }
  const invalidCount = rows.length - valid.length;
  const { defaultFrameworkId } = await getSettings(db);
  const report: ImportReport = { imported: 0, merged: 0, skipped: invalidCount, problems, aborted: false };
  const count = (outcome: RowOutcome, line: number) => {
    if (outcome.kind === 'imported') report.imported++;
    else if (outcome.kind === 'merged') report.merged++;
    else {
      report.skipped++;
      problems.push({ line, message: outcome.message });
    }
  };

  if (mode === 'all-or-nothing') {
    if (invalidCount > 0) return abort(report, rows.length);
    try {
      const outcomes = await db.transaction('rw', db.leads, db.activities, async () => {
        const results: RowOutcome[] = [];
        for (const [index, record] of valid.entries()) {
          const outcome = await saveRecord(db, record, listTag, listName, now, newId, defaultFrameworkId);
          if (outcome.kind === 'failed') throw new RowFailed(record.line, outcome.message);
          results.push(outcome);
          // Progress without awaiting anything else: leaving the transaction's promise chain would commit it early.
          if ((index + 1) % batchSize === 0) onProgress?.(index + 1, valid.length);
        }
        return results;
      });
      outcomes.forEach((outcome, index) => count(outcome, valid[index]!.line));
      onProgress?.(valid.length, valid.length);
    } catch (error) {
      if (!(error instanceof RowFailed)) {
        console.error('Leadline: import failed and was rolled back', error);
        throw new ImportError('The import failed, so nothing was imported. Try again; if it fails again, try a smaller file.', error);
      }
      problems.push({ line: error.line, message: error.message });
      return abort(report, rows.length);
    }
  } else {
    try {
      await processInChunks(
        valid,
        batchSize,
        async (batch) => {
          const outcomes = await db.transaction('rw', db.leads, db.activities, async () => {
            const results: RowOutcome[] = [];
            for (const record of batch) results.push(await saveRecord(db, record, listTag, listName, now, newId, defaultFrameworkId));
            return results;
          });
          outcomes.forEach((outcome, index) => count(outcome, batch[index]!.line));
        },
        onProgress,
        yieldToUi,
      );
    } catch (error) {
      console.error('Leadline: import stopped part way', error);
      const saved = report.imported + report.merged;
      throw new ImportError(
        `The import stopped part way: ${saved.toLocaleString('en-US')} rows were saved before the error. Importing the same file again is safe: rows already saved are recognised and merged.`,
        error,
      );
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return report;
}

function abort(report: ImportReport, total: number): ImportReport {
  report.problems.sort((a, b) => a.line - b.line);
  return { ...report, imported: 0, merged: 0, skipped: total, aborted: true };
}

const MAX_LISTED_PROBLEMS = 5;
const number = (n: number): string => n.toLocaleString('en-US');

/** "9,840 imported, 120 merged, 40 skipped: line 17 — no name or email; …; and 35 more" */
export function formatImportReport(report: ImportReport): string {
  const listed = report.problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `line ${p.line} — ${p.message}`);
  const more = report.problems.length - listed.length;
  if (more > 0) listed.push(`and ${number(more)} more`);
  const details = listed.length > 0 ? `: ${listed.join('; ')}` : '';
  if (report.aborted) return `Nothing imported (all or nothing was chosen and some rows have problems)${details}`;
  return `${number(report.imported)} imported, ${number(report.merged)} merged, ${number(report.skipped)} skipped${details}`;
}
