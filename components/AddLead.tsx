import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { describeStorageError } from '@/lib/db/errors';
import { addManualLead } from '@/lib/db/leads';
import type { Lead } from '@/lib/model/lead';
import { CHOICE_FIELDS, fieldInputType, fieldLabel, type LeadFormField, type ManualPrefill } from '@/lib/model/lead-edit';
import { Alert } from './Alert';

export interface AddLeadProps {
  db: LeadlineDatabase;
  now: () => number;
  /** What the page offered ("Add manually" after a capture found nobody). */
  prefill?: ManualPrefill;
  onCreated: (lead: Lead) => void;
  /** Opens a lead that is already stored. */
  onOpenLead: (id: string) => void;
  onCancel: () => void;
}

/** The fields a rep fills in when adding a lead; the rest can be edited on the lead afterwards. */
const ADD_FIELDS: readonly LeadFormField[] = ['fullName', 'title', 'company', 'email', 'phone', 'location', 'website', 'profileUrl', 'channel'];

/** "Add a lead": typed by hand, checked field by field like an edit, never a twin of a stored lead. */
export function AddLead({ db, now, prefill = {}, onCreated, onOpenLead, onCancel }: AddLeadProps) {
  const ids = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Partial<Record<LeadFormField, string>>>(() => {
    const { sourceUrl: _where, ...fields } = prefill;
    return fields;
  });
  const [errors, setErrors] = useState<Partial<Record<LeadFormField, string>>>({});
  const [duplicate, setDuplicate] = useState<Lead | null>(null);
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setFailure('');
    setDuplicate(null);
    try {
      const outcome = await addManualLead(db, values, now(), { locale: navigator.language, ...(prefill.sourceUrl ? { sourceUrl: prefill.sourceUrl } : {}) });
      if (outcome.status === 'created') return onCreated(outcome.lead);
      if (outcome.status === 'duplicate') {
        setErrors({});
        setDuplicate(outcome.lead);
        return;
      }
      setErrors(outcome.errors);
      // Focus goes to the first field that needs fixing, whose message is read with it.
      const first = ADD_FIELDS.find((field) => outcome.errors[field]);
      if (first) form.current?.ownerDocument.getElementById(`${ids}-${first}`)?.focus();
    } catch (error) {
      console.error(error);
      setFailure(describeStorageError(error));
    } finally {
      setSaving(false);
    }
  }

  const offered = Object.keys(prefill).some((key) => key !== 'sourceUrl');

  return (
    <section className="add-lead" aria-labelledby={`${ids}-heading`}>
      <button type="button" className="back" onClick={onCancel}>
        {t('popup.add.back')}
      </button>
      <h2 id={`${ids}-heading`} ref={headingRef} tabIndex={-1}>
        {t('popup.add.heading')}
      </h2>
      {offered && <p className="muted">{t('popup.add.prefilled')}</p>}
      <Alert message={failure} />
      {duplicate && (
        <div role="alert" className="alert">
          <p>{t('popup.add.duplicate', { name: duplicate.fullName })}</p>
          <button type="button" onClick={() => onOpenLead(duplicate.id)}>
            {t('popup.add.open', { name: duplicate.fullName })}
          </button>
        </div>
      )}
      <form
        ref={form}
        className="add-form"
        aria-label={t('popup.add.heading')}
        noValidate
        onSubmit={(event) => void submit(event)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        }}
      >
        {ADD_FIELDS.map((field) => {
          const id = `${ids}-${field}`;
          const problem = errors[field];
          const described = problem ? `${id}-problem` : undefined;
          const set = (value: string) => {
            setValues((previous) => ({ ...previous, [field]: value }));
            setErrors(({ [field]: _fixed, ...rest }) => rest);
          };
          return (
            <div key={field} className="form-field">
              <label htmlFor={id}>
                {field === 'fullName' ? t('popup.add.required', { field: fieldLabel(field) }) : fieldLabel(field)}
              </label>
              {field === 'channel' ? (
                <select id={id} value={values.channel ?? ''} onChange={(event) => set(event.target.value)}>
                  <option value="">{t('popup.add.notSet')}</option>
                  {CHOICE_FIELDS.channel.options.map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  type={fieldInputType(field)}
                  autoComplete="off"
                  value={values[field] ?? ''}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={described}
                  onChange={(event) => set(event.target.value)}
                />
              )}
              {problem && (
                <p id={described} className="field-error">
                  {problem}
                </p>
              )}
            </div>
          );
        })}
        <div className="row">
          <button type="submit" disabled={saving}>
            {t('popup.add.submit')}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('popup.add.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
