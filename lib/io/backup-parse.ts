import { z } from 'zod';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { SettingsSchema } from '@/lib/model/settings';
import { OutcomeModelSchema } from '@/lib/db/settings';
import { FrameworkSchema } from '@/lib/model/framework';
import { ActivitySchema, LeadSchema, ReminderSchema } from '@/lib/model/lead';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupSettings, type ParseBackupResult } from './backup';

/**
 * Reading a backup file the rep chose: every record checked before anything is written, and every
 * problem said in the rep's language. Apart from backup.ts because that one also runs in the backup
 * worker, where the browser's messages (lib/i18n) cannot be loaded.
 */

const MAX_LISTED_ERRORS = 20;

// Messages as functions, so they are read in the rep's language when a file is checked.
const EnvelopeSchema = z.object({
  exportedAt: z.iso.datetime({ error: () => t('data.backup.problem.noDate') }),
  leads: z.array(z.unknown(), { error: () => t('data.backup.problem.noLeads') }),
  activities: z.array(z.unknown(), { error: () => t('data.backup.problem.noActivities') }),
  reminders: z.array(z.unknown(), { error: () => t('data.backup.problem.noReminders') }),
  templates: z.array(z.unknown(), { error: () => t('data.backup.problem.noTemplates') }),
  settings: z.unknown().optional(),
});

/** The settings in a backup, checked with the schemas the settings are stored with. */
const BackupSettingsSchema = z.object({
  settings: SettingsSchema,
  outcomeModel: OutcomeModelSchema.optional(),
});

// Messages for a missing field, where zod would say "expected string, received undefined".
const MISSING: Record<string, () => string> = {
  fullName: () => t('data.backup.problem.leadNeedsName'),
};

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.');
      const field = String(issue.path[0] ?? '');
      if (issue.code === 'invalid_type' && issue.input === undefined) {
        return MISSING[field]?.() ?? t('data.backup.problem.missing', { field: path });
      }
      // Our own schema messages are written for people; zod's defaults need the field's name.
      return /^(Invalid|Too (big|small)|Unrecognized)/.test(issue.message) && path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

type RecordKind = 'lead' | 'activity' | 'reminder' | 'template';

/** "Lead 12: …", "Reminder 3: …" */
function recordProblem(kind: RecordKind, number: number, problem: string): string {
  return t(`data.backup.record.${kind}`, { number: uiFormats().count(number), problem });
}

function parseRecords<T>(
  records: readonly unknown[],
  schema: z.ZodType<T>,
  kind: RecordKind,
  errors: string[],
  id: (record: T) => string | number | undefined,
): T[] {
  const parsed: T[] = [];
  const firstWithId = new Map<string | number, number>();
  records.forEach((record, index) => {
    const number = index + 1;
    const result = schema.safeParse(record, { reportInput: true });
    if (!result.success) {
      errors.push(recordProblem(kind, number, describeIssues(result.error)));
      return;
    }
    const key = id(result.data);
    if (key !== undefined) {
      const first = firstWithId.get(key);
      if (first !== undefined) errors.push(t(`data.backup.sameId.${kind}`, { number: uiFormats().count(number), first: uiFormats().count(first) }));
      else firstWithId.set(key, number);
    }
    parsed.push(result.data);
  });
  return parsed;
}

/**
 * Reads a backup file and checks every record before anything is written: a backup is restored
 * whole or not at all, so one damaged lead among thousands refuses the file and says which one.
 */
export function parseBackup(text: string): ParseBackupResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      errors: [t('data.backup.problem.notJson')],
    };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, errors: [t('data.backup.problem.notBackup')] };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: [t('data.backup.problem.noVersion')] };
  }
  if (version > BACKUP_VERSION) {
    return {
      ok: false,
      errors: [t('data.backup.problem.newerVersion', { version: String(version) })],
    };
  }

  const envelope = EnvelopeSchema.safeParse(json);
  // Leads, templates and settings are checked with the same schemas as everything Leadline stores:
  // a web address that is not http(s) (javascript:, data:) refuses the file like any other bad value.
  if (!envelope.success) return { ok: false, errors: envelope.error.issues.map((issue) => issue.message) };

  const errors: string[] = [];
  const leads = parseRecords(envelope.data.leads, LeadSchema, 'lead', errors, (l) => l.id);
  const activities = parseRecords(envelope.data.activities, ActivitySchema, 'activity', errors, (a) => a.id);
  const reminders = parseRecords(envelope.data.reminders, ReminderSchema, 'reminder', errors, (r) => r.id);
  const templates = parseRecords(envelope.data.templates, FrameworkSchema, 'template', errors, (template) => template.id);
  let settings: BackupSettings | undefined;
  if (envelope.data.settings !== undefined) {
    const parsed = BackupSettingsSchema.safeParse(envelope.data.settings, { reportInput: true });
    if (parsed.success) settings = parsed.data as BackupSettings;
    else errors.push(t('data.backup.record.settings', { problem: describeIssues(parsed.error) }));
  }

  // Ids of every lead record, valid or not, so one bad lead is reported once and not again through its activities.
  const leadIds = new Set(envelope.data.leads.map((record) => (record as { id?: unknown } | null)?.id));
  envelope.data.activities.forEach((record, index) => {
    const leadId = (record as { leadId?: unknown } | null)?.leadId;
    if (typeof leadId === 'string' && !leadIds.has(leadId)) {
      errors.push(recordProblem('activity', index + 1, t('data.backup.problem.leadNotInBackup')));
    }
  });
  envelope.data.reminders.forEach((record, index) => {
    const leadId = (record as { leadId?: unknown } | null)?.leadId;
    if (typeof leadId === 'string' && !leadIds.has(leadId)) {
      errors.push(recordProblem('reminder', index + 1, t('data.backup.problem.leadNotInBackup')));
    }
  });

  if (errors.length > 0) {
    const listed = errors.slice(0, MAX_LISTED_ERRORS);
    if (errors.length > MAX_LISTED_ERRORS) listed.push(t('data.backup.problem.more', { count: uiFormats().count(errors.length - MAX_LISTED_ERRORS) }));
    return { ok: false, errors: listed };
  }
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: envelope.data.exportedAt,
      leads,
      activities,
      reminders,
      templates,
      ...(settings ? { settings } : {}),
    },
  };
}
