import { z } from 'zod';
import { t } from '@/lib/i18n';

/**
 * A write found its lead gone (deleted in another window). Its message is already in the rep's
 * words; describeStorageError passes it on as it is. A class rather than a message to match, so
 * the check holds in every language.
 */
export class LeadGoneError extends Error {
  constructor() {
    super(t('popup.errors.leadGone'));
    this.name = 'LeadGoneError';
  }
}

/** Turns a storage failure into words a rep can act on; the details go to the console. */
export function describeStorageError(error: unknown): string {
  if (error instanceof z.ZodError) {
    return t('popup.errors.invalid', { problems: error.issues.map((issue) => issue.message).join('; ') });
  }
  const inner = (error as { inner?: unknown })?.inner;
  const name = inner instanceof Error ? inner.name : error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError' || /quota/i.test(error instanceof Error ? error.message : '')) return t('popup.errors.quota');
  if (error instanceof LeadGoneError) return error.message;
  // Other "no longer exists" errors (a template deleted elsewhere) are written for the rep already.
  if (error instanceof Error && /no longer exists/.test(error.message)) return error.message;
  return t('popup.errors.saveFailed');
}
