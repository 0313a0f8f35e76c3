import { useId, useState, type FormEvent } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { setStageOfLeads, undoStageOfLeads, type BulkStageChange } from '@/lib/db/bulk-leads';
import { describeStorageError } from '@/lib/db/errors';
import { deleteLeads } from '@/lib/db/leads';
import { leadsInOrder } from '@/lib/db/lead-table';
import { addReminderToLeads } from '@/lib/db/reminders';
import { FOLLOW_UP_PRESETS, defaultTimeZone, localDateTimeToEpoch, presetDueAt, type PresetId } from '@/lib/followup/schedule';
import { leadsToCsvChunked, processInChunks } from '@/lib/io/chunked';
import { exportFileName } from '@/lib/io/export-csv';
import { EXPORT_PRESETS, getExportPreset, type ExportPresetId } from '@/lib/io/presets';
import { leadsToVCard } from '@/lib/io/vcard';
import { STAGES, stageLabel, type Stage } from '@/lib/model/stage';
import { LIMITS } from '@/lib/model/text';
import { countOf } from '../data/counts';
import { downloadCsv, downloadFile } from '../download';
import { describeWhen } from '../when';
import { Alert } from '../Alert';

const TEXT = {
  region: 'Selected leads',
  stage: 'Move to stage',
  changeStage: 'Change stage',
  moved: (count: number, stage: string) => `Moved ${countOf(count, 'lead')} to ${stage}.`,
  alreadyThere: (count: number) => `${countOf(count, 'lead was', 'leads were')} already there.`,
  undo: 'Undo',
  undone: (count: number) => `Put ${countOf(count, 'lead')} back in the stage ${count === 1 ? 'it was' : 'they were'} in.`,
  delete: 'Delete',
  deleted: (count: number) => `Deleted ${countOf(count, 'lead')}, with their activity and reminders.`,
  when: 'Follow up',
  onDate: 'On a date…',
  date: 'Date',
  time: 'Time',
  note: 'Reminder note',
  notePlaceholder: 'What to follow up on',
  setReminder: 'Set reminder',
  pickDate: 'Pick a date and a time for the reminder.',
  pastTime: 'That time has already passed. Pick a later one.',
  unreadableTime: 'That date and time could not be read. Pick them again.',
  reminded: (count: number, when: string) => `Follow-up set for ${when} on ${countOf(count, 'lead')}.`,
  exportAs: 'Export as',
  vcard: 'vCard (contact cards)',
  export: 'Export selected',
  exported: (count: number, layout: string) => `Exported ${countOf(count, 'lead')} (${layout}).`,
  exportedCards: (count: number) => `Exported ${countOf(count, 'lead')} as contact cards.`,
  exportFailed: 'Leadline could not read these leads for the export. Nothing was downloaded; please try again.',
  progress: 'Progress',
};

const VCARD = 'vcard';
const ON_DATE = 'date';
type Layout = ExportPresetId | typeof VCARD;
type Progress = { done: number; total: number };

export interface BulkActionsProps {
  db: LeadlineDatabase;
  now: () => number;
  /** How many leads the actions apply to. */
  count: number;
  /** The leads the actions apply to, in the table's order, worked out when an action starts. */
  targets: () => string[];
  /** What the selection is, in words ("3 leads selected"). */
  description: string;
  /** The word an export's file is named by ("selection", or the saved view's name). */
  fileName: string;
  /** After a stage change, a deletion or their undo, whose leads may have left the table or its filter. */
  onStageChanged: () => void;
  onRemindersChanged?: (() => void) | undefined;
}

