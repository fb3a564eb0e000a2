// Working days in mainland China: weekends, public holidays and 调休 make-up days (a Saturday or Sunday worked in
// exchange for a longer holiday). Government deadlines fall on working days, so a due date on a holiday moves to the
// next working day and "3 working days before" skips the holiday. docs/decisions/019-working-days.md.
//
// Pure and safe in the workflow sandbox: the schedule is DATA (a WorkCalendar) handed in by the caller. It is built
// outside the sandbox from the `chinese-days` package (app/models/work-calendar.server.ts), whose data is the State
// Council's yearly 节假日安排 notices (国务院办公厅关于…年部分节假日安排的通知), 2004 to 2026 in version 1.5.7.
// Beyond the last covered year only weekends count, and every caller shows coverageWarning().
import { addDays, dayOf, endOfDay, morningBefore } from "./calendar";

export interface WorkCalendar {
  /** Public holidays, YYYY-MM-DD, including the weekend days inside a holiday. */
  holidays: string[];
  /** 调休 make-up days: weekend days that are working days. */
  makeUpDays: string[];
  /** The last year the schedule covers; later days count weekends only. */
  coveredThrough: number;
}

export interface Bilingual {
  zh: string;
  en: string;
}

/** No schedule at all: weekends only (for callers that have no calendar, e.g. workflows started before it). */
export const WEEKENDS_ONLY: WorkCalendar = { holidays: [], makeUpDays: [], coveredThrough: 0 };

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
export const isWeekend = (day: string) => weekday(day) === 0 || weekday(day) === 6;
export const isHoliday = (cal: WorkCalendar, day: string) => cal.holidays.includes(day);

export function isWorkingDay(cal: WorkCalendar, day: string): boolean {
  if (cal.holidays.includes(day)) return false;
  if (cal.makeUpDays.includes(day)) return true;
  return !isWeekend(day);
}

/** The day itself when it is a working day, else the next working day: where a deadline on a holiday moves. */
export function workingDayOnOrAfter(cal: WorkCalendar, day: string): string {
  let d = day;
  while (!isWorkingDay(cal, d)) d = addDays(d, 1);
  return d;
}

