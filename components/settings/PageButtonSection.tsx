import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { saveSettings } from '@/lib/db/settings';
import { BUTTON_SETTING, type Settings } from '@/lib/model/settings';
import type { SiteId } from '@/lib/model/page-urls';
import { cornerLabel, WIDGET_CORNERS, type WidgetCorner } from '@/lib/model/widget-corner';
import { Alert } from '../Alert';

// Functions, so the text is read in the rep's language when the section renders.
const SITE_BOXES: ReadonlyArray<{ site: SiteId; label: () => string; shown: () => string; hidden: () => string }> = [
  {
    site: 'linkedin',
    label: () => t('settings.pageButton.linkedin.label'),
    shown: () => t('settings.pageButton.linkedin.shown'),
    hidden: () => t('settings.pageButton.linkedin.hidden'),
  },
  {
    site: 'gmail',
    label: () => t('settings.pageButton.gmail.label'),
    shown: () => t('settings.pageButton.gmail.shown'),
    hidden: () => t('settings.pageButton.gmail.hidden'),
  },
  {
    site: 'outlook',
    label: () => t('settings.pageButton.outlook.label'),
    shown: () => t('settings.pageButton.outlook.shown'),
    hidden: () => t('settings.pageButton.outlook.hidden'),
  },
];

type Props = {
  db: LeadlineDatabase;
  settings: Pick<Settings, 'showLinkedInButton' | 'showGmailButton' | 'showOutlookButton' | 'widgetCorner'>;
  onChanged?: () => void;
};

/**
 * The in-page button: on which sites it shows (off, Leadline runs no script there: LinkedIn is reported
 * to look for extensions and the elements they add), and which corner it floats in when the page has
 * no action bar or toolbar for it to sit beside. "Hide on this site" in the widget is undone here.
 */
export function PageButtonSection({ db, settings, onChanged }: Props) {
  const id = useId();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  async function change(patch: Partial<Settings>, done: string) {
    setStatus('');
    setError('');
    try {
      await saveSettings(db, patch);
      onChanged?.();
      setStatus(done);
    } catch (e) {
      console.error('Leadline: could not save the in-page button setting', e);
      setError(describeStorageError(e));
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.pageButton.title')}</h2>
      {SITE_BOXES.map(({ site, label, shown, hidden }) => (
        <div className="field" key={site}>
          <label>
            <input
              type="checkbox"
              checked={settings[BUTTON_SETTING[site]]}
              onChange={(e) => void change({ [BUTTON_SETTING[site]]: e.target.checked }, e.target.checked ? shown() : hidden())}
            />{' '}
            {label()}
          </label>
        </div>
      ))}
      <p className="muted">
        {t('settings.pageButton.offHint')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-corner`}>{t('settings.pageButton.corner')}</label>
        <select
          id={`${id}-corner`}
          value={settings.widgetCorner}
          onChange={(e) =>
            void change(
              { widgetCorner: e.target.value as WidgetCorner },
              t('settings.pageButton.cornerSaved'),
            )
          }
        >
          {WIDGET_CORNERS.map((corner) => (
            <option key={corner} value={corner}>
              {cornerLabel(corner)}
            </option>
          ))}
        </select>
        <p className="muted">
          {t('settings.pageButton.cornerHint')}
        </p>
      </div>
      <p role="status">{status}</p>
      <Alert message={error} />
    </section>
  );
}