/** What a rep does to many leads at once: move them to a stage (with undo), set a follow-up, export them. */
export function BulkActions({ db, now, count, targets, description, fileName, onStageChanged, onRemindersChanged }: BulkActionsProps) {
  const id = useId();
  const [stage, setStage] = useState<Stage>('qualified');
  const [when, setWhen] = useState<string>('tomorrow');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [note, setNote] = useState('');
  const [layout, setLayout] = useState<Layout>('generic');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  // The last stage change made here, for its Undo. A deletion's undo is kept in the database (lib/db/undo.ts) and offered by the page's undo bar.
  const [lastChange, setLastChange] = useState<BulkStageChange | null>(null);
  const busy = progress !== null;
  const onProgress = (done: number, total: number) => setProgress({ done, total });

  async function run(action: () => Promise<string>) {
    if (busy || count === 0) return;
    setStatus('');
    setError('');
    setProgress({ done: 0, total: count });
    try {
      setStatus(await action());
    } catch (caught) {
      console.error('Leadline: a bulk action failed', caught);
      setError(describeStorageError(caught));
    } finally {
      setProgress(null);
    }
  }

  function changeStage(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const change = await setStageOfLeads(db, targets(), stage, now(), onProgress);
      setLastChange(change.changed > 0 ? change : null);
      onStageChanged();
      const moved = TEXT.moved(change.changed, stageLabel(stage));
      return change.unchanged > 0 ? `${moved} ${TEXT.alreadyThere(change.unchanged)}` : moved;
    });
  }

  function deleteSelected() {
    void run(async () => {
      const outcome = await deleteLeads(db, targets(), now());
      setLastChange(null);
      onStageChanged();
      if (outcome.reminders > 0) onRemindersChanged?.();
      return TEXT.deleted(outcome.deleted);
    });
  }

  function undo() {
    const last = lastChange;
    if (!last || busy) return;
    setLastChange(null);
    setStatus('');
    setError('');
    setProgress({ done: 0, total: last.before.length });
    undoStageOfLeads(db, last, now(), onProgress)
      .then((count) => {
        onStageChanged();
        setStatus(TEXT.undone(count));
      })
      .catch((caught: unknown) => {
        console.error('Leadline: an undo failed', caught);
        setError(describeStorageError(caught));
      })
      .finally(() => setProgress(null));
  }

  function dueAt(): number | string {
    if (when !== ON_DATE) return presetDueAt(when as PresetId, new Date(now()), defaultTimeZone());
    if (!date || !time) return TEXT.pickDate;
    try {
      const at = localDateTimeToEpoch(date, time, defaultTimeZone());
      return at <= now() ? TEXT.pastTime : at;
    } catch (caught) {
      return caught instanceof RangeError ? caught.message : TEXT.unreadableTime;
    }
  }

  function remind(event: FormEvent) {
    event.preventDefault();
    const at = dueAt();
    if (typeof at === 'string') {
      setStatus('');
      setError(at);
      return;
    }
    void run(async () => {
      const added = await addReminderToLeads(db, targets(), { dueAt: at, note }, now(), onProgress);
      setNote('');
      onRemindersChanged?.();
      return TEXT.reminded(added, describeWhen(at, now()));
    });
  }

  function exportSelected(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const leads = await leadsInOrder(db, targets(), onProgress);
      const file = exportFileName(fileName, new Date(now()));
      if (layout === VCARD) {
        const cards = await processInChunks(leads, 2000, (chunk) => leadsToVCard(chunk), onProgress);
        downloadFile(file.replace(/\.csv$/, '.vcf'), cards.join(''), 'text/vcard;charset=utf-8');
        return TEXT.exportedCards(leads.length);
      }
      const preset = getExportPreset(layout);
      downloadCsv(file, await leadsToCsvChunked(leads, preset.columns, onProgress));
      return TEXT.exported(leads.length, preset.label);
    });
  }

  const at = now();
  return (
    <section className="bulk-actions" aria-label={TEXT.region}>
      <p className="bulk-count">{description}</p>
      <form className="bulk-form" onSubmit={changeStage}>
        <label htmlFor={`${id}-stage`}>{TEXT.stage}</label>
        <select id={`${id}-stage`} value={stage} onChange={(event) => setStage(event.target.value as Stage)}>
          {STAGES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        <button type="submit" aria-disabled={busy || count === 0 || undefined}>
          {TEXT.changeStage}
        </button>
      </form>
      <form className="bulk-form" onSubmit={remind}>
        <label htmlFor={`${id}-when`}>{TEXT.when}</label>
        <select id={`${id}-when`} value={when} onChange={(event) => setWhen(event.target.value)}>
          {FOLLOW_UP_PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {`${preset.label} (${describeWhen(presetDueAt(preset.id, new Date(at), defaultTimeZone()), at).replace(/^(Today|Tomorrow) /, '')})`}
            </option>
          ))}
          <option value={ON_DATE}>{TEXT.onDate}</option>
        </select>
        {when === ON_DATE && (
          <>
            <label htmlFor={`${id}-date`}>{TEXT.date}</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
            <label htmlFor={`${id}-time`}>{TEXT.time}</label>
            <input id={`${id}-time`} type="time" value={time} onChange={(event) => setTime(event.target.value)} />
          </>
        )}
        <label htmlFor={`${id}-note`} className="visually-hidden">
          {TEXT.note}
        </label>
        <input
          id={`${id}-note`}
          type="text"
          placeholder={TEXT.notePlaceholder}
          maxLength={LIMITS.note}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <button type="submit" aria-disabled={busy || count === 0 || undefined}>
          {TEXT.setReminder}
        </button>
      </form>
      <form className="bulk-form" onSubmit={exportSelected}>
        <label htmlFor={`${id}-layout`}>{TEXT.exportAs}</label>
        <select id={`${id}-layout`} value={layout} onChange={(event) => setLayout(event.target.value as Layout)}>
          {EXPORT_PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
          <option value={VCARD}>{TEXT.vcard}</option>
        </select>
        <button type="submit" aria-disabled={busy || count === 0 || undefined}>
          {TEXT.export}
        </button>
      </form>
      <button type="button" className="danger" aria-disabled={busy || count === 0 || undefined} onClick={deleteSelected}>
        {TEXT.delete}
      </button>
      {progress && <progress aria-label={TEXT.progress} value={progress.done} max={Math.max(progress.total, 1)} />}
      <div className="bulk-result">
        <p role="status" className="status">
          {status}
        </p>
        {lastChange && !busy && (
          <button type="button" className="secondary" onClick={undo}>
            {TEXT.undo}
          </button>
        )}
      </div>
      <Alert message={error} />
    </section>
  );
}
