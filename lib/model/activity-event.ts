import './zod-config';
import { z } from 'zod';
import { formatsFor } from '../i18n/format';
import { CHANNELS } from './channel';
import { TEXT_FIELDS, describeFieldsEnglish, fieldNounEnglish, type TextField } from './fields';
import { SourceSchema, sourceEnglish, type Source } from './prospect';
import { STAGE_IDS, stageEnglish } from './stage';
import { LIMITS } from './text';

/**
 * What happened to a lead, as data: ids, values and epoch times, never sentences. The activity log
 * stores one of these with each entry and renders it in the rep's current language and time zone
 * (lib/model/activity-text.ts); the entry's English `text` is kept beside it for backups, older
 * versions and CSV.
 */
const StageSchema = z.enum(STAGE_IDS);

/** A field an event names: a lead's text fields, and the channel and source picked from lists. */
export const EVENT_FIELDS = [...(Object.keys(TEXT_FIELDS) as TextField[]), 'channel', 'source'] as const;
export type EventField = (typeof EVENT_FIELDS)[number];
const FieldSchema = z.enum(EVENT_FIELDS as unknown as [EventField, ...EventField[]]);
const value = z.string().max(LIMITS.url);
const note = z.string().max(LIMITS.note);
const fields = z.array(FieldSchema).max(EVENT_FIELDS.length);

export const ActivityEventSchema = z.discriminatedUnion('type', [
  /** Saved from a page or an inbox. */
  z.object({ type: z.literal('captured'), source: SourceSchema }),
  /** Typed in by the rep. */
  z.object({ type: z.literal('added') }),
  /** A re-capture filled empty fields. */
  z.object({ type: z.literal('filled'), source: SourceSchema, fields }),
  /** A re-capture found a different value and proposes it. */
  z.object({ type: z.literal('proposed'), source: SourceSchema, field: FieldSchema, value, was: value.optional() }),
  /** The rep accepted ("update") or turned down ("keep") a proposed value. */
  z.object({ type: z.literal('proposal'), choice: z.enum(['update', 'keep']), source: SourceSchema, field: FieldSchema, value, was: value.optional() }),
  /** The rep edited a field; channel and source values are ids. `to` absent: cleared. */
  z.object({ type: z.literal('edited'), field: FieldSchema, from: value.optional(), to: value.optional() }),
  /** A stage move, with the rep's reason (disqualifying) or the checklist progress that offered it. */
  z.object({
    type: z.literal('stage'),
    from: StageSchema,
    to: StageSchema,
    reason: z.string().max(LIMITS.short).optional(),
    checklist: z.object({ framework: z.string().max(80), met: z.number().int().min(0), total: z.number().int().min(0) }).optional(),
  }),
  /** A stage move taken back (bulk undo). */
  z.object({ type: z.literal('stageUndone'), from: StageSchema, to: StageSchema }),
  /** A company page filled in details. */
  z.object({ type: z.literal('companyDetails'), fields }),
  /** The lead's checklist template was deleted; its checklist moved to another framework. */
  z.object({ type: z.literal('checklistMoved'), framework: z.string().max(80), template: z.string().max(80) }),
  /** Follow-ups: set or snoozed to a due time (epoch ms), or done. */
  z.object({ type: z.literal('followUpSet'), dueAt: z.number(), note: note.optional() }),
  z.object({ type: z.literal('followUpSnoozed'), dueAt: z.number() }),
  z.object({ type: z.literal('followUpDone'), note: note.optional() }),
  /** An import added to an existing lead. */
  z.object({
    type: z.literal('importUpdated'),
    list: z.string().max(LIMITS.short),
    fields,
    tags: z.boolean().optional(),
    notes: z.boolean().optional(),
    channel: z.boolean().optional(),
    proposed: fields.optional(),
  }),
  /** Came in with an import ("SaaStr badge scans"); no list: an older import. */
  z.object({ type: z.literal('imported'), list: z.string().max(LIMITS.short).optional() }),
  /** Where the rep met them: an email's subject, or a note from the page. Written by people, shown as written. */
  z.object({ type: z.literal('email'), subject: note }),
  z.object({ type: z.literal('note'), text: note }),
]);
export type ActivityEvent = z.infer<typeof ActivityEventSchema>;

/** The log's kinds, as Activity.kind keeps them (older versions filter and count by kind). */
export type ActivityKind = 'captured' | 'updated' | 'note' | 'stage' | 'checklist' | 'followup' | 'email' | 'imported';

