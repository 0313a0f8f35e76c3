import { uiLocale } from '@/lib/i18n';
import { uiFormats, type Formats } from '@/lib/i18n/format';
import { activityText } from '@/lib/model/activity-text';
import type { Activity } from '@/lib/model/lead';

/**
 * One line of a lead's activity log: what happened, in the rep's current language, and when, in
 * their format and time zone. `formats` and `locale` are the rep's unless given (tests pin a zone).
 */
export function ActivityEntry({ activity, formats, locale }: { activity: Activity; formats?: Formats; locale?: string }) {
  const shown = formats ?? uiFormats();
  return (
    <>
      <span>{activityText(activity, shown, locale ?? uiLocale())}</span>{' '}
      <time dateTime={new Date(activity.at).toISOString()}>{shown.dateTime(activity.at)}</time>
    </>
  );
}
