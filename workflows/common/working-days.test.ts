// Working days against the real 2026 schedule (the State Council's notice, as the `chinese-days` package carries it):
// weekends, 国庆, a Saturday 调休, the turn of the year, and a year the schedule does not cover yet.
import { describe, expect, it } from "vitest";
import { COVERED_THROUGH, calendarFor, workCalendar } from "../../app/models/work-calendar.server";
import * as w from "./working-days";

const cal = workCalendar();

describe("the holiday schedule as data", () => {
  it("covers 2004 to 2026, as the code and the ADR say", () => {
    expect(cal.coveredThrough).toBe(COVERED_THROUGH);
    expect(cal.coveredThrough).toBe(2026);
    expect(cal.holidays[0].slice(0, 4)).toBe("2004");
  });

  it("hands a workflow only the years around its due date", () => {
    const window = calendarFor("2026-10-01", new Date("2026-08-01T00:00:00Z"));
    expect(window.holidays.every((d) => d >= "2025-01-01" && d <= "2027-12-31")).toBe(true);
    expect(window.holidays).toContain("2026-10-01");
    expect(window.makeUpDays).toContain("2026-10-10");
    expect(window.coveredThrough).toBe(2026);
  });
});

describe("working-day arithmetic", () => {
  it("a weekend is not a working day; Friday + 1 working day is Monday", () => {
    expect(w.isWorkingDay(cal, "2026-11-28")).toBe(false); // Saturday
    expect(w.isWorkingDay(cal, "2026-11-30")).toBe(true); // Monday
    expect(w.addWorkingDays(cal, "2026-11-27", 1)).toBe("2026-11-30");
    expect(w.workingDayOnOrAfter(cal, "2026-11-29")).toBe("2026-11-30");
    expect(w.workingDaysBetween(cal, "2026-11-27", "2026-11-30")).toBe(1);
  });

  it("国庆 2026: 1–7 October off, so a due date on 1 October moves to Thursday 8 October", () => {
    for (const d of ["2026-10-01", "2026-10-05", "2026-10-07"]) expect(w.isWorkingDay(cal, d)).toBe(false);
    const due = w.effectiveDueDate(cal, "2026-10-01");
    expect(due.dueDate).toBe("2026-10-08");
    expect(due.note?.zh).toBe("原定2026-10-01为节假日，顺延至2026-10-08");
    expect(due.note?.en).toContain("2026-10-08");
    expect(due.warning).toBeNull();
    expect(w.effectiveDueDate(cal, "2026-10-08").note).toBeNull();
  });

  it("3 working days before 8 October skips the holiday: Monday 28 September", () => {
    expect(w.addWorkingDays(cal, "2026-10-08", -3)).toBe("2026-09-28");
    expect(w.workingMorningBefore(cal, "2026-10-08", 3)).toBe(Date.parse("2026-09-28T09:00:00+08:00"));
    expect(w.workingDaysBetween(cal, "2026-09-28", "2026-10-08")).toBe(3);
  });

  it("a Saturday 调休 is a working day: 10 October 2026, and Sunday 20 September", () => {
    expect(w.isWeekend("2026-10-10")).toBe(true);
    expect(w.isWorkingDay(cal, "2026-10-10")).toBe(true);
    expect(w.isWorkingDay(cal, "2026-09-20")).toBe(true);
    expect(w.workingDayOnOrAfter(cal, "2026-10-10")).toBe("2026-10-10");
    expect(w.addWorkingDays(cal, "2026-10-09", 1)).toBe("2026-10-10");
  });

  it("crosses the year end: 元旦 2026 (1–3 January) and the make-up Sunday 4 January", () => {
    expect(w.addWorkingDays(cal, "2025-12-31", 1)).toBe("2026-01-04");
    expect(w.workingDayOnOrAfter(cal, "2026-01-01")).toBe("2026-01-04");
    expect(w.addWorkingDays(cal, "2026-01-04", -1)).toBe("2025-12-31");
    expect(w.workingDaysBetween(cal, "2026-12-30", "2027-01-04")).toBe(3); // 31 Dec, 1 Jan (weekends only), 4 Jan
  });

  it("beyond the covered years counts weekends only and says so", () => {
    expect(w.isCovered(cal, "2027-01-01")).toBe(false);
    const due = w.effectiveDueDate(cal, "2027-01-01"); // a Friday: 元旦 2027 is not published yet
    expect(due.dueDate).toBe("2027-01-01");
    expect(due.warning?.zh).toBe("2027年节假日安排尚未发布，截止日按周末推算");
    expect(due.warning?.en).toContain("2027");
    expect(w.effectiveDueDate(cal, "2027-01-02").dueDate).toBe("2027-01-04"); // Saturday → Monday
    expect(w.effectiveDueDate(cal, "2027-01-02").note?.zh).toBe("原定2027-01-02为周末，顺延至2027-01-04");
  });

  it("without a schedule (WEEKENDS_ONLY), 1 October 2026 is an ordinary Thursday", () => {
    expect(w.workingDayOnOrAfter(w.WEEKENDS_ONLY, "2026-10-01")).toBe("2026-10-01");
    expect(w.coverageWarning(w.WEEKENDS_ONLY, "2026-10-01")?.zh).toContain("2026年");
  });
});

