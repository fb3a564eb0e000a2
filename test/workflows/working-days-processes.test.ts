// Deadlines on working days in the annual work plan and the inspection workflows, on the time-skipping server
// (docs/decisions/019): a due date, a milestone and a rectification deadline that fall on a public holiday move to the
// next working day and say so; the reminder comes 3 working days before the moved day (skipping the holiday), and the
// escalation at the end of the moved day, not of the holiday.
//
// The holiday: this server's clock starts at the wall clock and cannot go back, and the published schedule has no
// holiday left ahead of it (2026 is its last year). So the test declares one, a Wednesday-to-Friday 3 days off, in the
// calendar data the workflow receives — which is exactly what a State Council notice becomes in the product — and
// starts the workflow with it as the API would (the API's own moving and its calendar window are checked through
// GraphQL with a weekend, the test's last case). The steps after the start go through the GraphQL API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { timeSkippingHarness } from "./support/harness";
import { eventually } from "./support/temporal";
import { recordHistory } from "./support/histories";
import { calendarFor } from "../../app/models/work-calendar.server";
import { addDays } from "../../workflows/common/calendar";
import * as w from "../../workflows/common/working-days";
import { inspectionWorkflowId, workPlanWorkflowId } from "../../workflows/ids";
import type { WorkPlanInput } from "../../workflows/work-plan/messages";
import type { InspectionInput } from "../../workflows/inspection/messages";

let h: Awaited<ReturnType<typeof timeSkippingHarness>>;
beforeAll(async () => (h = await timeSkippingHarness()));
afterAll(() => h?.close());

const HOUR = 3600_000;
const SG = "steering@daqing.example";
const EPB = "epb@daqing.example";
const WATER = "water@daqing.example";
const AREA = "zhaozhou@daqing.example";
const INSPECTOR = "inspector@daqing.example";
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const morning = (day: string) => Date.parse(`${day}T09:00:00+08:00`);
const endOf = (day: string) => Date.parse(`${day}T00:00:00+08:00`) + 24 * HOUR;
/** How the published schedule names a day the test declared a holiday: 节假日 only if it is one there too. */
const why = (day: string) => (w.isHoliday(calendarFor(day), day) ? "节假日" : "周末");
const user = (email: string) => h.db.user.findUniqueOrThrow({ where: { email } });

/** A holiday declared from the first Wednesday at least 12 days ahead to the Friday, in the calendar a workflow gets. */
async function declaredHoliday() {
  let first = await h.dayFromNow(12);
  while (weekday(first) !== 3) first = addDays(first, 1);
  const days = [first, addDays(first, 1), addDays(first, 2)];
  const window = calendarFor(addDays(first, 366), new Date(await h.env.currentTimeMs()));
  const cal: w.WorkCalendar = { ...window, holidays: [...window.holidays, ...days].sort() };
  const moved = w.workingDayOnOrAfter(cal, first);
  return { first, last: days[2], cal, moved, reminder: w.addWorkingDays(cal, moved, -3) };
}

/** Sleeps the server until `at` plus `plus` ms. */
const sleepUntil = async (at: number, plus = 0) => h.env.sleep(Math.max(0, at + plus - (await h.env.currentTimeMs())));

