import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setDefaultBudget } from '@/lib/capture/budget';

afterEach(() => cleanup());

// Fixture pages link stylesheets that the tests never load; tell happy-dom that is fine rather than an error.
const happyDom = (window as unknown as { happyDOM?: { settings?: { handleDisabledFileLoadingAsSuccess?: boolean } } }).happyDOM;
if (happyDom?.settings) happyDom.settings.handleDisabledFileLoadingAsSuccess = true;

// happy-dom is many times slower than a browser: extraction's time budget (lib/capture/budget.ts) is
// raised so no test depends on the machine's speed; tests of the budget pass their own clock.
setDefaultBudget(60_000);
