import { t, uiLocale } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';

/** The dashboard's figures, written the way the rep's locale writes them; "—" where a figure cannot be computed. */

export const NOT_AVAILABLE = '—';

export function formatPercent(ratio: number | null): string {
  return ratio === null ? NOT_AVAILABLE : uiFormats().percent(ratio);
}

export function formatCount(count: number): string {
  return uiFormats().count(count);
}

/** "4 days", "1 day", "2.5 days". */
export function formatDays(days: number | null): string {
  if (days === null) return NOT_AVAILABLE;
  return t('dashboard.days', days, [uiFormats().number(days)]);
}

/** Money in the rep's currency; an unknown currency code still shows the amount, followed by the code. */
export function formatMoney(amount: number | null, currency: string): string {
  return amount === null ? NOT_AVAILABLE : uiFormats().currency(amount, currency);
}

const weekFormats = new Map<string, Intl.DateTimeFormat>();

/** "3 Mar" (or "Mar 3", "3. März"), the Monday a week starts on. */
export function formatWeekStart(weekStart: number): string {
  const locale = uiLocale();
  let format = weekFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
    weekFormats.set(locale, format);
  }
  return format.format(weekStart);
}

/** An ISO week ("2025-W10", as lib/metrics labels it) in words: "Week 10, 2025", "KW 10/2025". */
export function formatIsoWeek(label: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!match) return label;
  return t('dashboard.weekly.weekName', { week: String(Number(match[2])), year: match[1]! });
}
