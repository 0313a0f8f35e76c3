import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extensionGone, scriptStartedEvent, stopWhenOrphaned } from '@/lib/page-ui/stop-when-orphaned';

const STARTED = 'abcdefghijklmnop:linkedin:wxt:content-script-started';

test('a page dispatching the "script started" event does not stop a live content script', () => {
  const stop = vi.fn();
  stopWhenOrphaned(document, STARTED, () => false, stop);

  // What a hostile page can do: the same event WXT sends, with any detail it likes.
  document.dispatchEvent(new CustomEvent(STARTED, { detail: { contentScriptName: 'linkedin', messageId: 'forged' } }));
  document.dispatchEvent(new CustomEvent(STARTED));

  expect(stop).not.toHaveBeenCalled();
});

test('a newer copy started after the extension was updated stops the orphaned one, once', () => {
  const stop = vi.fn();
  let orphaned = false;
  stopWhenOrphaned(document, STARTED, () => orphaned, stop);

  orphaned = true;
  document.dispatchEvent(new CustomEvent(STARTED, { detail: { contentScriptName: 'linkedin', messageId: 'newer' } }));
  document.dispatchEvent(new CustomEvent(STARTED, { detail: { contentScriptName: 'linkedin', messageId: 'newest' } }));

  expect(stop).toHaveBeenCalledTimes(1);
});

test('an extension is gone when its runtime has no id any more', () => {
  expect(extensionGone({ id: 'abcdefghijklmnop' })).toBe(false);
  expect(extensionGone({})).toBe(true);
  expect(extensionGone(undefined)).toBe(true);
});

test('listens for the event WXT itself sends, whose name the end-to-end test forges from the page', () => {
  expect(scriptStartedEvent()).toMatch(new RegExp(`^${fakeBrowser.runtime.id}:[^:]*:wxt:content-script-started$`));
});
