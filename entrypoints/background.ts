import { getDatabase } from '@/lib/db/database';
import { createMessageHandler } from '@/lib/messaging/handler';
import { browserRunScript, injectPageCapture } from '@/lib/page-ui/inject';

const CONTEXT_MENU_ID = 'leadline-save-contact';
const CAPTURE_COMMAND = 'capture-page';

export default defineBackground(() => {
  const handleMessage = createMessageHandler({
    db: getDatabase(),
    extensionId: browser.runtime.id,
    now: () => Date.now(),
  });
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: CONTEXT_MENU_ID,
      title: 'Save contact to Leadline',
      contexts: ['page', 'selection', 'link'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CONTEXT_MENU_ID) void injectPageCapture(browserRunScript, tab?.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CAPTURE_COMMAND) void injectPageCapture(browserRunScript, tab?.id);
  });
});
