import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { countLeads } from '@/lib/db/lead-pages';
import {
  RestoreError,
  backupFileName,
  parseBackup,
  restoreBackup,
  type Backup,
  type RestoreMode,
  type RestoreSummary,
} from '@/lib/io/backup';
import { countOf } from './counts';
import { downloadFile } from '@/components/download';
import { backupOffPage } from './backup-off-page';
import { Alert } from '../Alert';

function describeCounts(counts: RestoreSummary): string {
  return [
    countOf(counts.leads, 'lead'),
    countOf(counts.activities, 'activity', 'activities'),
    countOf(counts.reminders, 'reminder'),
    countOf(counts.templates, 'checklist template'),
  ].join(', ');
}

const countsOf = (backup: Backup): RestoreSummary => ({
  leads: backup.leads.length,
  activities: backup.activities.length,
  reminders: backup.reminders.length,
  templates: backup.templates.length,
});

function backupDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

type Pending = { fileName: string; backup: Backup; currentLeads: number };

/** Backup and restore: the whole database as one JSON file, and back. */
export function BackupSection({ db, now, onRemindersChanged }: { db: LeadlineDatabase; now: () => number; onRemindersChanged?: () => void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  function clearMessages() {
    setStatus('');
    setError('');
    setProblems([]);
  }

  async function downloadBackup() {
    if (busy) return;
    clearMessages();
    setBusy(true);
    try {
      // Read and written out in a worker: 100,000 leads never hold the page.
      const file = await backupOffPage(db, now());
      downloadFile(backupFileName(new Date(now())), file.blob, 'application/json');
      setStatus(`Backup downloaded: ${describeCounts(file.counts)}.`);
    } catch (error) {
      console.error('Leadline: backup failed', error);
      setError('Leadline could not read your data for the backup. Nothing was downloaded; please try again.');
    } finally {
      setBusy(false);
    }
  }

  async function chooseBackup(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (busy) return;
    clearMessages();
    setPending(null);
    if (!file) return;
    setBusy(true);
    try {
      let text: string;
      try {
        text = await file.text();
      } catch (error) {
        console.error('Leadline: could not read the backup file', error);
        setError('Leadline could not read this file. Nothing was restored; choose the backup file again.');
        return;
      }
      const parsed = parseBackup(text);
      if (!parsed.ok) {
        setProblems(parsed.errors);
        return;
      }
      setPending({ fileName: file.name, backup: parsed.backup, currentLeads: await countLeads(db) });
    } catch (error) {
      console.error('Leadline: could not check the backup', error);
      setError(describeStorageError(error));
    } finally {
      setBusy(false);
      // Emptied so that choosing the same file again, after fixing it, is noticed.
      input.value = '';
    }
  }

  async function restore(mode: RestoreMode) {
    if (!pending || busy) return;
    clearMessages();
    setBusy(true);
    try {
      const summary = await restoreBackup(db, pending.backup, mode);
      // Restored follow-ups ring on time and count on the badge at once, not at the next browser start.
      onRemindersChanged?.();
      setPending(null);
      setStatus(
        mode === 'replace'
          ? `Restored ${pending.fileName}: ${describeCounts(summary)}.`
          : `Merged ${pending.fileName}: ${describeCounts(summary)} added or updated.`,
      );
    } catch (error) {
      setError(error instanceof RestoreError ? error.message : describeStorageError(error));
    } finally {
      setBusy(false);
      fileInput.current?.focus();
    }
  }

  function cancel() {
    setPending(null);
    fileInput.current?.focus();
  }

  return (
    <section className="card data-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Backup and restore</h2>
      <p className="muted">
        A backup holds every lead, activity, reminder and checklist template, and your settings (your own addresses, spend
        and currency, default framework, learned score weights), in one file.
      </p>
      <div className="actions">
        <button type="button" aria-disabled={busy} onClick={() => void downloadBackup()}>
          Download backup
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>Restore from backup</label>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          onChange={(event) => void chooseBackup(event)}
        />
      </div>
      {pending && (
        <div className="restore-choice" role="group" aria-labelledby={`${id}-pending`}>
          <p id={`${id}-pending`}>
            {pending.fileName}, made {backupDate(pending.backup.exportedAt)}, holds {describeCounts(countsOf(pending.backup))}.
          </p>
          <p className="muted">
            Replace everything deletes the {countOf(pending.currentLeads, 'lead')} here and puts the backup in their place, settings
            included. Merge adds the backup to them; where a lead is in both, the copy updated last is kept, and your settings
            stay as they are (the backup's own addresses are added).
          </p>
          <div className="actions">
            <button type="button" aria-disabled={busy} onClick={() => void restore('replace')}>
              Replace everything
            </button>
            <button type="button" aria-disabled={busy} onClick={() => void restore('merge')}>
              Merge
            </button>
            <button type="button" className="secondary" aria-disabled={busy} onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p role="status">{status}</p>
      <Alert message={error} />
      {problems.length > 0 && (
        <div role="alert" className="alert">
          <p>This backup cannot be restored, so nothing was changed:</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
