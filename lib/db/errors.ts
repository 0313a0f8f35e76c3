import { z } from 'zod';

/** Turns a storage failure into words a rep can act on; the details go to the console. */
export function describeStorageError(error: unknown): string {
  if (error instanceof z.ZodError) {
    return `This change could not be saved: ${error.issues.map((issue) => issue.message).join('; ')}.`;
  }
  const inner = (error as { inner?: unknown })?.inner;
  const name = inner instanceof Error ? inner.name : error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError' || /quota/i.test(error instanceof Error ? error.message : '')) {
    return 'Your browser is out of storage space for Leadline. Nothing was changed. Export and delete old leads, or free up disk space, then try again.';
  }
  if (error instanceof Error && /no longer exists/.test(error.message)) return error.message;
  return 'Leadline could not save this change. Nothing was changed; please try again.';
}
