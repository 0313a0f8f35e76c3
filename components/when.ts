import { t, uiLocale } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';

/**
 * How the popup words a follow-up's time, relative to `now`, in the browser's own time zone and
 * language: "Overdue since 9:00 AM", "Today 3:00 PM", "Tomorrow 9:00 AM", "Mon 9:00 AM" — in German
 * "Überfällig seit 09:00", "Heute 15:00", "Morgen 09:00", "Mo. 09:00". The day words come from
 * Intl.RelativeTimeFormat, so every language the browser knows has them right.
 */

const DAY = 24 * 60 * 60 * 1000;

function startOfDay(epoch: number): number {
  const date = new Date(epoch);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** The first moment of the local day after the one `now` falls in. */
export function endOfToday(now: number): number {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

/** Whole local days from `now`'s day to `epoch`'s day (0 today, 1 tomorrow, −1 yesterday). */
function dayOffset(epoch: number, now: number): number {
  // Rounding absorbs the 23- and 25-hour days of daylight-saving changes.
  return Math.round((startOfDay(epoch) - startOfDay(now)) / DAY);
}

type DayWords = {
  /** "today", "tomorrow", "yesterday" as the language says them mid-sentence. */
  relative: Intl.RelativeTimeFormat;
  weekday: Intl.DateTimeFormat;
  dateAndTime: Intl.DateTimeFormat;
};

// Built once per locale: Today and the lead table word many times per render.
const formatters = new Map<string, DayWords>();

function dayWords(): DayWords {
  const locale = uiLocale();
  let words = formatters.get(locale);
  if (!words) {
    words = {
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      weekday: new Intl.DateTimeFormat(locale, { weekday: 'short' }),
      dateAndTime: new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
    };
    formatters.set(locale, words);
  }
  return words;
}

/** A label starts with a capital ("Today 3:00 PM", "Heute 15:00") though the day word mid-sentence does not. */
function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase(uiLocale()) + text.slice(1);
}

/** "today 3:00 PM", "tomorrow 9:00 AM", "Mon 9:00 AM", "Tue, Apr 1, 9:00 AM": the due time as it reads mid-sentence. */
function dayAndTime(epoch: number, now: number): string {
  const days = dayOffset(epoch, now);
  const words = dayWords();
  const time = uiFormats().time(epoch);
  if (days >= -1 && days <= 1) return t('popup.when.dayAndTime', { day: words.relative.format(days, 'day'), time });
  if (days > 1 && days < 7) return t('popup.when.dayAndTime', { day: words.weekday.format(epoch), time });
  return words.dateAndTime.format(epoch);
}

/** A due time as a day word and a time: "Today 3:00 PM", "Tomorrow 9:00 AM", "Mon 9:00 AM", "Tue, Apr 1, 9:00 AM". */
export function describeWhen(epoch: number, now: number): string {
  return capitalised(dayAndTime(epoch, now));
}

/**
 * A quick-time button's time: the time alone today or tomorrow, where the button's own name says the
 * day ("Tomorrow · 9:00 AM"), otherwise as describeWhen words it ("Mon 9:00 AM").
 */
export function describePresetTime(epoch: number, now: number): string {
  const days = dayOffset(epoch, now);
  return days === 0 || days === 1 ? uiFormats().time(epoch) : describeWhen(epoch, now);
}

/** A follow-up's time, saying so when it has passed: "Overdue since 9:00 AM", "Overdue since yesterday 9:00 AM". */
export function describeDue(dueAt: number, now: number): string {
  if (dueAt > now) return describeWhen(dueAt, now);
  const since = dayOffset(dueAt, now) === 0 ? uiFormats().time(dueAt) : dayAndTime(dueAt, now);
  return t('popup.when.overdueSince', { when: since });
}

export function isoTime(epoch: number): string {
  return new Date(epoch).toISOString();
}
