/**
 * When a follow-up preset falls due, in the rep's local time. Built on Intl.DateTimeFormat's
 * time-zone data alone, so "9:00" stays 9:00 on the wall clock across daylight-saving changes.
 */

import { t } from '@/lib/i18n';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

export type PresetId = 'later_today' | 'tomorrow' | 'in_3_days' | 'next_week';

type PresetRule =
  /** `hours` from now, not before `earliest` nor after `latest` today; from `cutoff` on, tomorrow at `otherwise`. */
  | { kind: 'hours_later'; hours: number; earliest: string; latest: string; cutoff: string; otherwise: string }
  | { kind: 'days_later'; days: number; at: string }
  /** The next such weekday strictly after today (0 = Sunday, 1 = Monday). */
  | { kind: 'next_weekday'; weekday: number; at: string };

export interface FollowUpPreset {
  id: PresetId;
  label: string;
  rule: PresetRule;
}

/** The quick choices, worded when shown (in the rep's language), not when this module loads. */
export const FOLLOW_UP_PRESETS: readonly FollowUpPreset[] = [
  // Not before 9:00, so "later today" asked at 1:00 at night does not ring at 4:00.
  {
    id: 'later_today',
    get label() {
      return t('popup.presets.later_today');
    },
    rule: { kind: 'hours_later', hours: 3, earliest: '09:00', latest: '21:00', cutoff: '18:00', otherwise: '09:00' },
  },
  {
    id: 'tomorrow',
    get label() {
      return t('popup.presets.tomorrow');
    },
    rule: { kind: 'days_later', days: 1, at: '09:00' },
  },
  {
    id: 'in_3_days',
    get label() {
      return t('popup.presets.in_3_days');
    },
    rule: { kind: 'days_later', days: 3, at: '09:00' },
  },
  {
    id: 'next_week',
    get label() {
      return t('popup.presets.next_week');
    },
    rule: { kind: 'next_weekday', weekday: 1, at: '09:00' },
  },
];

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

/** The time zone the browser runs in. */
export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock date and time at `epoch` in `timeZone`. */
export function localParts(epoch: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epoch))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some engines write midnight as 24 even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The wall-clock reading as if it were UTC: the arithmetic below compares and shifts these. */
function wallValue(t: LocalDate & Partial<LocalDateTime>): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour ?? 0, t.minute ?? 0, t.second ?? 0);
}

/** How far the wall clock in `timeZone` is ahead of UTC at `epoch`, in milliseconds. */
function offsetAt(epoch: number, timeZone: string): number {
  const whole = Math.floor(epoch / 1000) * 1000;
  return wallValue(localParts(whole, timeZone)) - whole;
}

function wallToEpoch(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const matches = [wall - before, wall - after]
    .filter((t) => t + offsetAt(t, timeZone) === wall)
    .sort((a, b) => a - b);
  // In the hour the clocks go back the time happens twice; the first one is meant.
  if (matches[0] !== undefined) return matches[0];

  // In the gap the clocks skip over: take the first minute that exists, the moment they jump.
  let low = Math.floor((wall - after) / MINUTE);
  let high = Math.ceil((wall - before) / MINUTE);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle * MINUTE, timeZone) === after) high = middle;
    else low = middle + 1;
  }
  return high * MINUTE;
}

function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

function parseTime(time: string): { hour: number; minute: number } | undefined {
  const match = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(time.trim());
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : undefined;
}

function at(date: LocalDate, time: string, timeZone: string): number {
  const parsed = parseTime(time);
  if (!parsed) throw new RangeError(`"${time}" is not a time of day.`);
  return wallToEpoch(wallValue({ ...date, ...parsed, second: 0 }), timeZone);
}

/** When a preset falls due, as epoch milliseconds. */
export function presetDueAt(presetId: PresetId, now: Date, timeZone: string = defaultTimeZone()): number {
  const preset = FOLLOW_UP_PRESETS.find((p) => p.id === presetId);
  if (!preset) throw new RangeError(`There is no follow-up preset "${presetId}".`);
  const nowMs = now.getTime();
  const local = localParts(nowMs, timeZone);
  const today: LocalDate = { year: local.year, month: local.month, day: local.day };
  const rule = preset.rule;

  switch (rule.kind) {
    case 'hours_later': {
      if (nowMs >= at(today, rule.cutoff, timeZone)) return at(addDays(today, 1), rule.otherwise, timeZone);
      const later = Math.max(nowMs + rule.hours * 60 * MINUTE, at(today, rule.earliest, timeZone));
      return Math.min(later, at(today, rule.latest, timeZone));
    }
    case 'days_later':
      return at(addDays(today, rule.days), rule.at, timeZone);
    case 'next_weekday': {
      const ahead = (rule.weekday - weekday(today) + 7) % 7 || 7;
      return at(addDays(today, ahead), rule.at, timeZone);
    }
  }
}

/**
 * The moment a date and time typed by the rep ('YYYY-MM-DD', 'HH:MM') means in `timeZone`.
 * A time the clocks skip in spring moves forward to the first minute that exists; a time that
 * happens twice in autumn is the first of the two.
 */
export function localDateTimeToEpoch(dateStr: string, timeStr: string, timeZone: string = defaultTimeZone()): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateStr.trim());
  const date = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
  const normalised = date && addDays(date, 0);
  if (!date || !normalised || normalised.month !== date.month || normalised.day !== date.day) {
    throw new RangeError(`"${dateStr}" is not a date. Pick one from the calendar.`);
  }
  if (!parseTime(timeStr)) throw new RangeError(`"${timeStr}" is not a time of day. Use hours and minutes, such as 09:30.`);
  return at(date, timeStr, timeZone);
}
