import { describe, expect, it } from 'vitest';
import { describeStorageError } from '@/lib/db/errors';
import { LeadSchema } from '@/lib/model/lead';

describe('storage errors a rep can read', () => {
  it('explains a full disk and says nothing was changed', () => {
    const message = describeStorageError(new DOMException('Quota exceeded', 'QuotaExceededError'));
    expect(message).toMatch(/out of storage space/);
    expect(message).toMatch(/Nothing was changed/);
  });

  it('explains a quota error that Dexie wrapped', () => {
    const wrapped = Object.assign(new Error('AbortError'), { inner: new DOMException('x', 'QuotaExceededError') });
    expect(describeStorageError(wrapped)).toMatch(/out of storage space/);
  });

  it('turns a validation failure into the schema messages', () => {
    const result = LeadSchema.safeParse({ id: 'x', fullName: '', source: 'web', capturedAt: 0, createdAt: 0, updatedAt: 0 });
    expect(describeStorageError(result.error)).toBe('This change could not be saved: A lead needs a name.');
  });
});
