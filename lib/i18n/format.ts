import { uiLocale } from './index';

/**
 * Numbers, percentages, money, dates and times written the way the rep's locale writes them
 * ("1.234,5" and "31.12.2026" in German, "1,234.5" and "Dec 31, 2026" in American English). Intl's
 * formatters are costly to build and the lead table formats thousands of cells, so each is built
 * once per locale and kept.
 */
export type Formats = {
  /** A count: 12,345 leads. Whole numbers, grouped. */
  count(value: number): string;
  /** Any number, with at most `maximumFractionDigits` decimals (1 unless told). */
  number(value: number, maximumFractionDigits?: number): string;
  /** A ratio as a percentage: 0.425 → "42.5%". */
  percent(ratio: number, maximumFractionDigits?: number): string;
  /** An amount in a currency (ISO 4217 code). An unknown code still shows the amount, then the code. */
  currency(amount: number, currency: string): string;
  /** A day: "Dec 31, 2026". */
  date(time: number | Date): string;
  /** A time of day: "3:05 PM". */
  time(time: number | Date): string;
  /** A day and a time: "Dec 31, 2026, 3:05 PM". */
  dateTime(time: number | Date): string;
};

const cache = new Map<string, Formats>();

/**
 * The formats of one locale. `timeZone` is the rep's own unless given (tests pin it, so a date does
 * not depend on the machine's zone).
 */
export function formatsFor(locale: string, timeZone?: string): Formats {
  const key = `${locale}|${timeZone ?? ''}`;
  let formats = cache.get(key);
  if (!formats) {
    formats = buildFormats(locale, timeZone);
    cache.set(key, formats);
  }
  return formats;
}

/** The formats of the browser's UI language, in the rep's time zone. */
export function uiFormats(): Formats {
  return formatsFor(uiLocale());
}

function buildFormats(locale: string, timeZone: string | undefined): Formats {
  const numbers = new Map<string, Intl.NumberFormat>();
  const numberFormat = (options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    const key = JSON.stringify(options);
    let format = numbers.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, options);
      numbers.set(key, format);
    }
    return format;
  };
  const zone = timeZone ? { timeZone } : {};
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...zone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', ...zone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...zone });

  return {
    count: (value) => numberFormat({ maximumFractionDigits: 0 }).format(value),
    number: (value, maximumFractionDigits = 1) => numberFormat({ maximumFractionDigits }).format(value),
    percent: (ratio, maximumFractionDigits = 1) => numberFormat({ style: 'percent', maximumFractionDigits }).format(ratio),
    currency(amount, currency) {
      try {
        return numberFormat({ style: 'currency', currency }).format(amount);
      } catch {
        // A code Intl rejects (a typo in Settings, an old backup): the amount stays readable.
        return `${numberFormat({ maximumFractionDigits: 2 }).format(amount)} ${currency}`;
      }
    },
    date: (value) => date.format(value),
    time: (value) => time.format(value),
    dateTime: (value) => dateTime.format(value),
  };
}
