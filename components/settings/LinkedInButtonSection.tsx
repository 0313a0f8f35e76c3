import { useId, useState } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { saveSettings } from '@/lib/db/settings';

/**
 * Discreet mode. LinkedIn is reported to look for installed extensions and the elements they add;
 * with the button off, Leadline runs nothing on LinkedIn until the rep asks it to capture a page.
 */
export function LinkedInButtonSection({ db, shown, onChanged }: { db: LeadlineDatabase; shown: boolean; onChanged?: () => void }) {
  const id = useId();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  async function change(show: boolean) {
    setStatus('');
    setError('');
    try {
      await saveSettings(db, { showLinkedInButton: show });
      onChanged?.();
      setStatus(
        show
          ? 'The Save button will show on LinkedIn pages you open from now on.'
          : 'Leadline will add nothing to LinkedIn pages you open from now on. Capture a profile from the toolbar button, the right-click menu or Alt+Shift+L.',
      );
    } catch (e) {
      console.error('Leadline: could not save the LinkedIn setting', e);
      setError(describeStorageError(e));
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>LinkedIn</h2>
      <div className="field">
        <label>
          <input type="checkbox" checked={shown} onChange={(e) => void change(e.target.checked)} /> Show the Save button on LinkedIn
        </label>
        <p className="muted">
          Off: Leadline runs no script on LinkedIn and adds nothing to its pages. You still capture a profile or a list from the
          toolbar button, the right-click menu or Alt+Shift+L.
        </p>
      </div>
      <p role="status">{status}</p>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
    </section>
  );
}
