import { useId, useState } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { saveSettings } from '@/lib/db/settings';
import { BUTTON_SETTING, type Settings } from '@/lib/model/settings';
import type { SiteId } from '@/lib/model/page-urls';
import { CORNER_LABELS, WIDGET_CORNERS, type WidgetCorner } from '@/lib/model/widget-corner';
import { Alert } from '../Alert';

const SITE_BOXES: ReadonlyArray<{ site: SiteId; label: string; shown: string; hidden: string }> = [
  {
    site: 'linkedin',
    label: 'Show the Save button on LinkedIn',
    shown: 'The Save button will show on LinkedIn pages you open from now on.',
    hidden:
      'Leadline will add nothing to LinkedIn pages you open from now on. Capture a profile from the toolbar button, the right-click menu or Alt+Shift+L.',
  },
  {
    site: 'gmail',
    label: 'Show the Save button in Gmail',
    shown: 'The Save button will show in Gmail threads you open from now on.',
    hidden: 'Leadline will add nothing to Gmail from now on. Capture a thread from the toolbar button, the right-click menu or Alt+Shift+L.',
  },
  {
    site: 'outlook',
    label: 'Show the Save button in Outlook on the web',
    shown: 'The Save button will show in Outlook messages you open from now on.',
    hidden: 'Leadline will add nothing to Outlook from now on. Capture a message from the toolbar button, the right-click menu or Alt+Shift+L.',
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
      <h2 id={`${id}-title`}>Button on LinkedIn, Gmail and Outlook</h2>
      {SITE_BOXES.map(({ site, label, shown, hidden }) => (
        <div className="field" key={site}>
          <label>
            <input
              type="checkbox"
              checked={settings[BUTTON_SETTING[site]]}
              onChange={(e) => void change({ [BUTTON_SETTING[site]]: e.target.checked }, e.target.checked ? shown : hidden)}
            />{' '}
            {label}
          </label>
        </div>
      ))}
      <p className="muted">
        Off: Leadline runs no script on that site and adds nothing to its pages. You still capture from the toolbar button, the
        right-click menu or Alt+Shift+L. “Hide” on the button itself turns it off for that site.
      </p>
      <div className="field">
        <label htmlFor={`${id}-corner`}>Where the button floats</label>
        <select
          id={`${id}-corner`}
          value={settings.widgetCorner}
          onChange={(e) =>
            void change(
              { widgetCorner: e.target.value as WidgetCorner },
              'The button moves there on pages you open from now on.',
            )
          }
        >
          {WIDGET_CORNERS.map((corner) => (
            <option key={corner} value={corner}>
              {CORNER_LABELS[corner]}
            </option>
          ))}
        </select>
        <p className="muted">
          On a LinkedIn profile the button sits beside Message and More, and in an open Gmail or Outlook message beside its
          toolbar; it floats in this corner where it finds neither. Bottom left stays clear of LinkedIn’s messaging and of
          Gmail’s and Outlook’s new-message windows.
        </p>
      </div>
      <p role="status">{status}</p>
      <Alert message={error} />
    </section>
  );
}
