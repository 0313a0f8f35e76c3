import { useId, useRef, useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { saveSettings } from '@/lib/db/settings';
import { parseOwnAddresses } from './own-addresses';

/** The rep's own addresses, one per line, so Leadline never captures the rep as a lead from an inbox. */
export function OwnAddressesSection({ db, saved }: { db: LeadlineDatabase; saved: readonly string[] }) {
  const id = useId();
  const [text, setText] = useState(() => saved.join('\n'));
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setStatus('');
    const parsed = parseOwnAddresses(text);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      fieldRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      await saveSettings(db, { ownAddresses: parsed.addresses });
      setErrors([]);
      setText(parsed.addresses.join('\n'));
      const count = parsed.addresses.length;
      setStatus(t('settings.addresses.saved', count, [uiFormats().count(count)]));
    } catch (e) {
      console.error('Leadline: could not save own addresses', e);
      setErrors([describeStorageError(e)]);
    } finally {
      setSaving(false);
    }
  }

  const describedBy = [`${id}-hint`, ...(errors.length > 0 ? [`${id}-errors`] : [])].join(' ');
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.addresses.title')}</h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-addresses`}>{t('settings.addresses.label')}</label>
          <p id={`${id}-hint`} className="muted">
            {t('settings.addresses.hint')}
          </p>
          <textarea
            id={`${id}-addresses`}
            ref={fieldRef}
            rows={4}
            spellCheck={false}
            autoComplete="off"
            value={text}
            aria-invalid={errors.length > 0 ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        {errors.length > 0 && (
          <div role="alert" id={`${id}-errors`} className="alert">
            <p>{t('settings.addresses.notSaved')}</p>
            <ul>
              {errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" disabled={saving}>
          {t('settings.addresses.save')}
        </button>
        <p role="status">{status}</p>
      </form>
    </section>
  );
}