describe("working days in the annual work plan", () => {
  it("moves the drafting deadline and a milestone off a holiday, reminds 3 working days before, escalates after it", async () => {
    const { first, last, cal, moved, reminder } = await declaredHoliday();
    // Wednesday to Friday off: due on the Monday after; 3 working days before that Monday is the Wednesday before the
    // holiday (3 calendar days before would be the holiday's Friday).
    expect(moved).toBe(addDays(first, 5));
    expect(reminder).toBe(addDays(first, -5));
    expect(w.reminderBefore(undefined, moved, 3)).toBe(morning(last));
    const year = Number(first.slice(0, 4));
    const start = async (code: string, requested: string) => {
      const dept = await h.db.department.findUniqueOrThrow({ where: { code } });
      const due = w.effectiveDueDate(cal, requested);
      const input: WorkPlanInput = {
        year,
        departmentId: dept.id,
        departmentCode: dept.code,
        department: { zh: dept.name, en: dept.nameEn },
        dueDate: due.dueDate,
        ...(due.note ? { requestedDueDate: requested } : {}),
        leadDays: 3,
        openedBy: (await user(SG)).id,
        calendar: cal,
      };
      const workflowId = workPlanWorkflowId(year, code);
      await h.env.client.workflow.start("annualWorkPlanWorkflow", {
        workflowId,
        taskQueue: h.taskQueue,
        args: [input],
      });
      await eventually(async () => (await h.db.annualWorkPlan.count({ where: { workflowId } })) === 1);
      return workflowId;
    };

    // The epb plan is due on the holiday's first day and left undrafted: its submission deadline is watched.
    const epb = await start("epb", first);
    const plan = await h.gql(
      `query($id: String!) { workPlan(workflowId: $id) { dueDate requestedDueDate dueDateNote { zh en } } }`,
      { id: epb },
      SG,
    );
    expect(plan.data.workPlan).toEqual({
      dueDate: new Date(`${moved}T00:00:00+08:00`).toISOString(),
      requestedDueDate: first,
      // The note's words read the published schedule, which does not know the declared holiday ("周末" for a
      // weekday); the days are the workflow's own.
      dueDateNote: { zh: `原定${first}为${why(first)}，顺延至${moved}`, en: expect.stringContaining(moved) },
    });

    // The water plan's milestone is due on the holiday's second day: saved through the API, it moves too.
    const water = await start("water", addDays(await h.dayFromNow(0), 1));
    const saved = await h.gql(
      `mutation($id: String!, $ms: [MilestoneInput!]!) { saveWorkPlanMilestones(workflowId: $id, milestones: $ms) {
        milestones { dueDate dueDateNote { zh } } } }`,
      {
        id: water,
        ms: [{ what: "水源地监测点位布设", responsibleUnit: "水资源科", dueDate: addDays(first, 1), indicator: "5个" }],
      },
      WATER,
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data.saveWorkPlanMilestones.milestones).toEqual([
      {
        dueDate: new Date(`${moved}T00:00:00+08:00`).toISOString(),
        dueDateNote: { zh: `原定${addDays(first, 1)}为${why(addDays(first, 1))}，顺延至${moved}` },
      },
    ]);
    // Saving the milestone again as it was entered changes nothing (the day entered is what is compared).
    const again = await h.gql(
      `mutation($id: String!, $ms: [MilestoneInput!]!) { saveWorkPlanMilestones(workflowId: $id, milestones: $ms) { status } }`,
      {
        id: water,
        ms: [{ what: "水源地监测点位布设", responsibleUnit: "水资源科", dueDate: addDays(first, 1), indicator: "5个" }],
      },
      WATER,
    );
    expect(again.errors?.[0].extensions?.code).toBe("UNCHANGED");
    await h.gql(`mutation($id: String!) { submitWorkPlan(workflowId: $id) { status } }`, { id: water }, WATER);
    const approved = await h.gql(
      `mutation($id: String!) { reviewWorkPlan(workflowId: $id, approve: true) { status } }`,
      { id: water },
      SG,
    );
    expect(approved.data.reviewWorkPlan.status).toBe("APPROVED");

    // An hour before 09:00 on the reminder day nothing is reminded; an hour after, both are.
    await sleepUntil(morning(reminder), -HOUR);
    const epbState = async () =>
      JSON.parse((await h.db.annualWorkPlan.findUniqueOrThrow({ where: { workflowId: epb } })).state);
    const milestone = () => h.db.planMilestone.findFirstOrThrow({ where: { plan: { workflowId: water } } });
    expect((await epbState()).remindedAt).toBeUndefined();
    expect((await milestone()).remindedAt).toBeNull();
    await h.env.sleep(2 * HOUR);
    await eventually(async () => (await epbState()).remindedAt !== undefined);
    await eventually(async () => (await milestone()).remindedAt !== null);
    for (const at of [Date.parse((await epbState()).remindedAt), (await milestone()).remindedAt!.getTime()]) {
      expect(at).toBeGreaterThanOrEqual(morning(reminder));
      expect(at).toBeLessThan(morning(reminder) + HOUR);
    }
    await eventually(async () => h.mailTo(EPB, "WORKPLAN_REMINDER").length === 1);
    await eventually(async () => h.mailTo(WATER, "MILESTONE_REMINDER").length === 1);

    // The holiday passes without an escalation: the deadline is the end of the working day it moved to.
    await sleepUntil(endOf(last), HOUR);
    expect((await epbState()).escalatedAt).toBeUndefined();
    expect((await milestone()).escalatedAt).toBeNull();
    expect(h.mailTo(SG, "WORKPLAN_OVERDUE")).toHaveLength(0);
    await sleepUntil(endOf(moved), HOUR);
    await eventually(async () => h.mailTo(SG, "WORKPLAN_OVERDUE").length === 1);
    await eventually(async () => h.mailTo(SG, "MILESTONE_OVERDUE").length === 1);
    expect(Date.parse((await epbState()).escalatedAt)).toBeGreaterThanOrEqual(endOf(moved));
    expect((await milestone()).overdue).toBe(true);
    const log = await h.gql(
      `query($id: String!) { workflowEvents(workflowId: $id) { sentence { zh } } }`,
      { id: epb },
      SG,
    );
    expect(log.data.workflowEvents[0].sentence.zh).toContain(`（截止日期${moved}，原定${first}，顺延至工作日）`);
    for (const id of [epb, water]) await h.env.client.workflow.getHandle(id).terminate("test finished");
    // Histories with a calendar in their input, beside the older ones without: both paths must keep replaying.
    await recordHistory(h.env.client, epb, "annual-work-plan-working-days");
    await recordHistory(h.env.client, water, "annual-work-plan-milestones-working-days");
  });
});

