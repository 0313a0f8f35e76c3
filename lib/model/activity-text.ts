import { t } from '../i18n';
import type { Formats } from '../i18n/format';
import type { ActivityEvent, EventField } from './activity-event';
import { CHANNELS } from './channel';
import { TEXT_FIELDS } from './fields';
import type { Activity } from './lead';
import { SOURCES } from './prospect';
import { stageLabel } from './stage';

const fieldWord = (field: EventField): string =>
  field === 'channel' ? t('words.fieldInSentence.channel') : field === 'source' ? t('words.fieldInSentence.source') : TEXT_FIELDS[field].noun;

const fieldList = (fields: readonly EventField[]): string => fields.map(fieldWord).join(', ');

/** A field's value as the rep reads it: a source or channel id by its name, anything else as written. */
function valueWord(field: EventField, value: string): string {
  if (field === 'source') return SOURCES.find((s) => s.id === value)?.label ?? value;
  if (field === 'channel') return CHANNELS.find((c) => c.id === value)?.label ?? value;
  return value;
}

const sourceWord = (source: string): string => SOURCES.find((s) => s.id === source)?.label ?? source;

/** A sentence may start with a field name written in lower case ("poste modifié"); the line starts with a capital. */
function capitalised(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/**
 * One line of the activity log in the rep's language, with due times in their format and time zone
 * (`formats`; tests pin the zone). An entry written before events existed shows its text as it was.
 */
export function activityText(activity: Pick<Activity, 'text' | 'event'>, formats: Formats, locale: string): string {
  const { event } = activity;
  if (!event) return activity.text;
  // A subject or a note is the rep's or the page's own text: shown exactly as written.
  if (event.type === 'email' || event.type === 'note') return eventText(event, formats);
  return capitalised(eventText(event, formats), locale);
}

function eventText(event: ActivityEvent, formats: Formats): string {
  switch (event.type) {
    case 'captured':
      return t('activity.captured', { source: sourceWord(event.source) });
    case 'added':
      return t('activity.added');
    case 'filled':
      return t('activity.filled', { source: sourceWord(event.source), fields: fieldList(event.fields) });
    case 'proposed': {
      const words = { source: sourceWord(event.source), field: fieldWord(event.field), value: valueWord(event.field, event.value) };
      return event.was ? t('activity.proposedWas', { ...words, was: valueWord(event.field, event.was) }) : t('activity.proposed', words);
    }
    case 'proposal': {
      const words = { source: sourceWord(event.source), field: fieldWord(event.field), value: valueWord(event.field, event.value) };
      const was = event.was ? valueWord(event.field, event.was) : undefined;
      if (event.choice === 'update') return was ? t('activity.acceptedWas', { ...words, was }) : t('activity.accepted', words);
      return was ? t('activity.kept', { ...words, was }) : t('activity.keptEmpty', words);
    }
    case 'edited': {
      const field = fieldWord(event.field);
      const was = event.from ? valueWord(event.field, event.from) : undefined;
      if (!event.to) return t('activity.cleared', { field, was: was ?? '' });
      const value = valueWord(event.field, event.to);
      return was ? t('activity.editedWas', { field, value, was }) : t('activity.edited', { field, value });
    }
    case 'stage': {
      const moves = { from: stageLabel(event.from), to: stageLabel(event.to) };
      if (event.reason) return t('activity.stageWithReason', { ...moves, reason: event.reason });
      if (event.checklist) {
        const { framework, met, total } = event.checklist;
        return t('activity.stageWithChecklist', { ...moves, framework, met: formats.count(met), total: formats.count(total) });
      }
      return t('activity.stage', moves);
    }
    case 'stageUndone':
      return t('activity.stageUndone', { from: stageLabel(event.from), to: stageLabel(event.to) });
    case 'companyDetails':
      return t('activity.companyDetails', { fields: fieldList(event.fields) });
    case 'checklistMoved':
      return t('activity.checklistMoved', { framework: event.framework, template: event.template });
    case 'followUpSet': {
      const due = formats.dateTime(event.dueAt);
      return event.note ? t('activity.followUpSetNote', { due, note: event.note }) : t('activity.followUpSet', { due });
    }
    case 'followUpSnoozed':
      return t('activity.followUpSnoozed', { due: formats.dateTime(event.dueAt) });
    case 'followUpDone':
      return event.note ? t('activity.followUpDoneNote', { note: event.note }) : t('activity.followUpDone');
    case 'importUpdated': {
      const what = [
        ...(event.fields.length > 0 ? [fieldList(event.fields)] : []),
        ...(event.tags ? [t('activity.importTags')] : []),
        ...(event.notes ? [t('activity.importNotes')] : []),
        ...(event.channel ? [fieldWord('channel')] : []),
        ...(event.proposed && event.proposed.length > 0 ? [t('activity.importReview', { fields: fieldList(event.proposed) })] : []),
      ].join(', ');
      return t('activity.importUpdated', { list: event.list, what });
    }
    case 'imported':
      return event.list ? t('activity.imported', { list: event.list }) : t('activity.importedFromFile');
    case 'email':
      return event.subject;
    case 'note':
      return event.text;
  }
}
