// Every step of the inspection process, as plain functions: who may take it, from when, what it refuses, what it
// changes, what the inspection then waits for, and the timers' times.
import { describe, expect, it } from "vitest";
import { offeredActions, refusalOf, type Actor } from "../common/process";
import type { InspectionInput } from "./messages";
import type { WorkCalendar } from "../common/working-days";
import * as p from "./process";

const DAY = 24 * 3600_000;
const input: InspectionInput = {
  title: "空气自动站运维专项督导",
  inspectorId: 8,
  unit: { departmentId: 3, areaId: null, code: "epb", name: { zh: "市环保局", en: "Environmental Protection Bureau" } },
  taskCodes: ["1.1"],
  date: "2026-12-10",
  recurrence: "QUARTERLY",
  repeatUntil: "2027-12-31",
  seriesStart: "2026-12-10",
  occurrence: 1,
  leadDays: 3,
  openedBy: 8,
};
const THE_DAY = Date.parse("2026-12-10T00:00:00+08:00");
const inspector: Actor = { userId: 8, role: "INSPECTOR", departmentId: null, areaId: null };
const otherInspector: Actor = { userId: 9, role: "INSPECTOR", departmentId: null, areaId: null };
const steering: Actor = { userId: 1, role: "STEERING_GROUP", departmentId: null, areaId: null };
const epb: Actor = { userId: 5, role: "DEPARTMENT_MEMBER", departmentId: 3, areaId: null };
const water: Actor = { userId: 6, role: "DEPARTMENT_MEMBER", departmentId: 4, areaId: null };
const zhaozhou: Actor = { userId: 7, role: "AREA_IMPLEMENTER", departmentId: null, areaId: 21 };

const scheduled = p.initialState(input);
const started = p.start(scheduled, THE_DAY, { date: "2027-03-10", workflowId: "next" });
const { ADD_FINDING, CONCLUDE_FIELDWORK } = p.INSPECTION_STEPS;
const { REPORT_RECTIFICATION, VERIFY } = p.FINDING_STEPS;
const finding = { description: "数据传输率低于90%", severity: "HIGH", requiresRectification: true } as const;
const withFinding = ADD_FINDING.apply(started, { ...finding, deadline: "2026-12-30" }, inspector, THE_DAY);
const reported = REPORT_RECTIFICATION.apply(
  { inspection: withFinding, ordinal: 1 },
  { text: "已更换模块" },
  epb,
  THE_DAY,
).inspection;

