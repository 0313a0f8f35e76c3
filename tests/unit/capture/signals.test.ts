import { describe, expect, it } from 'vitest';
import { FieldSignals } from '@/lib/capture/signals';

describe('several signals for one field', () => {
  it('picks the value they agree on, more sure than any one of them', () => {
    const signals = new FieldSignals<'title'>();
    signals.add('title', 'VP Sales', 0.6);
    signals.add('title', 'vp  sales', 0.6);
    signals.add('title', 'Founder', 0.7);
    const best = signals.best('title');
    expect(best?.value).toBe('VP Sales');
    expect(best?.confidence).toBeLessThan(0.84);
    expect(signals.confidenceOf('title', 'VP Sales')).toBe(best?.confidence);
  });

  it('leaves the field empty when no value is sure enough', () => {
    const signals = new FieldSignals<'company'>();
    signals.add('company', 'Acme', 0.5);
    signals.add('company', 'Zenith', 0.5);
    expect(signals.best('company')).toBeUndefined();
    expect(signals.best('company', 0.3)?.value).toBe('Acme');
  });

  it('counts a shorter place inside a longer one as agreement', () => {
    const signals = new FieldSignals<'location'>();
    signals.add('location', 'Manchester, England, United Kingdom', 0.8);
    signals.add('location', 'Manchester', 0.5);
    expect(signals.confidenceOf('location', 'Manchester, England, United Kingdom')).toBe(0.9);
  });
});
