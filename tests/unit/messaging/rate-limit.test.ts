import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '@/lib/messaging/rate-limit';

describe('limiting saves per tab', () => {
  it('lets a rep’s pace through and stops a burst', () => {
    const limit = createRateLimiter({ max: 3, windowMs: 60_000, minGapMs: 250 });
    expect(limit.take('tab 1', 0)).toBe(true);
    expect(limit.take('tab 1', 100)).toBe(false);
    expect(limit.take('tab 2', 100)).toBe(true);
    expect(limit.take('tab 1', 5_000)).toBe(true);
    expect(limit.take('tab 1', 10_000)).toBe(true);
    expect(limit.take('tab 1', 20_000)).toBe(false);
    // A minute after the first, there is room again.
    expect(limit.take('tab 1', 60_001)).toBe(true);
  });
});