describe("working days in an inspection's rectification", () => {
  it("moves a rectification deadline off a holiday, reminds 3 working days before, escalates after it", async () => {
    const { first, last, cal, moved, reminder } = await declaredHoliday();
    const today = await h.dayFromNow(0);
    const area = await h.db.area.findUniqueOrThrow({ where: { code: "230621" } });
    const inspector = await user(INSPECTOR);
    const input: InspectionInput = {
      title: "饮用水水源地监测专项督导",
      inspectorId: inspector.id,
      unit: { departmentId: null, areaId: area.id, code: area.code, name: { zh: area.name, en: area.nameEn } },
      taskCodes: ["1.1"],
      date: today,
      recurrence: "NONE",
      repeatUntil: null,
      seriesStart: today,
      occurrence: 1,
      leadDays: 3,
      openedBy: inspector.id,
      calendar: cal,
    };
    const id = inspectionWorkflowId(today, area.code);
    await h.env.client.workflow.start("inspectionWorkflow", { workflowId: id, taskQueue: h.taskQueue, args: [input] });
    await eventually(
      async () => (await h.db.inspection.findUnique({ where: { workflowId: id } }))?.status === "IN_PROGRESS",
    );

    const added = await h.gql(
      `mutation($id: String!, $dl: String) { addInspectionFinding(workflowId: $id, description: "取水口在线监测数据缺失",
        severity: "MEDIUM", requiresRectification: true, deadline: $dl) {
        findings { deadline deadlineNote { zh en } } } }`,
      { id, dl: first },
      INSPECTOR,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data.addInspectionFinding.findings[0]).toEqual({
      deadline: new Date(`${moved}T00:00:00+08:00`).toISOString(),
      deadlineNote: { zh: `原定${first}为${why(first)}，顺延至${moved}`, en: expect.stringContaining(moved) },
    });
    const finding = () => h.db.inspectionFinding.findFirstOrThrow({ where: { inspection: { workflowId: id } } });
    const remindedAt = async () =>
      (await h.db.workflowEvent.findFirst({ where: { workflowId: id, kind: "RECTIFICATION_REMIND" } }))?.at;

    await sleepUntil(morning(reminder), -HOUR);
    expect(await remindedAt()).toBeUndefined();
    await h.env.sleep(2 * HOUR);
    const at = await eventually(remindedAt);
    expect(at.getTime()).toBeGreaterThanOrEqual(morning(reminder));
    expect(at.getTime()).toBeLessThan(morning(reminder) + HOUR);
    await eventually(async () => h.mailTo(AREA, "RECTIFICATION_REMINDER").length === 1);

    await sleepUntil(endOf(last), HOUR);
    expect((await finding()).overdue).toBe(false);
    await sleepUntil(endOf(moved), HOUR);
    await eventually(async () => (await finding()).overdue);
    expect((await finding()).escalatedAt!.getTime()).toBeGreaterThanOrEqual(endOf(moved));
    await eventually(async () => h.mailTo(SG, "RECTIFICATION_OVERDUE").length === 1);
    const log = await h.gql(`query($id: String!) { workflowEvents(workflowId: $id) { sentence { zh } } }`, { id }, SG);
    expect(log.data.workflowEvents.map((e: { sentence: { zh: string } }) => e.sentence.zh)).toContainEqual(
      expect.stringContaining(`须于${moved}前整改（原定${first}，顺延至工作日）`),
    );

    // Reported, then reopened with a new deadline on a Saturday: the new deadline moves to the Monday.
    const reported = await h.gql(
      `mutation($id: String!) { reportRectification(workflowId: $id, ordinal: 1, rectification: "已恢复数据传输") {
        status } }`,
      { id },
      AREA,
    );
    expect(reported.errors).toBeUndefined();
    let saturday = await h.dayFromNow(3);
    while (weekday(saturday) !== 6) saturday = addDays(saturday, 1);
    const monday = w.workingDayOnOrAfter(cal, saturday);
    const reopened = await h.gql(
      `mutation($id: String!, $n: String) { verifyRectification(workflowId: $id, ordinal: 1, effective: false,
        reason: "历史数据未补传", newDeadline: $n) { findings { status deadline deadlineNote { zh } } } }`,
      { id, n: saturday },
      INSPECTOR,
    );
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data.verifyRectification.findings[0]).toEqual({
      status: "REOPENED",
      deadline: new Date(`${monday}T00:00:00+08:00`).toISOString(),
      deadlineNote: { zh: `原定${saturday}为${why(saturday)}，顺延至${monday}` },
    });
    await h.env.client.workflow.getHandle(id).terminate("test finished");
    await recordHistory(h.env.client, id, "inspection-working-days");
  });
});

