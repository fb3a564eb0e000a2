// The working-day calendar as data, read once from the `chinese-days` package (outside any workflow sandbox): its
// data is the State Council's yearly 节假日安排 notices, 2004–2026 in the pinned version 1.5.7. The workflows receive
// a window of it in their input (workflows/common/working-days.ts); the pages get the lights computed from it.
// A new year's schedule arrives with a package upgrade (docs/decisions/019-working-days.md).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { shanghaiDay } from "../utils/time";
import {
  calendarWindow,
  coverageWarning,
  deadlineLight,
  instantLight,
  movedNote,
  yearOf,
  type Bilingual,
  type LightReading,
  type WorkCalendar,
} from "../../workflows/common/working-days";

const require = createRequire(import.meta.url);

/** The last year the package's data covers, as of the pinned version; checked against the data by a unit test. */
export const COVERED_THROUGH = 2026;

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let cached: WorkCalendar | null = null;

/** The whole schedule the package knows. */
export function workCalendar(): WorkCalendar {
  if (cached) return cached;
  const data = JSON.parse(readFileSync(require.resolve("chinese-days/dist/chinese-days.json"), "utf8")) as PackageData;
  const holidays = Object.keys(data.holidays).sort();
  cached = {
    holidays,
    makeUpDays: Object.keys(data.workdays).sort(),
    coveredThrough: Math.max(...holidays.map(yearOf)),
  };
  return cached;
}

/** What a workflow started now needs: last year (reminders before an early-January due day) to the due day's year. */
export function calendarFor(dueDate: string, now = new Date()): WorkCalendar {
  const from = Math.min(yearOf(shanghaiDay(now)), yearOf(dueDate)) - 1;
  return calendarWindow(workCalendar(), from, yearOf(dueDate) + 1);
}

/** The light of a deadline day as of now (Asia/Shanghai). */
export function lightOf(dueDate: string, done: boolean, now = new Date()): LightReading {
  return deadlineLight(workCalendar(), dueDate, shanghaiDay(now), done);
}

/** The light of a deadline instant (a linkage case's response deadline, in hours) as of now. */
export function lightAt(deadline: Date | string, done: boolean, now = new Date()): LightReading {
  return instantLight(workCalendar(), new Date(deadline).getTime(), now.getTime(), done);
}

/** A small window around today for the pages (root loader): enough to light every deadline in the browser too. */
export function pageCalendar(now = new Date()) {
  const today = shanghaiDay(now);
  return { today, calendar: calendarWindow(workCalendar(), yearOf(today) - 1, yearOf(today) + 1) };
}

const dayString = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : shanghaiDay(d));

/** "原定2026-10-01为节假日，顺延至2026-10-08" for a due date that was moved; null when it was not. */
export function dueDateNote(requested: Date | string | null | undefined, due: Date | string): Bilingual | null {
  return requested ? movedNote(workCalendar(), dayString(requested), dayString(due)) : null;
}

/** The warning for a due date beyond the published holiday schedule (weekends only), or null. */
export const dueDateWarning = (due: Date | string): Bilingual | null => coverageWarning(workCalendar(), dayString(due));
