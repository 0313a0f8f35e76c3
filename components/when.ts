/**
 * How the popup words a follow-up's time, relative to `now`, in the browser's own time zone and
 * language: "Overdue since 9:00 AM", "Today 3:00 PM", "Tomorrow 9:00 AM", "Mon 9:00 AM".
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

function timeOfDay(epoch: number): string {
  return new Date(epoch).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

function dateAndTime(epoch: number): string {
  return new Date(epoch).toLocaleString(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** A due time as a day word and a time: "Today 3:00 PM", "Tomorrow 9:00 AM", "Mon 9:00 AM", "Tue, Apr 1, 9:00 AM". */
export function describeWhen(epoch: number, now: number): string {
  const days = dayOffset(epoch, now);
  if (days === 0) return `Today ${timeOfDay(epoch)}`;
  if (days === 1) return `Tomorrow ${timeOfDay(epoch)}`;
  if (days > 1 && days < 7) {
    return `${new Date(epoch).toLocaleDateString(undefined, { weekday: 'short' })} ${timeOfDay(epoch)}`;
  }
  return dateAndTime(epoch);
}

/** A follow-up's time, saying so when it has passed. */
export function describeDue(dueAt: number, now: number): string {
  if (dueAt <= now) {
    const days = dayOffset(dueAt, now);
    if (days === 0) return `Overdue since ${timeOfDay(dueAt)}`;
    if (days === -1) return `Overdue since yesterday ${timeOfDay(dueAt)}`;
    return `Overdue since ${dateAndTime(dueAt)}`;
  }
  return describeWhen(dueAt, now);
}

export function isoTime(epoch: number): string {
  return new Date(epoch).toISOString();
}
