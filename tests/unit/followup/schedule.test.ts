import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_PRESETS, localDateTimeToEpoch, presetDueAt } from '@/lib/followup/schedule';

const at = (iso: string) => new Date(iso);
const utc = (iso: string) => Date.parse(iso);

describe('follow-up presets', () => {
  it('offers later today, tomorrow, in 3 days and next week, in that order', () => {
    expect(FOLLOW_UP_PRESETS.map((p) => p.label)).toEqual(['Later today', 'Tomorrow', 'In 3 days', 'Next week']);
  });

  describe('later today', () => {
    it('is three hours from now in the afternoon', () => {
      // 14:10 in Berlin (CEST).
      expect(presetDueAt('later_today', at('2026-06-10T12:10:00Z'), 'Europe/Berlin')).toBe(utc('2026-06-10T15:10:00Z'));
    });

    it('is three hours from now up to a quarter to six in the evening', () => {
      // 17:45 in New York (EDT) → 20:45.
      expect(presetDueAt('later_today', at('2026-06-10T21:45:00Z'), 'America/New_York')).toBe(utc('2026-06-11T00:45:00Z'));
    });

    it('is tomorrow at 9:00 once it is 18:00 or later', () => {
      // 18:00 in Berlin (CEST) → 9:00 the next morning.
      expect(presetDueAt('later_today', at('2026-06-10T16:00:00Z'), 'Europe/Berlin')).toBe(utc('2026-06-11T07:00:00Z'));
    });

    it('is not before 9:00 when asked in the middle of the night', () => {
      // 01:30 in Sydney (AEST) → 9:00 the same day, not 04:30.
      expect(presetDueAt('later_today', at('2026-06-09T15:30:00Z'), 'Australia/Sydney')).toBe(utc('2026-06-09T23:00:00Z'));
    });
  });

  it('is tomorrow at 9:00 local time', () => {
    expect(presetDueAt('tomorrow', at('2026-01-15T16:00:00Z'), 'America/New_York')).toBe(utc('2026-01-16T14:00:00Z'));
  });

  it('is tomorrow at 9:00 local time even just before midnight UTC turns the date', () => {
    // 22:30 on 15 January in New York is already 16 January in UTC.
    expect(presetDueAt('tomorrow', at('2026-01-16T03:30:00Z'), 'America/New_York')).toBe(utc('2026-01-16T14:00:00Z'));
  });

  it('is at 9:00 on the third day from now', () => {
    expect(presetDueAt('in_3_days', at('2026-02-27T10:00:00Z'), 'Europe/Berlin')).toBe(utc('2026-03-02T08:00:00Z'));
  });

  it('is next Monday at 9:00 when asked on a Wednesday', () => {
    expect(presetDueAt('next_week', at('2026-06-10T10:00:00Z'), 'Europe/Berlin')).toBe(utc('2026-06-15T07:00:00Z'));
  });

  it('is a week later when asked on a Monday', () => {
    expect(presetDueAt('next_week', at('2026-06-15T10:00:00Z'), 'Europe/Berlin')).toBe(utc('2026-06-22T07:00:00Z'));
  });

  it('is the next day when asked on a Sunday', () => {
    expect(presetDueAt('next_week', at('2026-06-14T10:00:00Z'), 'Europe/Berlin')).toBe(utc('2026-06-15T07:00:00Z'));
  });

  it('uses the local weekday, not the UTC one', () => {
    // Monday 8:00 in Sydney is still Sunday in UTC; next week is the Monday after.
    expect(presetDueAt('next_week', at('2026-06-14T22:00:00Z'), 'Australia/Sydney')).toBe(utc('2026-06-21T23:00:00Z'));
  });
});