describe("deadline lights", () => {
  const light = (due: string, today: string, done = false) => w.deadlineLight(cal, due, today, done);

  it("green with more than 3 working days left, yellow within 3, red once past, none when done", () => {
    expect(light("2026-10-08", "2026-09-24").light).toBe("GREEN"); // 25, 28, 29, 30 Sep and 8 Oct: 5 left
    expect(light("2026-10-08", "2026-09-25")).toMatchObject({ light: "GREEN", workingDaysLeft: 4 });
    expect(light("2026-10-08", "2026-09-28")).toMatchObject({ light: "YELLOW", workingDaysLeft: 3 });
    expect(light("2026-10-08", "2026-10-01")).toMatchObject({ light: "YELLOW", workingDaysLeft: 1 });
    expect(light("2026-10-08", "2026-10-08")).toMatchObject({ light: "YELLOW", workingDaysLeft: 0 });
    expect(light("2026-10-08", "2026-10-12")).toMatchObject({ light: "RED", workingDaysLeft: -3 }); // 9, 10, 12 Oct
    expect(light("2026-10-08", "2026-10-12", true).light).toBe("NONE");
  });

  it("a calendar-day count would call 6 days before 国庆's end green; working days make it yellow", () => {
    expect(light("2026-10-08", "2026-10-02").light).toBe("YELLOW");
  });

  it("a light on a due date beyond the schedule carries the warning", () => {
    const reading = light("2027-02-10", "2026-12-01");
    expect(reading.light).toBe("GREEN");
    expect(reading.warning?.zh).toBe("2027年节假日安排尚未发布，截止日按周末推算");
    expect(light("2027-02-10", "2026-12-01", true).warning).toBeNull();
  });
});

describe("timers of workflows with and without a calendar", () => {
  const at = (day: string, time: string) => Date.parse(`${day}T${time}+08:00`);

  it("a due day moves with a calendar and stays as entered without one (recorded histories replay)", () => {
    expect(w.dueOn(cal, "2026-10-01")).toEqual({ dueDate: "2026-10-08", requested: "2026-10-01" });
    expect(w.dueOn(cal, "2026-10-09")).toEqual({ dueDate: "2026-10-09" });
    expect(w.dueOn(undefined, "2026-10-01")).toEqual({ dueDate: "2026-10-01" });
  });

  it("reminders count working days with a calendar, calendar days without", () => {
    expect(w.reminderBefore(cal, "2026-10-08", 3)).toBe(at("2026-09-28", "09:00:00"));
    expect(w.reminderBefore(undefined, "2026-10-08", 3)).toBe(at("2026-10-05", "09:00:00"));
  });

  it("escalation comes after N working days overdue, counted on the working due day", () => {
    // At the end of the due day itself (N = 0), as every process escalates.
    expect(w.escalationAt(cal, "2026-10-08")).toBe(at("2026-10-09", "00:00:00"));
    // A due day left on a holiday is read as the next working day's.
    expect(w.escalationAt(cal, "2026-10-01")).toBe(at("2026-10-09", "00:00:00"));
    // Friday 9 October + 1 working day is the make-up Saturday 10th; + 2 is Monday the 12th.
    expect(w.escalationAt(cal, "2026-10-09", 1)).toBe(at("2026-10-11", "00:00:00"));
    expect(w.escalationAt(cal, "2026-10-09", 2)).toBe(at("2026-10-13", "00:00:00"));
    // Friday 27 November + 1 working day is Monday 30 November, not Saturday.
    expect(w.escalationAt(cal, "2026-11-27", 1)).toBe(at("2026-12-01", "00:00:00"));
    // Without a calendar: calendar days.
    expect(w.escalationAt(undefined, "2026-11-27", 1)).toBe(at("2026-11-29", "00:00:00"));
    expect(w.escalationAt(undefined, "2026-10-01")).toBe(at("2026-10-02", "00:00:00"));
  });

  it("days overdue are working days", () => {
    expect(w.workingDaysOverdue(cal, "2026-09-30", "2026-10-08")).toBe(1); // the whole 国庆 counts once: 8 Oct
    expect(w.workingDaysOverdue(cal, "2026-11-27", "2026-11-30")).toBe(1);
    expect(w.workingDaysOverdue(cal, "2026-11-27", "2026-11-27")).toBe(0);
    expect(w.workingDaysOverdue(cal, "2026-11-27", "2026-11-20")).toBe(0);
  });
});

describe("the light of a deadline in hours (a linkage case's response)", () => {
  const at = (day: string, time: string) => Date.parse(`${day}T${time}+08:00`);

  it("yellow while it runs (it is within 3 working days), red the moment it has passed, none once answered", () => {
    const deadline = at("2026-11-30", "16:00:00");
    expect(w.instantLight(cal, deadline, at("2026-11-30", "10:00:00"))).toMatchObject({
      light: "YELLOW",
      workingDaysLeft: 0,
    });
    // Past the instant on the same day: red, though a day's rule would still say yellow.
    expect(w.deadlineLight(cal, "2026-11-30", "2026-11-30").light).toBe("YELLOW");
    expect(w.instantLight(cal, deadline, at("2026-11-30", "16:01:00")).light).toBe("RED");
    expect(w.instantLight(cal, deadline, at("2026-12-02", "09:00:00"))).toMatchObject({
      light: "RED",
      workingDaysLeft: -2,
    });
    expect(w.instantLight(cal, deadline, at("2026-12-02", "09:00:00"), true).light).toBe("NONE");
    // A deadline at midnight belongs to the day it ends; a deadline over a weekend counts working days to it.
    expect(w.instantLight(cal, at("2026-12-01", "00:00:00"), at("2026-11-30", "23:00:00")).workingDaysLeft).toBe(0);
    expect(w.instantLight(cal, at("2026-11-30", "09:00:00"), at("2026-11-27", "17:00:00"))).toMatchObject({
      light: "YELLOW",
      workingDaysLeft: 1,
    });
  });
});
