import { browser } from 'wxt/browser';
import type { FollowUpBrowser } from './scheduler';
import { leadLink } from '@/lib/model/lead-link';

/** The real alarms, notifications and badge behind the follow-up scheduler. */
export function browserFollowUps(): FollowUpBrowser {
  const action = browser.action;
  return {
    createAlarm: (name, when) => browser.alarms.create(name, { when }),
    clearAlarm: (name) => browser.alarms.clear(name),
    alarmNames: async () => (await browser.alarms.getAll()).map((alarm) => alarm.name),
    notify: (id, { title, message, buttons }) =>
      browser.notifications.create(id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message,
        ...(buttons.length > 0 ? { buttons: buttons.map((label) => ({ title: label })), requireInteraction: true } : {}),
      }),
    clearNotification: (id) => browser.notifications.clear(id),
    async setBadge(text, title) {
      await action.setBadgeBackgroundColor({ color: '#c5221f' });
      await action.setBadgeText({ text });
      await action.setTitle({ title });
    },
    async openLead(leadId) {
      await browser.tabs.create({ url: browser.runtime.getURL(leadLink(leadId)) });
    },
    supportsButtons: !import.meta.env.FIREFOX,
  };
}
