import { useId, useRef, useState, type ChangeEvent } from 'react';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { countLeads } from '@/lib/db/lead-pages';
import {
  RestoreError,
  backupFileName,
  restoreBackup,
  type Backup,
  type RestoreMode,
  type RestoreSummary,
} from '@/lib/io/backup';
import { parseBackup } from '@/lib/io/backup-parse';
import { downloadFile } from '@/components/download';
import { backupOffPage } from './backup-off-page';
import { Alert } from '../Alert';

/** "3 leads, 5 activities, 1 reminder, 0 checklist templates" */
function describeCounts(counts: RestoreSummary): string {
  const { count } = uiFormats();
  return t('data.backup.counts', {
    leads: t('data.backup.leads', counts.leads, [count(counts.leads)]),
    activities: t('data.backup.activities', counts.activities, [count(counts.activities)]),
    reminders: t('data.backup.reminders', counts.reminders, [count(counts.reminders)]),
    templates: t('data.backup.templates', counts.templates, [count(counts.templates)]),
  });
}

const countsOf = (backup: Backup): RestoreSummary => ({
  leads: backup.leads.length,
  activities: backup.activities.length,
  reminders: backup.reminders.length,
  templates: backup.templates.length,
});

function backupDate(iso: string): string {
  return uiFormats().dateTime(new Date(iso));
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
      setStatus(t('data.backup.downloaded', { counts: describeCounts(file.counts) }));
    } catch (error) {
      console.error('Leadline: backup failed', error);
      setError(t('data.backup.failed'));
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
        setError(t('data.backup.unreadable'));
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
          ? t('data.backup.restored', { file: pending.fileName, counts: describeCounts(summary) })
          : t('data.backup.merged', { file: pending.fileName, counts: describeCounts(summary) }),
      );
    } catch (error) {
      setError(error instanceof RestoreError ? t('data.backup.restoreFailed') : describeStorageError(error));
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
      <h2 id={`${id}-heading`}>{t('data.backup.title')}</h2>
      <p className="muted">{t('data.backup.intro')}</p>
      <div className="actions">
        <button type="button" aria-disabled={busy} onClick={() => void downloadBackup()}>
          {t('data.backup.download')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('data.backup.restoreFrom')}</label>
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
            {t('data.backup.pending', {
              file: pending.fileName,
              date: backupDate(pending.backup.exportedAt),
              counts: describeCounts(countsOf(pending.backup)),
            })}
          </p>
          <p className="muted">
            {t('data.backup.choiceHint', pending.currentLeads, [uiFormats().count(pending.currentLeads)])}
          </p>
          <div className="actions">
            <button type="button" aria-disabled={busy} onClick={() => void restore('replace')}>
              {t('data.backup.replace')}
            </button>
            <button type="button" aria-disabled={busy} onClick={() => void restore('merge')}>
              {t('data.backup.merge')}
            </button>
            <button type="button" className="secondary" aria-disabled={busy} onClick={cancel}>
              {t('data.backup.cancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status">{status}</p>
      <Alert message={error} />
      {problems.length > 0 && (
        <div role="alert" className="alert">
          <p>{t('data.backup.cannotRestore')}</p>
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
