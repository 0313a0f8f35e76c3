import { getDatabase } from '@/lib/db/database';
import { grantPageCapture } from '@/lib/db/page-grants';
import { rescoreAll } from '@/lib/db/rescore';
import { indexSearchWords } from '@/lib/db/search';
import { browserFollowUps } from '@/lib/followup/browser-adapter';
import { createFollowUpScheduler } from '@/lib/followup/scheduler';
import { t } from '@/lib/i18n';
import { createMessageHandler } from '@/lib/messaging/handler';
import { browserPanelOpener } from '@/lib/messaging/side-panel';
import { CAPTURE_COMMAND } from '@/lib/model/commands';
import { WELCOME_PAGE } from '@/lib/model/lead-link';
import { browserRunScript, injectPageCapture } from '@/lib/page-ui/inject';
import { applyButtonSettings } from '@/lib/page-ui/site-scripts';
import { getSettings } from '@/lib/db/settings';
import { buttonSites } from '@/lib/model/settings';

const CONTEXT_MENU_ID = 'leadline-save-contact';
const RESCORE_ALARM = 'leadline-rescore';

export default defineBackground(() => {
  const db = getDatabase();
  const now = () => Date.now();
  const followUps = createFollowUpScheduler(db, browserFollowUps(), now);
  // Each site's content script is registered here, unless the rep hid Leadline's button on that site
  // (then its open tabs drop the widget too).
  const syncSettings = async () => {
    await applyButtonSettings(browser.scripting, browser.tabs, buttonSites(await getSettings(db)));
  };
  const handleMessage = createMessageHandler({
    db,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    now,
    syncReminders: followUps.syncAll,
    locale: navigator.language,
    syncSettings,
    panel: browserPanelOpener,
  });
  const capturePageIn = (tabId: number | undefined) =>
    void injectPageCapture(browserRunScript, tabId, (id) => grantPageCapture(db, id, now()));

  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));

  // Alarms do not survive every restart and a stopped worker forgets everything in memory, so each
  // start rebuilds alarms and the badge from the database and rings what fell due meanwhile.
  void followUps.syncAll().catch((error) => console.error('Leadline: could not schedule follow-ups', error));
  void syncSettings().catch((error) => console.error('Leadline: could not set up capture on LinkedIn, Gmail and Outlook', error));
  // Access to the sites given later (Firefox lets the rep decline it at install): register their scripts then.
  browser.permissions.onAdded.addListener(() => {
    void syncSettings().catch((error) => console.error('Leadline: could not set up capture on LinkedIn, Gmail and Outlook', error));
  });
  // An import whose page closed before its leads were indexed for search is finished here.
  void indexSearchWords(db).catch((error) => console.error('Leadline: indexing leads for search failed', error));
  // Listening is what makes the browser wake this worker at start-up; the sync above does the work.
  browser.runtime.onStartup.addListener(() => undefined);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RESCORE_ALARM) void rescoreAll(db, now()).catch((error) => console.error('Leadline: rescoring failed', error));
    else void followUps.onAlarm(alarm.name);
  });
  // Scores decay with time and learn from closed leads: refresh them a few times a day.
  void browser.alarms.get(RESCORE_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(RESCORE_ALARM, { delayInMinutes: 60, periodInMinutes: 360 });
  });
  browser.notifications.onClicked.addListener((id) => void followUps.onNotificationClicked(id));
  browser.notifications.onButtonClicked?.addListener((id, index) => void followUps.onNotificationButton(id, index));

  browser.runtime.onInstalled.addListener((details) => {
    browser.contextMenus.create({
      id: CONTEXT_MENU_ID,
      title: t('contextMenu.saveContact'),
      contexts: ['page', 'selection', 'link'],
    });
    // A new rep starts on the welcome page; an update or a browser update opens nothing.
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
  });
  // The item outlives restarts, and the browser's language may have changed meanwhile (that takes a restart).
  browser.runtime.onStartup.addListener(() => {
    void browser.contextMenus.update(CONTEXT_MENU_ID, { title: t('contextMenu.saveContact') }).catch(() => undefined);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CONTEXT_MENU_ID) capturePageIn(tab?.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CAPTURE_COMMAND.name) capturePageIn(tab?.id);
  });
});
