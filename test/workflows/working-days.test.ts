// Deadlines on working days through the API and the report workflows on the time-skipping server: a due date entered
// on a weekend moves to the next working day and says so, the reminder comes 3 working days before it (not 3 calendar
// days), and a due date in a year the holiday schedule does not cover yet carries the warning.
// The 国庆 case (2026-10-01 → 2026-10-08, reminder 2026-09-28) is arithmetic on the same calendar data
// (workflows/common/working-days.test.ts): this server's clock starts at the wall clock and cannot go back to
// September 2026, and the 2026 schedule has no holiday left after today.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { timeSkippingHarness } from "./support/harness";
import { eventually } from "./support/temporal";
import { previousMonthPeriod } from "../../app/utils/time";
import { workCalendar } from "../../app/models/work-calendar.server";
import { addDays, morningBefore } from "../../workflows/common/calendar";
import * as w from "../../workflows/common/working-days";

let h: Awaited<ReturnType<typeof timeSkippingHarness>>;
beforeAll(async () => (h = await timeSkippingHarness()));
afterAll(() => h?.close());

const HOUR = 3600_000;
const SG = "steering@daqing.example";
const cal = workCalendar();

/** The first Saturday at least `days` after `from`. */
function saturdayAfter(from: string, days: number) {
  let d = addDays(from, days);
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 6) d = addDays(d, 1);
  return d;
}

describe("a reporting cycle due on a non-working day", () => {
  it("moves to the next working day, says so, and reminds 3 working days before", async () => {
    const now = await h.env.currentTimeMs();
    const period = previousMonthPeriod(new Date(now));
    const requested = saturdayAfter(await h.dayFromNow(0), 10);
    const due = w.workingDayOnOrAfter(cal, requested);
    expect(due > requested).toBe(true);
    const opened = await h.gql(
      `mutation($p: String!, $d: String!) { openReportingCycle(period: $p, dueDate: $d) {
        dueDate requestedDueDate dueDateNote { zh en } } }`,
      { p: period, d: requested },
      SG,
    );
    expect(opened.errors).toBeUndefined();
    const cycle = opened.data.openReportingCycle;
    expect(cycle.dueDate).toBe(new Date(`${due}T00:00:00+08:00`).toISOString());
    expect(cycle.requestedDueDate).toBe(new Date(`${requested}T00:00:00+08:00`).toISOString());
    expect(cycle.dueDateNote.zh).toBe(
      `原定${requested}为${w.isHoliday(cal, requested) ? "节假日" : "周末"}，顺延至${due}`,
    );

    const report = `report-${period}-1.1-epb`;
    await eventually(async () => (await h.db.progressReport.count({ where: { workflowId: report } })) === 1);
    const state = JSON.parse((await h.db.progressReport.findUniqueOrThrow({ where: { workflowId: report } })).state);
    expect(state).toMatchObject({ dueDate: due, requestedDueDate: requested });
    expect(state.deadline).toBe(new Date(Date.parse(`${due}T00:00:00+08:00`) + 24 * HOUR).toISOString());

    // 3 working days before a Monday is the Wednesday before; 3 calendar days would be the Friday.
    const reminderAt = w.workingMorningBefore(cal, due, 3);
    expect(reminderAt).toBeLessThan(morningBefore(due, 3));
    await h.env.sleep(reminderAt - HOUR - (await h.env.currentTimeMs()));
    expect((await h.db.progressReport.findUniqueOrThrow({ where: { workflowId: report } })).remindedAt).toBeNull();
    await h.env.sleep(2 * HOUR);
    await eventually(
      async () => (await h.db.progressReport.findUniqueOrThrow({ where: { workflowId: report } })).remindedAt !== null,
    );
    const reminded = await h.db.progressReport.findUniqueOrThrow({ where: { workflowId: report } });
    expect(reminded.remindedAt!.getTime()).toBeGreaterThanOrEqual(reminderAt);
    expect(reminded.remindedAt!.getTime()).toBeLessThan(reminderAt + HOUR);
    await eventually(async () => h.mailTo("epb@daqing.example", "REPORT_REMINDER").length > 0);
  });

  it("a due date in a year without a published schedule counts weekends only and warns", async () => {
    const year = cal.coveredThrough + 1;
    const opened = await h.gql(
      `mutation($p: String!, $d: String!) { openReportingCycle(period: $p, dueDate: $d) {
        dueDate dueDateWarning { zh en } } }`,
      { p: `${cal.coveredThrough}Q4`, d: `${year}-01-09` },
      SG,
    );
    expect(opened.errors).toBeUndefined();
    // 9 January 2027 is a Saturday: Monday the 11th, by weekends alone.
    expect(opened.data.openReportingCycle.dueDate).toBe(new Date(`${year}-01-11T00:00:00+08:00`).toISOString());
    expect(opened.data.openReportingCycle.dueDateWarning.zh).toBe(`${year}年节假日安排尚未发布，截止日按周末推算`);
  });
});
