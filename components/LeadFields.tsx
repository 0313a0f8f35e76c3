import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { editLeadField } from '@/lib/db/leads';
import { t } from '@/lib/i18n';
import type { Lead } from '@/lib/model/lead';
import { CHOICE_FIELDS, fieldInputType, fieldLabel, fieldNounOf, fieldValue, type LeadFormField } from '@/lib/model/lead-edit';
import { isWebUrl } from '@/lib/model/text';

export interface LeadFieldsProps {
  db: LeadlineDatabase;
  now: () => number;
  lead: Lead;
  /** The fields listed, in order. */
  fields: readonly LeadFormField[];
}

/**
 * A lead's details, each editable where it is shown: "Edit" turns the value into a field, Enter or
 * Save checks and stores it (marked as the rep's, so captures never write over it), Esc or Cancel
 * leaves it. A value that does not pass shows what is wrong beside the field and the stored one stays.
 */
export function LeadFields({ db, now, lead, fields }: LeadFieldsProps) {
  const [status, setStatus] = useState('');
  return (
    <>
      <dl className="fields editable">
        {fields.map((field) => (
          <FieldRow key={field} db={db} now={now} lead={lead} field={field} onSaved={setStatus} />
        ))}
      </dl>
      <p role="status" className="status">
        {status}
      </p>
    </>
  );
}

interface FieldRowProps {
  db: LeadlineDatabase;
  now: () => number;
  lead: Lead;
  field: LeadFormField;
  onSaved: (message: string) => void;
}

function FieldRow({ db, now, lead, field, onSaved }: FieldRowProps) {
  const ids = useId();
  const label = fieldLabel(field);
  const stored = fieldValue(lead, field);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(stored);
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing) input.current?.focus();
    else if (wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  function start() {
    setDraft(stored);
    setProblem('');
    onSaved('');
    setEditing(true);
  }

  function cancel() {
    setProblem('');
    setEditing(false);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      const outcome = await editLeadField(db, lead.id, field, draft, now(), navigator.language);
      if (!outcome.ok) {
        setProblem(outcome.message);
        input.current?.focus();
        return;
      }
      setProblem('');
      setEditing(false);
      onSaved(t('lead.fields.saved', { field: label }));
    } catch (error) {
      console.error(error);
      setProblem(describeStorageError(error));
    } finally {
      setSaving(false);
    }
  }

  if (!editing) {
    return (
      <div className="field-row">
        <dt>{label}</dt>
        <dd>
          <span className={stored ? 'value' : 'value muted'}>
            {stored ? <Shown field={field} lead={lead} /> : t('lead.notSet')}
          </span>
          <button
            ref={editButton}
            type="button"
            className="edit"
            aria-label={t('lead.fields.editField', { field: fieldNounOf(field) })}
            onClick={start}
          >
            {t('lead.fields.edit')}
          </button>
        </dd>
      </div>
    );
  }

  const errorId = `${ids}-problem`;
  const common = {
    id: `${ids}-input`,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? errorId : undefined,
  } as const;
  return (
    <div className="field-row editing">
      <dt>
        <label htmlFor={`${ids}-input`}>{label}</label>
      </dt>
      <dd>
        <form
          className="field-form"
          aria-label={t('lead.fields.editField', { field: fieldNounOf(field) })}
          noValidate
          onSubmit={(event) => void save(event)}
          onKeyDown={(event) => {
            // Esc cancels this field only; the walk-through and the popup never see it.
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              cancel();
            }
          }}
        >
          {field === 'channel' || field === 'source' ? (
            <select ref={input} {...common} value={draft} onChange={(event) => setDraft(event.target.value)}>
              {!CHOICE_FIELDS[field].required && <option value="">{t('lead.notSet')}</option>}
              {CHOICE_FIELDS[field].options.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              ref={input}
              {...common}
              type={fieldInputType(field)}
              autoComplete="off"
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value);
                setProblem('');
              }}
            />
          )}
          <span className="field-actions">
            <button type="submit" disabled={saving}>
              {t('lead.save')}
            </button>
            <button type="button" className="secondary" onClick={cancel}>
              {t('lead.cancel')}
            </button>
          </span>
          {problem && (
            <p id={errorId} className="field-error" role="alert">
              {problem}
            </p>
          )}
        </form>
      </dd>
    </div>
  );
}

/** A stored value as the rep reads it: web addresses as links (only http(s) ever is), choices by their label. */
function Shown({ field, lead }: { field: LeadFormField; lead: Lead }): ReactNode {
  const value = fieldValue(lead, field);
  if (field === 'channel' || field === 'source') {
    return CHOICE_FIELDS[field].options.find((option) => option.id === value)?.label ?? value;
  }
  if ((field === 'website' || field === 'profileUrl') && isWebUrl(value)) {
    return (
      <a href={value} target="_blank" rel="noopener noreferrer">
        {field === 'profileUrl' ? t('lead.fields.openProfile') : value}
      </a>
    );
  }
  return value;
}