describe("inspection process", () => {
  it("is scheduled with a title in words and waits for the inspector on the day", () => {
    expect(scheduled).toMatchObject({ status: "SCHEDULED", findings: [], seriesStart: "2026-12-10" });
    expect(p.title(scheduled)).toEqual({
      zh: "2026-12-10 对市环保局的专项督导检查",
      en: "Supervisory inspection of Environmental Protection Bureau, 2026-12-10",
    });
    expect(p.waitingFor(scheduled)).toEqual([
      expect.objectContaining({ what: "INSPECT", who: "user:8", deadline: "2026-12-10T16:00:00.000Z" }),
    ]);
  });

  it("ADD_FINDING: this inspection's inspector or the steering group, only from the inspection day", () => {
    expect(ADD_FINDING.allowed(scheduled, inspector, THE_DAY - 1)).toEqual({
      code: "NOT_YET",
      zh: "检查日期2026-12-10后可录入",
      en: "Findings can be recorded from 2026-12-10",
    });
    expect(ADD_FINDING.allowed(scheduled, inspector, THE_DAY)).toBeNull(); // the timer may not have run yet
    expect(ADD_FINDING.allowed(started, steering, THE_DAY)).toBeNull();
    for (const actor of [otherInspector, epb, zhaozhou])
      expect(ADD_FINDING.allowed(started, actor, THE_DAY)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("ADD_FINDING: a finding to rectify needs a deadline not in the past; one rectified on the spot is closed", () => {
    const refused = (extra: object) => refusalOf(ADD_FINDING, started, inspector, { ...finding, ...extra }, THE_DAY);
    expect(refused({})).toMatchObject({ code: "BAD_INPUT", zh: "需要整改的问题必须设定整改期限" });
    expect(refused({ deadline: "2026-12-09" })).toMatchObject({ code: "BAD_INPUT", zh: "整改期限不能早于今天" });
    expect(refused({ deadline: "2026-12-10" })).toBeNull();
    expect(refused({ severity: "EXTREME", deadline: "2026-12-30" })).toMatchObject({ code: "BAD_INPUT" });
    expect(refused({ requiresRectification: false })).toBeNull();
    expect(withFinding.findings).toEqual([
      expect.objectContaining({ ordinal: 1, status: "OPEN", deadline: "2026-12-30", reopenCount: 0 }),
    ]);
    const onTheSpot = ADD_FINDING.apply(
      withFinding,
      { ...finding, requiresRectification: false, deadline: "2026-12-30" },
      inspector,
      THE_DAY,
    );
    expect(onTheSpot.findings[1]).toMatchObject({ ordinal: 2, status: "CLOSED" });
    expect(onTheSpot.findings[1].deadline).toBeUndefined();
    expect(p.findingLabel(withFinding.findings[0])).toEqual({ zh: "问题1（严重）", en: "Finding 1 (High)" });
  });

  it("CONCLUDE_FIELDWORK: from the day, once, warning when nothing was found; no finding after it", () => {
    expect(CONCLUDE_FIELDWORK.allowed(scheduled, inspector, THE_DAY - 1)).toMatchObject({
      code: "NOT_YET",
      zh: "检查日期2026-12-10后可结束现场检查",
    });
    expect(CONCLUDE_FIELDWORK.warn?.(started, inspector, THE_DAY)?.zh).toContain("尚未记录任何问题");
    expect(CONCLUDE_FIELDWORK.warn?.(withFinding, inspector, THE_DAY)).toBeNull();
    const concluded = CONCLUDE_FIELDWORK.apply(withFinding, {}, inspector, THE_DAY + 3600_000);
    expect(concluded).toMatchObject({ status: "RECTIFYING", fieldworkConcludedAt: "2026-12-09T17:00:00.000Z" });
    expect(CONCLUDE_FIELDWORK.allowed(concluded, inspector, THE_DAY)).toMatchObject({ code: "INVALID_STATE" });
    expect(ADD_FINDING.allowed(concluded, inspector, THE_DAY)).toMatchObject({ code: "INVALID_STATE" });
    expect(p.waitingFor(concluded).map((w) => w.what)).toEqual(["RECTIFY:1"]);
  });

  it("waits for the inspector to conclude and the unit (department or area) to rectify by the deadline", () => {
    expect(p.waitingFor(withFinding)).toEqual([
      expect.objectContaining({ what: "CONCLUDE_FIELDWORK", who: "user:8" }),
      expect.objectContaining({
        what: "RECTIFY:1",
        who: "dept:epb",
        zh: "市环保局整改问题1（严重）",
        deadline: "2026-12-30T16:00:00.000Z",
      }),
    ]);
    const area = {
      ...input,
      unit: { departmentId: null, areaId: 21, code: "230621", name: { zh: "肇州县", en: "Zhaozhou" } },
    };
    const ofArea = ADD_FINDING.apply(
      p.start(p.initialState(area), THE_DAY, null),
      { ...finding, deadline: "2026-12-30" },
      inspector,
      THE_DAY,
    );
    expect(p.waitingFor(ofArea)[1]).toMatchObject({ what: "RECTIFY:1", who: "area:230621" });
    expect(REPORT_RECTIFICATION.allowed({ inspection: ofArea, ordinal: 1 }, zhaozhou, THE_DAY)).toBeNull();
    expect(REPORT_RECTIFICATION.allowed({ inspection: ofArea, ordinal: 1 }, epb, THE_DAY)).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("REPORT_RECTIFICATION: the inspected unit only, while the finding awaits it", () => {
    const scope = { inspection: withFinding, ordinal: 1 };
    expect(REPORT_RECTIFICATION.allowed(scope, epb, THE_DAY)).toBeNull();
    for (const actor of [water, inspector, steering, zhaozhou])
      expect(REPORT_RECTIFICATION.allowed(scope, actor, THE_DAY)).toMatchObject({
        code: "FORBIDDEN",
        zh: "只有被检查单位（市环保局）可以报送整改情况",
      });
    // Who is asked before whether the finding exists.
    expect(REPORT_RECTIFICATION.allowed({ inspection: withFinding, ordinal: 7 }, water, THE_DAY)?.code).toBe(
      "FORBIDDEN",
    );
    expect(REPORT_RECTIFICATION.allowed({ inspection: withFinding, ordinal: 7 }, epb, THE_DAY)).toMatchObject({
      code: "BAD_INPUT",
      zh: "没有问题7",
    });
    expect(reported.findings[0]).toMatchObject({ status: "RECTIFICATION_REPORTED", rectification: "已更换模块" });
    expect(REPORT_RECTIFICATION.allowed({ inspection: reported, ordinal: 1 }, epb, THE_DAY)).toMatchObject({
      code: "INVALID_STATE",
    });
    expect(p.waitingFor(reported)[1]).toMatchObject({ what: "VERIFY:1", who: "user:8" });
    const onTheSpot = ADD_FINDING.apply(started, { ...finding, requiresRectification: false }, inspector, THE_DAY);
    expect(REPORT_RECTIFICATION.allowed({ inspection: onTheSpot, ordinal: 1 }, epb, THE_DAY)).toMatchObject({
      code: "INVALID_STATE",
      zh: "该问题无需整改",
    });
  });

  it("VERIFY: not yet before the report; reopening needs a reason and a new deadline; effective closes", () => {
    expect(VERIFY.allowed({ inspection: withFinding, ordinal: 1 }, inspector, THE_DAY)).toMatchObject({
      code: "NOT_YET",
    });
    const scope = { inspection: reported, ordinal: 1 };
    expect(VERIFY.allowed(scope, epb, THE_DAY)).toMatchObject({ code: "FORBIDDEN" });
    expect(VERIFY.allowed(scope, otherInspector, THE_DAY)).toMatchObject({ code: "FORBIDDEN" });
    const later = THE_DAY + 5 * DAY;
    expect(refusalOf(VERIFY, scope, inspector, { effective: false, newDeadline: "2027-01-10" }, later)).toMatchObject({
      code: "BAD_INPUT",
      zh: "重新整改必须说明原因",
    });
    expect(refusalOf(VERIFY, scope, inspector, { effective: false, reason: "未上传" }, later)?.code).toBe("BAD_INPUT");
    expect(
      refusalOf(VERIFY, scope, inspector, { effective: false, reason: "未上传", newDeadline: "2026-12-14" }, later)
        ?.code,
    ).toBe("BAD_INPUT");
    const reopened = VERIFY.apply(
      scope,
      { effective: false, reason: "未上传", newDeadline: "2027-01-10" },
      inspector,
      later,
    ).inspection;
    expect(reopened.findings[0]).toMatchObject({
      status: "REOPENED",
      reopenCount: 1,
      reopenReason: "未上传",
      deadline: "2027-01-10",
      overdue: false,
    });
    expect(REPORT_RECTIFICATION.allowed({ inspection: reopened, ordinal: 1 }, epb, later)).toBeNull();
    const closed = VERIFY.apply(scope, { effective: true }, steering, later).inspection;
    expect(closed.findings[0].status).toBe("CLOSED");
    expect(VERIFY.allowed({ inspection: closed, ordinal: 1 }, inspector, later)).toMatchObject({
      code: "INVALID_STATE",
    });
    expect(p.finished(closed)).toBe(false); // the fieldwork is not concluded yet
    const done = CONCLUDE_FIELDWORK.apply(closed, {}, inspector, later);
    expect(p.finished(done)).toBe(true);
    const ended = p.close(done, later);
    expect(ended).toMatchObject({ status: "CLOSED" });
    expect(p.waitingFor(ended)).toEqual([]);
    expect(ADD_FINDING.allowed(ended, inspector, later)).toMatchObject({ code: "INVALID_STATE" });
  });

  it("offers each viewer what they may do now, and what comes later with the reason", () => {
    const before = offeredActions(p.INSPECTION_STEPS, scheduled, inspector, THE_DAY - DAY);
    expect(before.map((a) => [a.step, a.enabled, a.reason?.zh])).toEqual([
      ["ADD_FINDING", false, "检查日期2026-12-10后可录入"],
      ["CONCLUDE_FIELDWORK", false, "检查日期2026-12-10后可结束现场检查"],
    ]);
    expect(offeredActions(p.INSPECTION_STEPS, started, inspector, THE_DAY).every((a) => a.enabled)).toBe(true);
    expect(offeredActions(p.INSPECTION_STEPS, started, epb, THE_DAY)).toEqual([]);
    const scope = { inspection: withFinding, ordinal: 1 };
    expect(offeredActions(p.FINDING_STEPS, scope, epb, THE_DAY).map((a) => [a.step, a.enabled])).toEqual([
      ["REPORT_RECTIFICATION", true],
    ]);
    expect(offeredActions(p.FINDING_STEPS, scope, inspector, THE_DAY).map((a) => [a.step, a.enabled])).toEqual([
      ["VERIFY", false],
    ]);
    expect(offeredActions(p.FINDING_STEPS, scope, water, THE_DAY)).toEqual([]);
  });

  it("times the reminder, the start and the rectification watch; marks an overdue finding", () => {
    expect(new Date(p.reminderAt(scheduled)).toISOString()).toBe("2026-12-07T01:00:00.000Z"); // 09:00, 3 days before
    expect(p.startAt(scheduled)).toBe(THE_DAY);
    expect(started).toMatchObject({ status: "IN_PROGRESS", nextDate: "2027-03-10", nextWorkflowId: "next" });
    const f = withFinding.findings[0];
    expect(new Date(p.rectificationReminderAt(withFinding, f)).toISOString()).toBe("2026-12-27T01:00:00.000Z");
    expect(new Date(p.rectificationDue(f)).toISOString()).toBe("2026-12-30T16:00:00.000Z");
    expect(p.watched(f)).toBe(true);
    const overdue = p.markOverdue(withFinding, 1, p.rectificationDue(f));
    expect(overdue.findings[0]).toMatchObject({ overdue: true, escalatedAt: "2026-12-30T16:00:00.000Z" });
    expect(p.remind(scheduled, 0).remindedAt).toBe("1970-01-01T00:00:00.000Z");
  });

  it("starts a recurring schedule's next occurrence from the series' first day, and says the series in words", () => {
    expect(p.nextOccurrence(input)).toMatchObject({ date: "2027-03-10", occurrence: 2, seriesStart: "2026-12-10" });
    const monthEnd = {
      ...input,
      recurrence: "MONTHLY" as const,
      date: "2027-02-28",
      seriesStart: "2027-01-31",
      occurrence: 2,
    };
    expect(p.nextOccurrence(monthEnd)?.date).toBe("2027-03-31");
    expect(p.nextOccurrence({ ...input, date: "2027-12-10", occurrence: 5 })).toBeNull();
    expect(p.nextOccurrence({ ...input, recurrence: "NONE", repeatUntil: null })).toBeNull();
    expect(p.seriesOf(scheduled)).toEqual({
      zh: "每季度一次，第1次，至2027-12-31",
      en: "Quarterly, occurrence 1, until 2027-12-31",
    });
    expect(p.laterDates(scheduled)).toEqual(["2027-03-10", "2027-06-10", "2027-09-10", "2027-12-10"]);
    expect(p.seriesOf({ ...scheduled, recurrence: "NONE", repeatUntil: null })).toBeNull();
  });

  it("describes every step it records in words", () => {
    const kinds = ["SCHEDULE", "REMIND", "START", "FINDING", "CONCLUDE_FIELDWORK", "RECTIFICATION_REPORTED"];
    for (const kind of [...kinds, "VERIFIED", "REOPENED", "RECTIFICATION_REMIND", "RECTIFICATION_OVERDUE", "CLOSE"])
      expect(p.describeEvent(kind, { ordinal: 1 })).toEqual({ zh: expect.any(String), en: expect.any(String) });
    expect(
      p.describeEvent("FINDING", { ordinal: 1, severity: "HIGH", requiresRectification: true, deadline: "2026-12-30" }),
    ).toEqual({
      zh: "记录了问题1（严重），须于2026-12-30前整改",
      en: "recorded finding 1 (High), to be rectified by 2026-12-30",
    });
    expect(p.describeEvent("REOPENED", { ordinal: 2, reason: "未上传", newDeadline: "2027-01-10" })?.zh).toBe(
      "要求问题2重新整改（新期限2027-01-10）：未上传",
    );
    expect(p.describeEvent("SCHEDULE", { date: "2027-03-10", occurrence: 2, recurrence: "QUARTERLY" })?.zh).toBe(
      "按定期检查安排（每季度一次）安排了第2次检查：2027-03-10",
    );
    expect(p.describeEvent("START", { next: "2027-03-10" })?.zh).toContain("已安排下一次检查（2027-03-10）");
    expect(p.describeEvent("UNKNOWN", {})).toBeNull();
  });

  describe("rectification deadlines on working days (docs/decisions/019)", () => {
    const cal: WorkCalendar = {
      holidays: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
      makeUpDays: ["2026-09-20", "2026-10-10"],
      coveredThrough: 2026,
    };
    const SEPT = Date.parse("2026-09-14T10:00:00+08:00");
    const at = (day: string, time: string) => Date.parse(`${day}T${time}+08:00`);
    const autumn = p.start(p.initialState({ ...input, date: "2026-09-14", seriesStart: "2026-09-14" }), SEPT, null);
    const recorded = ADD_FINDING.apply(autumn, { ...finding, deadline: "2026-10-01" }, inspector, SEPT);

    it("moves a deadline entered on a holiday to the next working day, keeping the day entered", () => {
      const moved = p.deadlineOnWorkingDay(recorded, 1, cal);
      expect(moved.findings[0]).toMatchObject({ deadline: "2026-10-08", requestedDeadline: "2026-10-01" });
      // No calendar (an inspection scheduled before working days): as entered.
      expect(p.deadlineOnWorkingDay(recorded, 1, undefined)).toBe(recorded);
      // A working day stays; a finding rectified on the spot has no deadline to move.
      const friday = ADD_FINDING.apply(autumn, { ...finding, deadline: "2026-10-09" }, inspector, SEPT);
      expect(p.deadlineOnWorkingDay(friday, 1, cal).findings[0]).toEqual(friday.findings[0]);
      const onTheSpot = ADD_FINDING.apply(autumn, { ...finding, requiresRectification: false }, inspector, SEPT);
      expect(p.deadlineOnWorkingDay(onTheSpot, 1, cal)).toEqual(onTheSpot);
    });

    it("a reopened finding's new deadline moves too, and forgets the old day entered", () => {
      const moved = p.deadlineOnWorkingDay(recorded, 1, cal);
      const rep = REPORT_RECTIFICATION.apply({ inspection: moved, ordinal: 1 }, { text: "已整改" }, epb, SEPT);
      const reopened = VERIFY.apply(
        rep,
        { effective: false, reason: "数据仍缺失", newDeadline: "2026-10-18" }, // a Sunday
        inspector,
        SEPT,
      ).inspection;
      expect(p.deadlineOnWorkingDay(reopened, 1, cal).findings[0]).toMatchObject({
        deadline: "2026-10-19",
        requestedDeadline: "2026-10-18",
      });
      const toFriday = VERIFY.apply(rep, { effective: false, reason: "x", newDeadline: "2026-10-16" }, inspector, SEPT);
      expect(p.deadlineOnWorkingDay(toFriday.inspection, 1, cal).findings[0].requestedDeadline).toBeUndefined();
    });

    it("reminds `leadDays` working days before the deadline and escalates at the end of its working day", () => {
      const f = p.deadlineOnWorkingDay(recorded, 1, cal).findings[0];
      expect(p.rectificationReminderAt(autumn, f, cal)).toBe(at("2026-09-28", "09:00:00"));
      expect(p.rectificationReminderAt(autumn, f)).toBe(at("2026-10-05", "09:00:00")); // calendar days: a holiday
      expect(p.rectificationDue(f, cal)).toBe(at("2026-10-09", "00:00:00"));
      // The inspection day's own reminder counts working days too: 3 before Monday 12 October is Thursday the 8th
      // (Saturday the 10th is a make-up working day).
      const october = p.initialState({ ...input, date: "2026-10-12", seriesStart: "2026-10-12" });
      expect(p.reminderAt(october, cal)).toBe(at("2026-10-08", "09:00:00"));
      expect(p.reminderAt(october)).toBe(at("2026-10-09", "09:00:00"));
    });

    it("says in the activity log when a deadline was moved", () => {
      const detail = { ordinal: 1, severity: "HIGH", requiresRectification: true, deadline: "2026-10-08" };
      expect(p.describeEvent("FINDING", { ...detail, requestedDeadline: "2026-10-01" })?.zh).toBe(
        "记录了问题1（严重），须于2026-10-08前整改（原定2026-10-01，顺延至工作日）",
      );
      expect(p.describeEvent("FINDING", detail)?.zh).toBe("记录了问题1（严重），须于2026-10-08前整改");
    });
  });
});
