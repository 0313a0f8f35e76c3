import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// Fixture pages link stylesheets that the tests never load; tell happy-dom that is fine rather than an error.
const happyDom = (window as unknown as { happyDOM?: { settings?: { handleDisabledFileLoadingAsSuccess?: boolean } } }).happyDOM;
if (happyDom?.settings) happyDom.settings.handleDisabledFileLoadingAsSuccess = true;
