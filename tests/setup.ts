import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setDefaultBudget } from '@/lib/capture/budget';
import { chromeMessages, getMessageFrom } from './locale-messages';

afterEach(() => cleanup());

// Fixture pages link stylesheets that the tests never load; tell happy-dom that is fine rather than an error.
const happyDom = (window as unknown as { happyDOM?: { settings?: { handleDisabledFileLoadingAsSuccess?: boolean } } }).happyDOM;
if (happyDom?.settings) happyDom.settings.handleDisabledFileLoadingAsSuccess = true;

// happy-dom is many times slower than a browser: extraction's time budget (lib/capture/budget.ts) is
// raised so no test depends on the machine's speed; tests of the budget pass their own clock.
setDefaultBudget(60_000);

// WXT's fake browser has no i18n: answer from the English messages, as an English browser does, so
// tests read the text a rep sees. Tests of another language replace these two.
fakeBrowser.i18n.getMessage = getMessageFrom(await chromeMessages('en')) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en-US';
