import { useId } from 'react';
import { t } from '@/lib/i18n';
import { CAPTURE_COMMAND } from '@/lib/model/commands';

/** Stands in for the shortcut while the sentence is translated, so the keys can go where each language puts them. */
const SHORTCUT_SLOT = '\u0000';

/** The popup with no lead at all: every place capture works, the list import, and the welcome page. */
export function GettingStarted() {
  const id = useId();
  const [beforeShortcut, afterShortcut = ''] = t('popup.start.anyPage', { shortcut: SHORTCUT_SLOT }).split(SHORTCUT_SLOT);
  return (
    <section className="getting-started" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title">
        {t('popup.start.heading')}
      </h2>
      <p>{t('popup.start.intro')}</p>
      <ul>
        <li>
          <strong>{t('popup.start.linkedInName')}</strong> {t('popup.start.linkedIn')}
        </li>
        <li>
          <strong>{t('popup.start.inboxName')}</strong> {t('popup.start.inbox')}
        </li>
        <li>
          <strong>{t('popup.start.anyPageName')}</strong> {beforeShortcut}
          <kbd>{CAPTURE_COMMAND.defaultShortcut}</kbd>
          {afterShortcut}
        </li>
        <li>
          <strong>{t('popup.start.listName')}</strong>{' '}
          <a href="/dashboard.html#data" target="_blank" rel="noopener">
            {t('popup.start.importList')}
          </a>
        </li>
      </ul>
      <p>
        <a href="/dashboard.html#welcome" target="_blank" rel="noopener">
          {t('popup.start.welcome')}
        </a>
      </p>
    </section>
  );
}
