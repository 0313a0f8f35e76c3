import { useId } from 'react';
import { CAPTURE_COMMAND } from '@/lib/model/commands';

const TEXT = {
  heading: 'No leads yet',
  intro: 'Save your first lead where you meet people:',
  linkedInName: 'LinkedIn:',
  linkedIn: 'on a profile, Save lead at the bottom right; on a search or list, Save leads from this list.',
  inboxName: 'Gmail or Outlook:',
  inbox: 'in an open email thread, Save lead.',
  anyPageName: 'Any page:',
  // The shortcut is shown between these two, as keys.
  anyPageBefore: 'Capture this page above, right-click and Save contact to Leadline, or press',
  anyPageAfter: '.',
  listName: 'A list you have:',
  importList: 'import a CSV',
  welcome: 'How Leadline works, with a sample lead to try',
};

/** The popup with no lead at all: every place capture works, the list import, and the welcome page. */
export function GettingStarted() {
  const id = useId();
  return (
    <section className="getting-started" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title">
        {TEXT.heading}
      </h2>
      <p>{TEXT.intro}</p>
      <ul>
        <li>
          <strong>{TEXT.linkedInName}</strong> {TEXT.linkedIn}
        </li>
        <li>
          <strong>{TEXT.inboxName}</strong> {TEXT.inbox}
        </li>
        <li>
          <strong>{TEXT.anyPageName}</strong> {TEXT.anyPageBefore} <kbd>{CAPTURE_COMMAND.defaultShortcut}</kbd>
          {TEXT.anyPageAfter}
        </li>
        <li>
          <strong>{TEXT.listName}</strong>{' '}
          <a href="/dashboard.html#data" target="_blank" rel="noopener">
            {TEXT.importList}
          </a>
        </li>
      </ul>
      <p>
        <a href="/dashboard.html#welcome" target="_blank" rel="noopener">
          {TEXT.welcome}
        </a>
      </p>
    </section>
  );
}
