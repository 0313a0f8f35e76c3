import { useEffect, useId, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LeadlineDatabase } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { describeStorageError } from '@/lib/db/errors';
import { dismissUndo, latestUndo, undoChange, UndoRefusedError, type UndoOutcome } from '@/lib/db/undo';
import { Alert } from './Alert';

export interface UndoBarProps {
  db: LeadlineDatabase;
  now: () => number;
  /** After an undo that brought reminders back, so alarms and the badge follow. */
  onRemindersChanged?: () => void;
  /** After a successful undo, with what came back. */
  onUndone?: (outcome: UndoOutcome) => void;
}

/**
 * "Deleted Ana Bell. Undo": the latest change that can still be taken back, read from the database,
 * so it is there again when the popup is closed and reopened, until it expires (two minutes).
 */
export function UndoBar({ db, now, onRemindersChanged, onUndone }: UndoBarProps) {
  const ids = useId();
  const entry = useLiveQuery(() => latestUndo(db, now()), [db]);
  const [, setTick] = useState(0);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const undoButton = useRef<HTMLButtonElement>(null);
  // Changes made before this view opened (the popup reopened) do not take focus; only a new one might.
  const [openedAt] = useState(() => now());
  const messageRef = useRef<HTMLParagraphElement>(null);

  // The live query only reruns on writes; the bar must also go when the time is up.
  useEffect(() => {
    if (!entry) return;
    const timer = setTimeout(() => setTick((tick) => tick + 1), Math.max(0, entry.expiresAt - now()) + 50);
    return () => clearTimeout(timer);
  }, [entry, now]);

  // A new change to undo clears the last result. When the change took away what had focus (a
  // deleted lead's detail, a follow-up marked done), focus comes here rather than to the page's start.
  useEffect(() => {
    if (!entry) return;
    setMessage('');
    setError('');
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && entry.createdAt >= openedAt) undoButton.current?.focus();
  }, [entry?.id]);

  const live = entry && entry.expiresAt > now() ? entry : undefined;

  async function undo() {
    if (!live) return;
    try {
      const outcome = await undoChange(db, live.id, now());
      setError('');
      setMessage(outcome.message);
      if (outcome.remindersChanged) onRemindersChanged?.();
      onUndone?.(outcome);
      messageRef.current?.focus();
    } catch (caught) {
      console.error(caught);
      setError(caught instanceof UndoRefusedError ? caught.message : describeStorageError(caught));
    }
  }

  if (!live && !message && !error) return null;
  return (
    <div
      className="undo-bar"
      role="region"
      aria-label={t('popup.undo.region')}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && live) {
          event.stopPropagation();
          void dismissUndo(db, live.id);
        }
      }}
    >
      {live ? (
        <>
          {/* Not a live region: the view that made the change already said so; the button carries it. */}
          <p id={`${ids}-label`} className="undo-label">
            {live.label}
          </p>
          <button ref={undoButton} type="button" aria-describedby={`${ids}-label`} onClick={() => void undo()}>
            {t('popup.undo.undo')}
          </button>
          <button type="button" className="secondary" aria-label={t('popup.undo.dismiss')} onClick={() => void dismissUndo(db, live.id)}>
            ×
          </button>
        </>
      ) : (
        <>
          <p ref={messageRef} tabIndex={-1} role="status" className="undo-label">
            {message}
          </p>
          <button
            type="button"
            className="secondary"
            aria-label={t('popup.undo.dismiss')}
            onClick={() => {
              setMessage('');
              setError('');
            }}
          >
            ×
          </button>
        </>
      )}
      <Alert message={error} />
    </div>
  );
}
