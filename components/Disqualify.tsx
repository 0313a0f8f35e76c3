import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { setStage } from '@/lib/db/leads';
import { t } from '@/lib/i18n';
import type { Lead } from '@/lib/model/lead';
import { LIMITS, cleanLine } from '@/lib/model/text';

export interface DisqualifyProps {
  db: LeadlineDatabase;
  now: () => number;
  lead: Lead;
  /** After the lead was moved to Disqualified. */
  onDisqualified?: () => void;
  /** A readable message when the write failed, '' after a success. */
  onError: (message: string) => void;
}

/**
 * "Disqualify…": asks why before moving the lead to Disqualified, and keeps the reason in the
 * stage history, so a later look at the lead (or the funnel) can tell a bad fit from bad timing.
 */
export function Disqualify({ db, now, lead, onDisqualified, onError }: DisqualifyProps) {
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) field.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (lead.stage === 'disqualified') return null;

  function close() {
    setOpen(false);
    setReason('');
    setProblem('');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const cleaned = cleanLine(reason);
    if (!cleaned) {
      setProblem(t('lead.disqualify.needReason'));
      field.current?.focus();
      return;
    }
    setSaving(true);
    try {
      await setStage(db, lead.id, 'disqualified', now(), cleaned);
      onError('');
      onDisqualified?.();
    } catch (error) {
      console.error(error);
      onError(describeStorageError(error));
    } finally {
      setSaving(false);
    }
  }

  if (!open) {
    return (
      <button ref={opener} type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('lead.disqualify.open')}
      </button>
    );
  }

  return (
    <form
      className="disqualify"
      aria-label={t('lead.disqualify.form')}
      noValidate
      onSubmit={(event) => void submit(event)}
      // The form's keys are its own: Esc cancels it, and nothing here reaches the walk-through's shortcuts.
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={`${ids}-reason`}>{t('lead.disqualify.reason')}</label>
      <input
        ref={field}
        id={`${ids}-reason`}
        type="text"
        required
        maxLength={LIMITS.short}
        value={reason}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${ids}-problem` : undefined}
        onChange={(event) => {
          setReason(event.target.value);
          setProblem('');
        }}
      />
      {problem && (
        <p id={`${ids}-problem`} className="field-error">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={saving}>
          {t('lead.disqualify.submit')}
        </button>
        <button type="button" className="secondary" onClick={close}>
          {t('lead.cancel')}
        </button>
      </div>
    </form>
  );
}
