import { useEffect, useId, useState } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { CAPTURE_COMMAND } from '@/lib/model/commands';
import { SampleLead } from './SampleLead';
import './welcome.css';

/**
 * "or press Alt+Shift+L." with the keys shown as keys: the sentence is one message, split where its
 * {keys} placeholder stands, so each language puts the keys where its word order wants them.
 */
function ShortcutSentence({ keys }: { keys: string }) {
  const mark = '{keys}';
  const [before = '', after = ''] = t('welcome.capture.shortcut', { keys: mark }).split(mark);
  return (
    <>
      {before}
      <kbd>{keys}</kbd>
      {after}
    </>
  );
}

export interface WelcomeViewProps {
  db: LeadlineDatabase;
  now: () => number;
  /** Asks the browser for the capture shortcut as the rep has it. */
  captureShortcut?: (() => Promise<string | undefined>) | undefined;
  onNavigate: (tab: 'data' | 'leads') => void;
  onOpenLead: (id: string) => void;
}

/** What a new rep sees first: where capture works, how to import a list, how qualifying and reminders work. */
export function WelcomeView({ db, now, captureShortcut, onNavigate, onOpenLead }: WelcomeViewProps) {
  const id = useId();
  const [shortcut, setShortcut] = useState<string | undefined>(CAPTURE_COMMAND.defaultShortcut);
  useEffect(() => {
    let current = true;
    captureShortcut?.().then(
      (keys) => current && setShortcut(keys),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [captureShortcut]);

  return (
    <article className="welcome" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('welcome.heading')}</h2>
      <p className="welcome-intro">{t('welcome.intro')}</p>
      <ol className="welcome-steps" aria-label={t('welcome.steps')}>
        <li className="card">
          <h3>{t('welcome.capture.heading')}</h3>
          <ul>
            <li>
              <strong>{t('welcome.capture.linkedInName')}</strong> {t('welcome.capture.linkedIn')}
            </li>
            <li>
              <strong>{t('welcome.capture.inboxName')}</strong> {t('welcome.capture.inbox')}
            </li>
            <li>
              <strong>{t('welcome.capture.anyPageName')}</strong> {t('welcome.capture.anyPage')}{' '}
              {shortcut ? <ShortcutSentence keys={shortcut} /> : t('welcome.capture.noShortcut')}
            </li>
          </ul>
        </li>
        <li className="card">
          <h3>{t('welcome.import.heading')}</h3>
          <p>{t('welcome.import.text')}</p>
          <button type="button" onClick={() => onNavigate('data')}>
            {t('welcome.import.button')}
          </button>
        </li>
        <li className="card">
          <h3>{t('welcome.qualify.heading')}</h3>
          <p>{t('welcome.qualify.checklist')}</p>
          <p>{t('welcome.qualify.meaning')}</p>
          <p>{t('welcome.qualify.reminders')}</p>
          <p>{t('welcome.qualify.tryIt')}</p>
          <SampleLead db={db} now={now} onOpenLead={onOpenLead} />
        </li>
      </ol>
      <p className="welcome-next">
        {t('welcome.next')}{' '}
        <button type="button" className="secondary" onClick={() => onNavigate('leads')}>
          {t('welcome.toLeads')}
        </button>
      </p>
    </article>
  );
}
