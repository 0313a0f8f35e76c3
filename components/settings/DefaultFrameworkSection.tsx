import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { saveSettings } from '@/lib/db/settings';
import type { Framework } from '@/lib/model/framework';
import { FRAMEWORKS, getFramework } from '@/lib/qualify/frameworks';
import { Alert } from '../Alert';

/** The framework new leads start with: a built-in one or one of the rep's templates. */
export function DefaultFrameworkSection({
  db,
  frameworkId,
  templates,
}: {
  db: LeadlineDatabase;
  frameworkId: string;
  templates: readonly Framework[];
}) {
  const id = useId();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  // A default naming a deleted template falls back the way new leads do.
  const selected = getFramework(frameworkId, templates).id;

  async function change(nextId: string) {
    setStatus('');
    setError('');
    try {
      await saveSettings(db, { defaultFrameworkId: nextId });
      setStatus(t('settings.framework.saved', { framework: getFramework(nextId, templates).name }));
    } catch (e) {
      console.error('Leadline: could not save the default framework', e);
      setError(describeStorageError(e));
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.framework.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-framework`}>{t('settings.framework.label')}</label>
        <select id={`${id}-framework`} value={selected} onChange={(e) => void change(e.target.value)}>
          <optgroup label={t('settings.framework.builtIn')}>
            {FRAMEWORKS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </optgroup>
          {templates.length > 0 && (
            <optgroup label={t('settings.framework.yours')}>
              {templates.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <p role="status">{status}</p>
      <Alert message={error} />
    </section>
  );
}
