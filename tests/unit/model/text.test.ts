import { describe, expect, it } from 'vitest';
import { cleanLine, truncate } from '@/lib/model/text';
import { ProspectDraftSchema } from '@/lib/model/prospect';

describe('page text cleaning', () => {
  it('collapses whitespace and drops control characters', () => {
    expect(cleanLine('  Ada \n\t Lovelace\u0000\u202E ')).toBe('Ada Lovelace');
  });

  it('truncates without splitting an emoji', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab😀…');
  });

  it('refuses an over-long name with a readable message', () => {
    const result = ProspectDraftSchema.safeParse({ fullName: 'x'.repeat(201), source: 'web' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Name is longer than 200 characters');
  });

  it('refuses a draft with neither name, email nor profile URL', () => {
    const result = ProspectDraftSchema.safeParse({ title: 'CTO', source: 'web' });
    expect(result.success).toBe(false);
  });
});

describe('invisible characters', () => {
  it('keeps a zero-width joiner or non-joiner inside a word and drops other invisible characters', () => {
    expect(cleanLine('राहुल वर्\u200dमा')).toBe('राहुल वर्\u200dमा');
    expect(cleanLine('کریمی\u200cنژاد')).toBe('کریمی\u200cنژاد');
    expect(cleanLine('\u200bAna\u00ad Bell\ufeff\u200e')).toBe('Ana Bell');
    expect(cleanLine('Ana \u200d Bell')).toBe('Ana Bell');
  });
});
