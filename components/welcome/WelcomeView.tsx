import { useEffect, useId, useState } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { CAPTURE_COMMAND } from '@/lib/model/commands';
import { SampleLead } from './SampleLead';
import './welcome.css';


const TEXT = {
  heading: 'Welcome to Leadline',
  intro: 'Save prospects where you meet them, qualify them, and follow up on time. Everything stays in this browser.',
  steps: 'Three steps',
  capture: {
    heading: '1. Capture where you meet people',
    linkedInName: 'LinkedIn:',
    linkedIn: 'on a profile, click Save lead at the bottom right of the page. On people search results or a Sales Navigator list, Save leads from this list saves several at once.',
    inboxName: 'Gmail and Outlook on the web:',
    inbox: 'in an open email thread, Save lead saves the sender, with the title, company and phone from their signature.',
    anyPageName: 'Any other page:',
    anyPage: 'click the Leadline icon in the toolbar, then Capture this page; or right-click and choose Save contact to Leadline;',
    // The shortcut itself is shown between these two, as keys.
    shortcutBefore: 'or press',
    shortcutAfter: '.',
    noShortcut: 'or give it a keyboard shortcut in your browser’s extension settings.',
  },
  import: {
    heading: '2. Import a list you already have',
    text: 'A CSV from HubSpot, Salesforce, Pipedrive, Excel or a trade-show scanner: choose the file, check how its columns map and which rows have problems, then import. Each list keeps its name, so Leads can show just that list.',
    button: 'Import a list',
  },
  qualify: {
    heading: '3. Qualify and follow up',
    checklist:
      'Open a lead from the toolbar popup or from Leads and answer its checklist (BANT, MEDDIC and others, or your own). When the framework’s rule is met, Leadline offers to move the lead to Qualified; you decide.',
    meaning: 'A lead counts as qualified once it is in the Qualified or Customer stage: in exports, on the dashboard and in Leads alike.',
    reminders: 'Remind me sets a follow-up. It rings as a notification, counts on the toolbar icon and waits on Today until you mark it done.',
    tryIt: 'Try it without touching a real prospect:',
  },
  next: 'Ready?',
  toLeads: 'Go to Leads',
};

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
      <h2 id={`${id}-heading`}>{TEXT.heading}</h2>
      <p className="welcome-intro">{TEXT.intro}</p>
      <ol className="welcome-steps" aria-label={TEXT.steps}>
        <li className="card">
          <h3>{TEXT.capture.heading}</h3>
          <ul>
            <li>
              <strong>{TEXT.capture.linkedInName}</strong> {TEXT.capture.linkedIn}
            </li>
            <li>
              <strong>{TEXT.capture.inboxName}</strong> {TEXT.capture.inbox}
            </li>
            <li>
              <strong>{TEXT.capture.anyPageName}</strong> {TEXT.capture.anyPage}{' '}
              {shortcut ? (
                <>
                  {TEXT.capture.shortcutBefore} <kbd>{shortcut}</kbd>
                  {TEXT.capture.shortcutAfter}
                </>
              ) : (
                TEXT.capture.noShortcut
              )}
            </li>
          </ul>
        </li>
        <li className="card">
          <h3>{TEXT.import.heading}</h3>
          <p>{TEXT.import.text}</p>
          <button type="button" onClick={() => onNavigate('data')}>
            {TEXT.import.button}
          </button>
        </li>
        <li className="card">
          <h3>{TEXT.qualify.heading}</h3>
          <p>{TEXT.qualify.checklist}</p>
          <p>{TEXT.qualify.meaning}</p>
          <p>{TEXT.qualify.reminders}</p>
          <p>{TEXT.qualify.tryIt}</p>
          <SampleLead db={db} now={now} onOpenLead={onOpenLead} />
        </li>
      </ol>
      <p className="welcome-next">
        {TEXT.next}{' '}
        <button type="button" className="secondary" onClick={() => onNavigate('leads')}>
          {TEXT.toLeads}
        </button>
      </p>
    </article>
  );
}
