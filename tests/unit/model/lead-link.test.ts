import { describe, expect, it } from 'vitest';
import { leadIdFromHash, leadLink } from '@/lib/model/lead-link';

describe('links that open the popup on one lead', () => {
  it('round-trips an id with characters that need escaping', () => {
    const link = leadLink('a/b c#d');
    expect(leadIdFromHash(link.slice(link.indexOf('#')))).toBe('a/b c#d');
  });

  it('gives nothing for another fragment or a broken escape', () => {
    expect(leadIdFromHash('')).toBeUndefined();
    expect(leadIdFromHash('#data')).toBeUndefined();
    expect(leadIdFromHash('#lead=%E0%A4%A')).toBeUndefined();
  });
});