describe("through the API, with the published schedule", () => {
  it("a work plan due on a weekend moves to the next working day; so does a rectification deadline", async () => {
    let saturday = await h.dayFromNow(10);
    while (weekday(saturday) !== 6) saturday = addDays(saturday, 1);
    const cal = calendarFor(saturday, new Date(await h.env.currentTimeMs()));
    const monday = w.workingDayOnOrAfter(cal, saturday);
    const year = Number(saturday.slice(0, 4));
    const opened = await h.gql(
      `mutation($y: Int!, $d: String!) { openWorkPlan(departmentCode: "agriculture", year: $y, dueDate: $d) {
        dueDate dueDateNote { zh } } }`,
      { y: year, d: saturday },
      SG,
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data.openWorkPlan).toEqual({
      dueDate: new Date(`${monday}T00:00:00+08:00`).toISOString(),
      dueDateNote: { zh: `原定${saturday}为${w.isHoliday(cal, saturday) ? "节假日" : "周末"}，顺延至${monday}` },
    });

    const today = await h.dayFromNow(0);
    const scheduled = await h.gql(
      `mutation($d: String!) { scheduleInspection(title: "噪声监测专项督导", departmentCode: "epb", taskCodes: ["1.4"],
        date: $d) { workflowId } }`,
      { d: today },
      INSPECTOR,
    );
    expect(scheduled.errors).toBeUndefined();
    const id = scheduled.data.scheduleInspection.workflowId;
    await eventually(
      async () => (await h.db.inspection.findUnique({ where: { workflowId: id } }))?.status === "IN_PROGRESS",
    );
    const added = await h.gql(
      `mutation($id: String!, $dl: String) { addInspectionFinding(workflowId: $id, description: "噪声点位缺少运维记录",
        severity: "LOW", requiresRectification: true, deadline: $dl) { findings { deadline deadlineNote { zh } } } }`,
      { id, dl: saturday },
      INSPECTOR,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data.addInspectionFinding.findings[0]).toEqual({
      deadline: new Date(`${monday}T00:00:00+08:00`).toISOString(),
      deadlineNote: { zh: `原定${saturday}为${w.isHoliday(cal, saturday) ? "节假日" : "周末"}，顺延至${monday}` },
    });
    await h.env.client.workflow.getHandle(id).terminate("test finished");
  });
});
