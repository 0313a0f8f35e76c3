import { useId, useRef, useState, type FormEvent } from 'react';
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
      setStatus(count === 0 ? 'Saved: no addresses listed.' : `Saved ${count} ${count === 1 ? 'address' : 'addresses'}.`);
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
      <h2 id={`${id}-title`}>Inboxes</h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-addresses`}>Your email addresses</label>
          <p id={`${id}-hint`} className="muted">
            One per line. Leadline never captures these addresses as leads from Gmail or Outlook.
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
            <p>Your addresses were not saved:</p>
            <ul>
              {errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" disabled={saving}>
          Save addresses
        </button>
        <p role="status">{status}</p>
      </form>
    </section>
  );
}