const KIND_OF: Record<ActivityEvent['type'], ActivityKind> = {
  captured: 'captured',
  added: 'captured',
  filled: 'updated',
  proposed: 'updated',
  proposal: 'updated',
  edited: 'updated',
  stage: 'stage',
  stageUndone: 'updated',
  companyDetails: 'updated',
  checklistMoved: 'checklist',
  followUpSet: 'followup',
  followUpSnoozed: 'followup',
  followUpDone: 'followup',
  importUpdated: 'updated',
  imported: 'imported',
  email: 'email',
  note: 'note',
};

/** An activity's kind, English text and event, from the event alone: every writer logs through this. */
export function logEntry(event: ActivityEvent): { kind: ActivityKind; text: string; event: ActivityEvent } {
  return { kind: KIND_OF[event.type], text: englishText(event), event };
}

const nounEnglish = (field: EventField) =>
  field === 'channel' || field === 'source' ? field : fieldNounEnglish(field);

/** A field's value in English words: a source or channel id as its name, anything else as written. */
function valueEnglish(field: EventField, value: string): string {
  if (field === 'source') return SourceSchema.safeParse(value).success ? sourceEnglish(value as Source) : value;
  if (field === 'channel') return CHANNELS.find((c) => c.id === value)?.english ?? value;
  return value;
}

/** When a follow-up is due, in the English fallback text: American English in the writer's time zone, fixed at write time. */
const dueEnglish = (dueAt: number) => formatsFor('en-US').dateTime(dueAt);

/**
 * The entry's English text: what older versions, backups and CSV show, and what the log shows for an
 * event this version cannot read. Word for word the text Leadline wrote before events existed.
 */
export function englishText(event: ActivityEvent): string {
  switch (event.type) {
    case 'captured':
      return `Captured from ${sourceEnglish(event.source)}`;
    case 'added':
      return 'Added by hand';
    case 'filled':
      return `Updated from ${sourceEnglish(event.source)}: ${describeFieldsEnglish(event.fields.filter(isTextField))}`;
    case 'proposed':
      return `${sourceEnglish(event.source)} now says ${nounEnglish(event.field)}: ${event.value}${event.was ? ` (was ${event.was})` : ''}`;
    case 'proposal': {
      const from = sourceEnglish(event.source);
      const noun = nounEnglish(event.field);
      return event.choice === 'update'
        ? `Updated ${noun} to ${event.value} from ${from}${event.was ? ` (was ${event.was})` : ''}`
        : `Kept ${noun}${event.was ? ` ${event.was}` : ' empty'}; ${from} said ${event.value}`;
    }
    case 'edited': {
      const now = event.to ? valueEnglish(event.field, event.to) : 'cleared';
      const noun = nounEnglish(event.field);
      return event.from ? `Edited ${noun}: ${now} (was ${valueEnglish(event.field, event.from)})` : `Edited ${noun}: ${now}`;
    }
    case 'stage': {
      const why = event.reason ?? (event.checklist ? `${event.checklist.framework} ${event.checklist.met} of ${event.checklist.total} met` : '');
      return `Stage: ${stageEnglish(event.from)} → ${stageEnglish(event.to)}${why ? ` (${why})` : ''}`;
    }
    case 'stageUndone':
      return `Undone: Stage: ${stageEnglish(event.from)} → ${stageEnglish(event.to)}`;
    case 'companyDetails':
      return `Company details from LinkedIn: ${describeFieldsEnglish(event.fields.filter(isTextField))}`;
    case 'checklistMoved':
      return `Checklist moved to ${event.framework}: the template “${event.template}” was deleted. Answers kept.`;
    case 'followUpSet':
      return `Follow-up set for ${dueEnglish(event.dueAt)}${event.note ? `: ${event.note}` : ''}`;
    case 'followUpSnoozed':
      return `Follow-up snoozed to ${dueEnglish(event.dueAt)}`;
    case 'followUpDone':
      return `Follow-up done${event.note ? `: ${event.note}` : ''}`;
    case 'importUpdated': {
      const what = [
        event.fields.length > 0 ? describeFieldsEnglish(event.fields.filter(isTextField)) : '',
        event.tags ? 'tags' : '',
        event.notes ? 'notes' : '',
        event.channel ? 'channel' : '',
        event.proposed && event.proposed.length > 0 ? `changes to review (${describeFieldsEnglish(event.proposed.filter(isTextField))})` : '',
      ]
        .filter(Boolean)
        .join(', ');
      return `Updated from import "${event.list}": ${what}`;
    }
    case 'imported':
      return event.list ? `Imported from "${event.list}"` : 'Imported from a file';
    case 'email':
      return event.subject;
    case 'note':
      return event.text;
  }
}

export function isTextField(field: EventField): field is TextField {
  return field !== 'channel' && field !== 'source';
}
