import { getDatabase } from '@/lib/db/database';
import { createMessageHandler } from '@/lib/messaging/handler';

export default defineBackground(() => {
  const handleMessage = createMessageHandler({
    db: getDatabase(),
    extensionId: browser.runtime.id,
    now: () => Date.now(),
  });
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
});
