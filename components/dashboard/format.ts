/** Number formats for the dashboard, in the rep's locale; "—" where a figure cannot be computed. */

export const NOT_AVAILABLE = '—';

const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat();
const daysFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatPercent(ratio: number | null): string {
  return ratio === null ? NOT_AVAILABLE : percentFormat.format(ratio);
}

export function formatCount(count: number): string {
  return countFormat.format(count);
}

export function formatDays(days: number | null): string {
  if (days === null) return NOT_AVAILABLE;
  return `${daysFormat.format(days)} ${days === 1 ? 'day' : 'days'}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Money in the rep's currency; an unknown currency code still shows the amount, followed by the code. */
export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null) return NOT_AVAILABLE;
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    } catch {
      return `${daysFormat.format(amount)} ${currency}`;
    }
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

const weekFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "3 Mar" (or "Mar 3"), the Monday a week starts on. */
export function formatWeekStart(weekStart: number): string {
  return weekFormat.format(weekStart);
}
