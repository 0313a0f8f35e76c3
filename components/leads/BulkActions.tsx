import { useId, useState, type FormEvent } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { setStageOfLeads, undoStageOfLeads, type BulkStageChange } from '@/lib/db/bulk-leads';
import { describeStorageError } from '@/lib/db/errors';
import { deleteLeads } from '@/lib/db/leads';
import { leadsInOrder } from '@/lib/db/lead-table';
import { addReminderToLeads } from '@/lib/db/reminders';
import { FOLLOW_UP_PRESETS, defaultTimeZone, localDateTimeToEpoch, presetDueAt, type PresetId } from '@/lib/followup/schedule';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import { leadsToCsvChunked, processInChunks } from '@/lib/io/chunked';
import { exportFileName } from '@/lib/io/export-csv';
import { EXPORT_PRESETS, getExportPreset, type ExportPresetId } from '@/lib/io/presets';
import { leadsToVCard } from '@/lib/io/vcard';
import { STAGES, stageLabel, type Stage } from '@/lib/model/stage';
import { LIMITS } from '@/lib/model/text';
import { downloadCsv, downloadFile } from '../download';
import { describeWhen } from '../when';
import { Alert } from '../Alert';

/** A count of leads as the rep's locale writes it, for a message's $1. */
const written = (count: number): [string] => [uiFormats().count(count)];

/**
 * A follow-up preset's time as its menu shows it: only the time when the day is today or tomorrow (the
 * preset's own name says which), otherwise the day and the time.
 */
function presetTime(dueAt: number, now: number): string {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  const day = new Date(dueAt).toDateString();
  return day === new Date(now).toDateString() || day === tomorrow.toDateString() ? uiFormats().time(dueAt) : describeWhen(dueAt, now);
}


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
      const moved = t('table.bulk.moved', change.changed, written(change.changed), { stage: stageLabel(stage) });
      return change.unchanged > 0 ? `${moved} ${t('table.bulk.alreadyThere', change.unchanged, written(change.unchanged))}` : moved;
    });
  }

  function deleteSelected() {
    void run(async () => {
      const outcome = await deleteLeads(db, targets(), now());
      setLastChange(null);
      onStageChanged();
      if (outcome.reminders > 0) onRemindersChanged?.();
      return t('table.bulk.deleted', outcome.deleted, written(outcome.deleted));
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
        setStatus(t('table.bulk.undone', count, written(count)));
      })
      .catch((caught: unknown) => {
        console.error('Leadline: an undo failed', caught);
        setError(describeStorageError(caught));
      })
      .finally(() => setProgress(null));
  }

  function dueAt(): number | string {
    if (when !== ON_DATE) return presetDueAt(when as PresetId, new Date(now()), defaultTimeZone());
    if (!date || !time) return t('table.bulk.pickDate');
    try {
      const at = localDateTimeToEpoch(date, time, defaultTimeZone());
      return at <= now() ? t('table.bulk.pastTime') : at;
    } catch (caught) {
      return caught instanceof RangeError ? caught.message : t('table.bulk.unreadableTime');
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
      return t('table.bulk.reminded', added, written(added), { when: describeWhen(at, now()) });
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
        return t('table.bulk.exportedCards', leads.length, written(leads.length));
      }
      const preset = getExportPreset(layout);
      downloadCsv(file, await leadsToCsvChunked(leads, preset.columns, onProgress));
      return t('table.bulk.exported', leads.length, written(leads.length), { layout: preset.label });
    });
  }

  const at = now();
  return (
    <section className="bulk-actions" aria-label={t('table.bulk.region')}>
      <p className="bulk-count">{description}</p>
      <form className="bulk-form" onSubmit={changeStage}>
        <label htmlFor={`${id}-stage`}>{t('table.bulk.stage')}</label>
        <select id={`${id}-stage`} value={stage} onChange={(event) => setStage(event.target.value as Stage)}>
          {STAGES.map((s) => (
            <option key={s.id} value={s.id}>
              {stageLabel(s.id)}
            </option>
          ))}
        </select>
        <button type="submit" aria-disabled={busy || count === 0 || undefined}>
          {t('table.bulk.changeStage')}
        </button>
      </form>
      <form className="bulk-form" onSubmit={remind}>
        <label htmlFor={`${id}-when`}>{t('table.bulk.when')}</label>
        <select id={`${id}-when`} value={when} onChange={(event) => setWhen(event.target.value)}>
          {FOLLOW_UP_PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {t('table.bulk.preset', { preset: preset.label, when: presetTime(presetDueAt(preset.id, new Date(at), defaultTimeZone()), at) })}
            </option>
          ))}
          <option value={ON_DATE}>{t('table.bulk.onDate')}</option>
        </select>
        {when === ON_DATE && (
          <>
            <label htmlFor={`${id}-date`}>{t('table.bulk.date')}</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
            <label htmlFor={`${id}-time`}>{t('table.bulk.time')}</label>
            <input id={`${id}-time`} type="time" value={time} onChange={(event) => setTime(event.target.value)} />
          </>
        )}
        <label htmlFor={`${id}-note`} className="visually-hidden">
          {t('table.bulk.note')}
        </label>
        <input
          id={`${id}-note`}
          type="text"
          placeholder={t('table.bulk.notePlaceholder')}
          maxLength={LIMITS.note}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <button type="submit" aria-disabled={busy || count === 0 || undefined}>
          {t('table.bulk.setReminder')}
        </button>
      </form>
      <form className="bulk-form" onSubmit={exportSelected}>
        <label htmlFor={`${id}-layout`}>{t('table.bulk.exportAs')}</label>
        <select id={`${id}-layout`} value={layout} onChange={(event) => setLayout(event.target.value as Layout)}>
          {EXPORT_PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
          <option value={VCARD}>{t('table.bulk.vcard')}</option>
        </select>
        <button type="submit" aria-disabled={busy || count === 0 || undefined}>
          {t('table.bulk.export')}
        </button>
      </form>
      <button type="button" className="danger" aria-disabled={busy || count === 0 || undefined} onClick={deleteSelected}>
        {t('table.bulk.delete')}
      </button>
      {progress && <progress aria-label={t('table.bulk.progress')} value={progress.done} max={Math.max(progress.total, 1)} />}
      <div className="bulk-result">
        <p role="status" className="status">
          {status}
        </p>
        {lastChange && !busy && (
          <button type="button" className="secondary" onClick={undo}>
            {t('table.bulk.undo')}
          </button>
        )}
      </div>
      <Alert message={error} />
    </section>
  );
}