describe('presets across daylight-saving changes', () => {
  it('keeps 9:00 in Berlin the morning after the clocks go forward', () => {
    // Saturday 28 March 2026, 20:00 CET; Sunday 9:00 is CEST.
    expect(presetDueAt('tomorrow', at('2026-03-28T19:00:00Z'), 'Europe/Berlin')).toBe(utc('2026-03-29T07:00:00Z'));
  });

  it('keeps 9:00 in Berlin the morning after the clocks go back', () => {
    expect(presetDueAt('tomorrow', at('2026-10-24T19:00:00Z'), 'Europe/Berlin')).toBe(utc('2026-10-25T08:00:00Z'));
  });

  it('keeps 9:00 in New York three days after the clocks go forward', () => {
    // Friday 6 March 2026, 12:00 EST → Monday 9 March, 9:00 EDT.
    expect(presetDueAt('in_3_days', at('2026-03-06T17:00:00Z'), 'America/New_York')).toBe(utc('2026-03-09T13:00:00Z'));
  });

  it('keeps 9:00 in New York next Monday after the clocks go back', () => {
    expect(presetDueAt('next_week', at('2026-10-30T16:00:00Z'), 'America/New_York')).toBe(utc('2026-11-02T14:00:00Z'));
  });

  it('keeps 9:00 in Sydney the morning after the clocks go back in April', () => {
    // Saturday 4 April 2026, 20:00 AEDT → Sunday 9:00 AEST.
    expect(presetDueAt('tomorrow', at('2026-04-04T09:00:00Z'), 'Australia/Sydney')).toBe(utc('2026-04-04T23:00:00Z'));
  });

  it('keeps 9:00 in Sydney the morning after the clocks go forward in October', () => {
    expect(presetDueAt('tomorrow', at('2026-10-03T10:00:00Z'), 'Australia/Sydney')).toBe(utc('2026-10-03T22:00:00Z'));
  });

  it('adds three real hours for later today on the afternoon before a change', () => {
    expect(presetDueAt('later_today', at('2026-03-28T13:00:00Z'), 'Europe/Berlin')).toBe(utc('2026-03-28T16:00:00Z'));
  });
});

describe('a date and time typed by the rep', () => {
  it('means that wall-clock time in the given time zone', () => {
    expect(localDateTimeToEpoch('2026-07-01', '14:30', 'Europe/Berlin')).toBe(utc('2026-07-01T12:30:00Z'));
    expect(localDateTimeToEpoch('2026-07-01', '14:30', 'America/New_York')).toBe(utc('2026-07-01T18:30:00Z'));
    expect(localDateTimeToEpoch('2026-07-01', '14:30', 'Australia/Sydney')).toBe(utc('2026-07-01T04:30:00Z'));
  });

  it('moves a time the clocks skip in Berlin forward to 3:00', () => {
    expect(localDateTimeToEpoch('2026-03-29', '02:30', 'Europe/Berlin')).toBe(utc('2026-03-29T01:00:00Z'));
  });

  it('moves a time the clocks skip in New York forward to 3:00', () => {
    expect(localDateTimeToEpoch('2026-03-08', '02:15', 'America/New_York')).toBe(utc('2026-03-08T07:00:00Z'));
  });

  it('moves a time the clocks skip in Sydney forward to 3:00', () => {
    expect(localDateTimeToEpoch('2026-10-04', '02:59', 'Australia/Sydney')).toBe(utc('2026-10-03T16:00:00Z'));
  });

  it('takes the first of the two 2:30s when the clocks go back in Berlin', () => {
    expect(localDateTimeToEpoch('2026-10-25', '02:30', 'Europe/Berlin')).toBe(utc('2026-10-25T00:30:00Z'));
  });

  it('takes the first of the two 1:30s when the clocks go back in New York', () => {
    expect(localDateTimeToEpoch('2026-11-01', '01:30', 'America/New_York')).toBe(utc('2026-11-01T05:30:00Z'));
  });

  it('takes the first of the two 2:30s when the clocks go back in Sydney', () => {
    expect(localDateTimeToEpoch('2026-04-05', '02:30', 'Australia/Sydney')).toBe(utc('2026-04-04T15:30:00Z'));
  });

  it('reads the minute just after the repeated hour normally', () => {
    expect(localDateTimeToEpoch('2026-10-25', '03:00', 'Europe/Berlin')).toBe(utc('2026-10-25T02:00:00Z'));
  });

  it('refuses a date that does not exist, in words', () => {
    expect(() => localDateTimeToEpoch('2026-02-30', '09:00', 'Europe/Berlin')).toThrow('"2026-02-30" is not a date. Pick one from the calendar.');
  });

  it('refuses a time that is not a time of day, in words', () => {
    expect(() => localDateTimeToEpoch('2026-02-03', '25:00', 'Europe/Berlin')).toThrow(
      '"25:00" is not a time of day. Use hours and minutes, such as 09:30.',
    );
  });
});