/** `n` working days after `day` (before it when n < 0), skipping weekends and holidays, honouring make-up days. */
export function addWorkingDays(cal: WorkCalendar, day: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let d = day;
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, step);
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to`; negative (the working days of (to, from]) when `to` is
 *  earlier. Today → tomorrow, both working days, is 1; a Friday → the next Monday is 1. */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const [start, end, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (isWorkingDay(cal, d)) count++;
  return sign * count;
}

export const yearOf = (day: string) => Number(day.slice(0, 4));
export const isCovered = (cal: WorkCalendar, day: string) => yearOf(day) <= cal.coveredThrough;

/** Said wherever a deadline beyond the published schedule is set or shown: it counts weekends only. */
export function coverageWarning(cal: WorkCalendar, day: string): Bilingual | null {
  if (isCovered(cal, day)) return null;
  const year = yearOf(day);
  return {
    zh: `${year}年节假日安排尚未发布，截止日按周末推算`,
    en: `The ${year} public-holiday schedule has not been published yet; the due date counts weekends only`,
  };
}

/** The due date a person entered, moved to a working day; `note` says why when it moved. */
export interface EffectiveDue {
  dueDate: string;
  requestedDueDate: string;
  note: Bilingual | null;
  warning: Bilingual | null;
}

export function effectiveDueDate(cal: WorkCalendar, requested: string): EffectiveDue {
  const dueDate = workingDayOnOrAfter(cal, requested);
  return {
    dueDate,
    requestedDueDate: requested,
    note: movedNote(cal, requested, dueDate),
    warning: coverageWarning(cal, dueDate),
  };
}

/** "原定2026-10-01为节假日，顺延至2026-10-08" (null when the day did not move). */
export function movedNote(cal: WorkCalendar, requested: string, dueDate: string): Bilingual | null {
  if (requested === dueDate) return null;
  const holiday = isHoliday(cal, requested);
  return {
    zh: `原定${requested}为${holiday ? "节假日" : "周末"}，顺延至${dueDate}`,
    en: `${requested} is ${holiday ? "a public holiday" : "a weekend day"}; the due date moves to the next working day, ${dueDate}`,
  };
}

/** 09:00 Asia/Shanghai on the working day `n` working days before a due day: when "3 working days before" fires. */
export const workingMorningBefore = (cal: WorkCalendar, day: string, n: number) =>
  Date.parse(`${addWorkingDays(cal, day, -n)}T09:00:00+08:00`);

/** A due day as the workflow keeps it: moved to a working day with a calendar; as entered without one (a workflow
 *  started before docs/decisions/019, whose recorded history must replay unchanged). `requested` is set when moved. */
export function dueOn(cal: WorkCalendar | undefined, day: string): { dueDate: string; requested?: string } {
  const dueDate = cal ? workingDayOnOrAfter(cal, day) : day;
  return dueDate === day ? { dueDate } : { dueDate, requested: day };
}

/** The reminder `n` days before a due day at 09:00: working days with a calendar, calendar days without one. */
export const reminderBefore = (cal: WorkCalendar | undefined, day: string, n: number) =>
  cal ? workingMorningBefore(cal, day, n) : morningBefore(day, n);

/** When an item still open is escalated: the end of the day `afterWorkingDays` working days past its due day
 *  (0: the end of the due day itself). Overdue time is counted in working days, so a deadline on a Friday with one
 *  day's grace escalates at the end of Monday, not of Saturday. Without a calendar: calendar days, as before. */
export function escalationAt(cal: WorkCalendar | undefined, day: string, afterWorkingDays = 0): number {
  if (!cal) return endOfDay(addDays(day, afterWorkingDays));
  return endOfDay(addWorkingDays(cal, workingDayOnOrAfter(cal, day), afterWorkingDays));
}

/** Working days an item due on `dueDate` is overdue on `today` (0 while not overdue). */
export const workingDaysOverdue = (cal: WorkCalendar, dueDate: string, today: string) =>
  today > dueDate ? workingDaysBetween(cal, dueDate, today) : 0;

/** A deadline's light: GREEN more than LIGHT_WINDOW working days left, YELLOW within them (the due day included),
 *  RED overdue, NONE once the awaited thing is done. */
export type DeadlineLight = "GREEN" | "YELLOW" | "RED" | "NONE";
export const LIGHT_WINDOW = 3;

export interface LightReading {
  light: DeadlineLight;
  /** Working days from today to the due day (0 on the due day); negative when overdue. */
  workingDaysLeft: number;
  warning: Bilingual | null;
}

export function deadlineLight(cal: WorkCalendar, dueDate: string, today: string, done = false): LightReading {
  const workingDaysLeft = workingDaysBetween(cal, today, dueDate);
  const warning = done ? null : coverageWarning(cal, dueDate);
  if (done) return { light: "NONE", workingDaysLeft, warning };
  if (today > dueDate) return { light: "RED", workingDaysLeft, warning };
  return { light: workingDaysLeft > LIGHT_WINDOW ? "GREEN" : "YELLOW", workingDaysLeft, warning };
}

/** The light of a deadline that is an instant rather than a day (a linkage case's response within N hours,
 *  docs/decisions/019): the same rule read on the deadline's day, except that it is RED as soon as the instant has
 *  passed, not only from the next day. */
export function instantLight(cal: WorkCalendar, deadline: number, now: number, done = false): LightReading {
  // An instant at midnight (the end of a day) belongs to the day it ends.
  const reading = deadlineLight(cal, dayOf(deadline - 1), dayOf(now), done);
  return !done && now > deadline ? { ...reading, light: "RED" } : reading;
}

/** The words of each light, [zh, en]: a light is never colour alone. */
export const LIGHT_LABELS: Record<DeadlineLight, readonly [string, string]> = {
  GREEN: ["正常", "On track"],
  YELLOW: ["临期", "Due soon"],
  RED: ["逾期", "Overdue"],
  NONE: ["已办结", "Done"],
};

/** Only the years a workflow can need: from `fromYear` to `toYear`, a few dozen days, not the whole package. */
export function calendarWindow(cal: WorkCalendar, fromYear: number, toYear: number): WorkCalendar {
  const inside = (d: string) => yearOf(d) >= fromYear && yearOf(d) <= toYear;
  return {
    holidays: cal.holidays.filter(inside),
    makeUpDays: cal.makeUpDays.filter(inside),
    coveredThrough: cal.coveredThrough,
  };
}
