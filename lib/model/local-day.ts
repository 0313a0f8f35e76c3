/** Calendar days in the rep's own time zone, for filters such as "captured in the last 7 days". */

/** Local midnight at the start of the day `epoch` falls in. */
export function startOfLocalDay(epoch: number): number {
  const date = new Date(epoch);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** Local midnight `days` calendar days after (or before, when negative) the start of `epoch`'s day; DST-safe. */
export function localDayStart(epoch: number, days: number): number {
  const date = new Date(startOfLocalDay(epoch));
  date.setDate(date.getDate() + days);
  return date.getTime();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of an `<input type="date">` value ("2025-03-07"), or undefined when it is not a real date. */
export function localDateToEpoch(value: string): number | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return undefined;
  return date.getTime();
}

/** The `<input type="date">` value of the local day `epoch` falls in. */
export function epochToLocalDate(epoch: number): string {
  const date = new Date(epoch);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
