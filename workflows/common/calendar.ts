// Calendar arithmetic on plain YYYY-MM-DD days in Asia/Shanghai (where the plan's deadlines fall), shared by the
// process modules, the workflows and the API. Pure: no clock of its own, no Temporal, safe in the workflow sandbox.
// A recurring series is counted from its first day, so a series that starts on 31 January falls on the last day of
// every shorter month and returns to the 31st when the month has one (no drift to the 28th).

export type Recurrence = "NONE" | "MONTHLY" | "QUARTERLY";

const DAY = 24 * 3600_000;
const MONTHS: Record<Exclude<Recurrence, "NONE">, number> = { MONTHLY: 1, QUARTERLY: 3 };

const parts = (day: string) => day.split("-").map(Number) as [number, number, number];
const format = (utc: Date) => utc.toISOString().slice(0, 10);

/** The number of days in a month (1–12) of a year: 2028-02 has 29. */
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `day` plus whole months, clamped to the last day of the month reached: 2027-01-31 + 1 → 2027-02-28. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = daysInMonth(first.getUTCFullYear(), first.getUTCMonth() + 1);
  return format(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))));
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Whole days from one day to another (negative when `to` comes first); calendar days, so no DST or leap-second trap. */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY);
}

/** The `n`th day (1 = the first) of a series that starts on `first`; a series that does not recur has one day. */
export function occurrenceDate(first: string, recurrence: Recurrence, n: number): string {
  return recurrence === "NONE" ? first : addMonths(first, MONTHS[recurrence] * (n - 1));
}

/** Every day of a series from its first to `until` (inclusive); just the first when it does not recur. */
export function seriesDates(first: string, recurrence: Recurrence, until: string | null): string[] {
  if (recurrence === "NONE" || !until) return [first];
  const dates: string[] = [];
  for (let n = 1; ; n++) {
    const day = occurrenceDate(first, recurrence, n);
    if (day > until) return dates;
    dates.push(day);
  }
}

/** The day after occurrence `n` of a series, or null when the series has ended by `until`. */
export function nextDate(first: string, recurrence: Recurrence, n: number, until: string | null): string | null {
  if (recurrence === "NONE" || !until) return null;
  const day = occurrenceDate(first, recurrence, n + 1);
  return day <= until ? day : null;
}

const SHANGHAI = 8 * 3600_000;

/** The first instant of a day in Asia/Shanghai: an inspection "on 10 December" may begin then. */
export const startOfDay = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

/** The end of a day in Asia/Shanghai: a deadline "by 30 June" runs until midnight after 30 June. */
export const endOfDay = (day: string) => startOfDay(day) + DAY;

/** 09:00 Asia/Shanghai, `daysBefore` days before a day: when reminders go out. */
export const morningBefore = (day: string, daysBefore: number) =>
  Date.parse(`${day}T09:00:00+08:00`) - daysBefore * DAY;

/** An instant as the ISO string the process states and the mirror store. */
export const iso = (ms: number) => new Date(ms).toISOString();

/** A real calendar day written YYYY-MM-DD (2027-02-30 and 2027-13-01 are not; neither throws). */
export function isDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && format(new Date(ms)) === day;
}

/** The day (YYYY-MM-DD, Asia/Shanghai) an instant falls on. */
export const dayOf = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 10);
