// Every step of the annual work plan, as plain functions: who may take it, when, what it refuses and what it changes;
// its timers, what it waits for, and how the activity log reads.
import { describe, expect, it } from "vitest";
import { offeredActions, refusalOf, type Actor } from "../common/process";
import type { WorkCalendar } from "../common/working-days";
import * as p from "./process";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** 2027-03-01 10:00 in Asia/Shanghai. */
const T0 = Date.parse("2027-03-01T10:00:00+08:00");
const epb: Actor = { userId: 5, role: "DEPARTMENT_MEMBER", departmentId: 3, areaId: null };
const water: Actor = { userId: 6, role: "DEPARTMENT_MEMBER", departmentId: 4, areaId: null };
const steering: Actor = { userId: 1, role: "STEERING_GROUP", departmentId: null, areaId: null };
const inspector: Actor = { userId: 8, role: "INSPECTOR", departmentId: null, areaId: null };
const S = p.WORK_PLAN_STEPS;

const drafting = p.initialState({
  year: 2027,
  departmentId: 3,
  departmentCode: "epb",
  department: { zh: "市环保局", en: "Environmental Protection Bureau" },
  dueDate: "2027-03-31",
});
const ms: p.MilestoneInput[] = [
  {
    taskCode: "1.1",
    what: "四个县空气自动站选址",
    responsibleUnit: "大气环境科",
    dueDate: "2027-06-30",
    indicator: "4个",
  },
  {
    taskCode: null,
    what: "土壤点位全覆盖",
    responsibleUnit: "土壤环境科",
    dueDate: "2027-09-30",
    indicator: "11个县区",
  },
];
const saved = S.SAVE_MILESTONES.apply(drafting, { milestones: ms }, epb, T0);
const submitted = S.SUBMIT.apply(saved, {}, epb, T0 + HOUR);
const returned = S.RETURN.apply(submitted, { reason: "考核指标需量化" }, steering, T0 + 2 * HOUR);
const approved = S.APPROVE.apply(S.SUBMIT.apply(returned, {}, epb, T0 + 3 * HOUR), {}, steering, T0 + 4 * HOUR);

describe("annual work plan process", () => {
  it("opens as a draft, titled in words, waiting for the department by the end of its due day", () => {
    expect(drafting).toMatchObject({ status: "DRAFTING", revision: 0, returns: [], milestones: [] });
    expect(p.title(drafting)).toEqual({
      zh: "市环保局 2027年度工作计划",
      en: "Environmental Protection Bureau — 2027 annual work plan",
    });
    expect(p.waitingFor(drafting)).toEqual([
      {
        what: "SUBMIT_WORK_PLAN",
        who: "dept:epb",
        zh: "市环保局编制并提交2027年度工作计划",
        en: "Environmental Protection Bureau to draft and submit its 2027 work plan",
        deadline: "2027-03-31T16:00:00.000Z",
      },
    ]);
  });

  it("SAVE_MILESTONES: only the department itself, while drafting or returned", () => {
    const rule = S.SAVE_MILESTONES;
    expect(rule.allowed(drafting, epb, T0)).toBeNull();
    for (const actor of [water, steering, inspector])
      expect(rule.allowed(drafting, actor, T0)).toMatchObject({
        code: "FORBIDDEN",
        zh: expect.stringContaining("市环保局"),
      });
    expect(rule.allowed(returned, epb, T0)).toBeNull();
    expect(rule.allowed(submitted, epb, T0)).toMatchObject({ code: "INVALID_STATE" });
    expect(rule.allowed(approved, epb, T0)).toMatchObject({ code: "INVALID_STATE" });
    expect(saved.milestones.map((x) => [x.ordinal, x.status, x.overdue])).toEqual([
      [1, "OPEN", false],
      [2, "OPEN", false],
    ]);
    expect(saved.milestonesSavedAt).toBe(p.iso(T0));
  });

  it("SAVE_MILESTONES refuses, by the form's labels, rows left empty and dates outside today … the plan's year end", () => {
    const check = (milestones: p.MilestoneInput[], now = T0) =>
      refusalOf(S.SAVE_MILESTONES, drafting, epb, { milestones }, now);
    expect(check([])).toMatchObject({ code: "BAD_INPUT", zh: "请至少填写一个工作节点" });
    expect(check([{ ...ms[0], what: " ", indicator: "" }])).toMatchObject({
      code: "BAD_INPUT",
      zh: "第1个节点：请填写工作内容、衡量指标",
    });
    expect(check([ms[0], { ...ms[1], dueDate: "2027-02-28" }])?.zh).toBe(
      "第2个节点完成时限应在2027-03-01至2027-12-31之间",
    );
    expect(check([{ ...ms[0], dueDate: "2028-01-01" }])?.en).toBe(
      "milestone 1: the due date must be between 2027-03-01 and 2027-12-31",
    );
    expect(check([{ ...ms[0], dueDate: "2027-02-30" }])?.zh).toBe("第1个节点：请填写完成时限（年-月-日）");
    // A month that does not exist is refused the same way, not thrown (Date of an impossible month is invalid).
    expect(check([{ ...ms[0], dueDate: "2027-13-01" }])?.zh).toBe("第1个节点：请填写完成时限（年-月-日）");
    expect(check([{ ...ms[0], dueDate: "" }])?.zh).toBe("第1个节点：请填写完成时限（年-月-日）");
    // Today itself is allowed; "today" is the day in Shanghai (2027-03-01 00:30 there is still 2027-02-28 in UTC).
    expect(check([{ ...ms[0], dueDate: "2027-03-01" }], Date.parse("2027-03-01T00:30:00+08:00"))).toBeNull();
    expect(check(ms, Date.parse("2028-01-01T08:00:00+08:00"))).toMatchObject({
      zh: "2027年已结束，不能再设置该年度的工作节点",
    });
    expect(check(ms)).toBeNull();
  });

  it("SUBMIT: not yet without a saved milestone (a page says why); then once, counting revisions", () => {
    expect(S.SUBMIT.allowed(drafting, epb, T0)).toMatchObject({
      code: "NOT_YET",
      zh: "请先保存至少一个工作节点再提交",
    });
    expect(S.SUBMIT.allowed(saved, steering, T0)).toMatchObject({ code: "FORBIDDEN" });
    expect(S.SUBMIT.allowed(saved, epb, T0)).toBeNull();
    expect(submitted).toMatchObject({ status: "SUBMITTED", revision: 1, submittedAt: p.iso(T0 + HOUR) });
    expect(S.SUBMIT.allowed(submitted, epb, T0)).toMatchObject({
      code: "INVALID_STATE",
      zh: expect.stringContaining("不能重复提交"),
    });
    expect(S.SUBMIT.allowed(approved, epb, T0)).toMatchObject({ code: "INVALID_STATE", zh: "计划已批准，不能再提交" });
    expect(p.waitingFor(submitted)).toEqual([
      expect.objectContaining({
        what: "REVIEW_WORK_PLAN",
        who: "role:STEERING_GROUP",
        zh: expect.stringContaining("第1稿"),
      }),
    ]);
  });

  it("RETURN: the steering group, a submitted plan, with a reason; every return is kept", () => {
    expect(S.RETURN.allowed(submitted, epb, T0)).toMatchObject({ code: "FORBIDDEN" });
    expect(S.RETURN.allowed(saved, steering, T0)).toMatchObject({ code: "NOT_YET" });
    expect(refusalOf(S.RETURN, submitted, steering, { reason: "  " }, T0)).toMatchObject({
      code: "BAD_INPUT",
      zh: "退回必须说明原因",
    });
    expect(returned).toMatchObject({
      status: "RETURNED",
      returnReason: "考核指标需量化",
      returns: [{ revision: 1, reason: "考核指标需量化", at: p.iso(T0 + 2 * HOUR) }],
    });
    expect(p.waitingFor(returned)[0]).toMatchObject({
      who: "dept:epb",
      zh: "市环保局按退回意见修改并重新提交2027年度工作计划",
    });
    const twice = S.RETURN.apply(
      S.SUBMIT.apply(returned, {}, epb, T0 + 3 * HOUR),
      { reason: "补充经费" },
      steering,
      T0,
    );
    expect(twice.returns.map((r) => [r.revision, r.reason])).toEqual([
      [1, "考核指标需量化"],
      [2, "补充经费"],
    ]);
  });

  it("SUBMIT warns when the milestones are unchanged since the return, and not once they are saved again", () => {
    expect(S.SUBMIT.warn?.(returned, epb, T0)?.zh).toContain("退回后尚未修改工作节点");
    const revised = S.SAVE_MILESTONES.apply(returned, { milestones: ms }, epb, T0 + 3 * HOUR);
    expect(S.SUBMIT.warn?.(revised, epb, T0)).toBeNull();
    expect(S.SUBMIT.warn?.(saved, epb, T0)).toBeNull();
  });

  it("APPROVE: the steering group, once submitted; the baseline then waits for each open milestone", () => {
    expect(S.APPROVE.allowed(saved, steering, T0)).toMatchObject({ code: "NOT_YET", zh: "部门提交计划后才能审核" });
    expect(S.APPROVE.allowed(submitted, epb, T0)).toMatchObject({ code: "FORBIDDEN" });
    expect(S.APPROVE.allowed(submitted, steering, T0)).toBeNull();
    expect(approved).toMatchObject({ status: "APPROVED", revision: 2, approvedAt: p.iso(T0 + 4 * HOUR) });
    expect(S.APPROVE.allowed(approved, steering, T0)).toMatchObject({ code: "INVALID_STATE" });
    expect(p.waitingFor(approved)).toEqual([
      expect.objectContaining({ what: "COMPLETE_MILESTONE:1", who: "dept:epb", deadline: "2027-06-30T16:00:00.000Z" }),
      expect.objectContaining({ what: "COMPLETE_MILESTONE:2", zh: "市环保局完成节点2：土壤点位全覆盖" }),
    ]);
  });

  it("COMPLETE_MILESTONE: the department, once approved, an open milestone with a note", () => {
    const rule = S.COMPLETE_MILESTONE;
    expect(rule.allowed(submitted, epb, T0)).toMatchObject({ code: "NOT_YET", zh: "计划批准后才能标记节点完成" });
    expect(rule.allowed(approved, water, T0)).toMatchObject({ code: "FORBIDDEN" });
    expect(rule.allowed(approved, steering, T0)).toMatchObject({ code: "FORBIDDEN" });
    expect(refusalOf(rule, approved, epb, { ordinal: 3, note: "x" }, T0)).toMatchObject({ code: "BAD_INPUT" });
    expect(refusalOf(rule, approved, epb, { ordinal: 1, note: " " }, T0)).toMatchObject({ code: "BAD_INPUT" });
    const one = rule.apply(approved, { ordinal: 1, note: "已选址" }, epb, T0 + DAY);
    expect(one.milestones[0]).toMatchObject({ status: "DONE", completionNote: "已选址", completedAt: p.iso(T0 + DAY) });
    expect(refusalOf(rule, one, epb, { ordinal: 1, note: "again" }, T0)).toMatchObject({ code: "CONFLICT" });
    expect(p.waitingFor(one).map((w) => w.what)).toEqual(["COMPLETE_MILESTONE:2"]);
    const both = rule.apply(one, { ordinal: 2, note: "全覆盖" }, epb, T0 + 2 * DAY);
    expect(p.allMilestonesDone(both)).toBe(true);
    expect(rule.allowed(both, epb, T0)).toMatchObject({ code: "INVALID_STATE" });
    const completed = p.complete(both, T0 + 2 * DAY);
    expect(completed).toMatchObject({ status: "COMPLETED", completedAt: p.iso(T0 + 2 * DAY) });
    expect(p.waitingFor(completed)).toEqual([]);
    for (const step of Object.values(S)) expect(step.allowed(completed, epb, T0)?.code).not.toBeUndefined();
  });

  it("offers each viewer what they may do now, and what comes later with the reason", () => {
    const steps = (state: p.WorkPlanState, actor: Actor | null) =>
      offeredActions(S, state, actor, T0).map((a) => [a.step, a.enabled]);
    expect(steps(drafting, epb)).toEqual([
      ["SAVE_MILESTONES", true],
      ["SUBMIT", false],
      ["COMPLETE_MILESTONE", false],
    ]);
    expect(steps(drafting, steering)).toEqual([
      ["APPROVE", false],
      ["RETURN", false],
    ]);
    expect(steps(submitted, steering)).toEqual([
      ["APPROVE", true],
      ["RETURN", true],
    ]);
    expect(steps(submitted, epb)).toEqual([["COMPLETE_MILESTONE", false]]);
    expect(steps(approved, epb)).toEqual([["COMPLETE_MILESTONE", true]]);
    expect(steps(approved, steering)).toEqual([]);
    expect(steps(saved, water)).toEqual([]);
    expect(steps(saved, inspector)).toEqual([]);
    expect(steps(saved, null)).toEqual([]);
    expect(offeredActions(S, returned, epb, T0).find((a) => a.step === "SUBMIT")?.warning).not.toBeNull();
  });

  it("times the submission and each milestone in Asia/Shanghai days", () => {
    expect(p.submissionDeadline(drafting)).toBe(Date.parse("2027-04-01T00:00:00+08:00"));
    expect(p.submissionReminderAt(drafting, 3)).toBe(Date.parse("2027-03-28T09:00:00+08:00"));
    expect(p.remindSubmission(drafting, T0).remindedAt).toBe(p.iso(T0));
    expect(p.escalateSubmission(drafting, T0).escalatedAt).toBe(p.iso(T0));
    expect([p.reviewed(submitted), p.awaitingReview(submitted), p.reviewed(approved)]).toEqual([false, true, true]);
    const first = approved.milestones[0];
    expect(p.milestoneDeadline(first)).toBe(Date.parse("2027-07-01T00:00:00+08:00"));
    expect(p.milestoneReminderAt(first, 7)).toBe(Date.parse("2027-06-23T09:00:00+08:00"));
    expect(p.remindMilestone(approved, 1, T0).milestones[0].remindedAt).toBe(p.iso(T0));
    const late = p.escalateMilestone(approved, 2, T0);
    expect(late.milestones[1]).toMatchObject({ overdue: true, escalatedAt: p.iso(T0) });
    expect(late.milestones[0].overdue).toBe(false);
    // Done late: it stays marked overdue (the record says it was late).
    const doneLate = S.COMPLETE_MILESTONE.apply(late, { ordinal: 2, note: "补做" }, epb, T0);
    expect(doneLate.milestones[1]).toMatchObject({ status: "DONE", overdue: true });
    expect(p.milestoneDone(doneLate, 2)).toBe(true);
  });

  it("times a plan's deadlines on Shanghai days (the arithmetic itself: workflows/common/calendar.test.ts)", () => {
    const due = (dueDate: string) => ({ ...drafting, dueDate });
    expect(p.submissionDeadline(due("2027-02-28"))).toBe(Date.parse("2027-03-01T00:00:00+08:00"));
    expect(p.submissionDeadline(due("2028-02-29"))).toBe(Date.parse("2028-03-01T00:00:00+08:00"));
    expect(p.submissionReminderAt(due("2027-03-01"), 1)).toBe(Date.parse("2027-02-28T09:00:00+08:00"));
    expect(p.submissionReminderAt(due("2027-01-01"), 0)).toBe(Date.parse("2027-01-01T09:00:00+08:00"));
  });

  it("describes every step it records in words, older records too", () => {
    for (const kind of [
      "OPEN",
      "SAVE_MILESTONES",
      "SUBMIT",
      "RETURN",
      "APPROVE",
      "COMPLETE_MILESTONE",
      "REMIND",
      "ESCALATE",
      "MILESTONE_REMIND",
      "MILESTONE_OVERDUE",
      "COMPLETE",
    ])
      expect(p.describeEvent(kind, {})).toEqual({ zh: expect.any(String), en: expect.any(String) });
    expect(p.describeEvent("SUBMIT", { revision: 2, onTime: true })).toEqual({
      zh: "提交了年度工作计划（第2稿，按时）",
      en: "submitted the work plan (revision 2, on time)",
    });
    expect(p.describeEvent("RETURN", { revision: 1, reason: "考核指标需量化" })?.zh).toBe(
      "退回了第1稿：考核指标需量化",
    );
    expect(p.describeEvent("COMPLETE_MILESTONE", { ordinal: 2, what: "土壤点位全覆盖", note: "已全覆盖" })?.zh).toBe(
      "完成了节点2“土壤点位全覆盖”：已全覆盖",
    );
    expect(p.describeEvent("MILESTONE_OVERDUE", { ordinal: 2 })?.en).toBe(
      "Milestone 2 is overdue: escalated to the steering group",
    );
    expect(p.describeEvent("UNKNOWN", {})).toBeNull();
  });

  describe("on working days (docs/decisions/019)", () => {
    // The 2026 schedule's 国庆 as the State Council's notice gives it: 1–7 October off, Sunday 20 September and
    // Saturday 10 October worked. A literal, so this test reads without the package.
    const cal: WorkCalendar = {
      holidays: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
      makeUpDays: ["2026-09-20", "2026-10-10"],
      coveredThrough: 2026,
    };
    const plan2026 = { ...drafting, year: 2026, dueDate: "2026-10-08", requestedDueDate: "2026-10-01" };
    const at = (day: string, time: string) => Date.parse(`${day}T${time}+08:00`);
    const milestone = (dueDate: string): p.MilestoneInput => ({ ...ms[0], dueDate });
    const withMilestones = (...days: string[]) =>
      S.SAVE_MILESTONES.apply(plan2026, { milestones: days.map(milestone) }, epb, at("2026-09-01", "10:00:00"));

    it("keeps the day a drafting deadline was entered on when the API moved it", () => {
      expect(p.initialState({ ...plan2026 })).toMatchObject({ dueDate: "2026-10-08", requestedDueDate: "2026-10-01" });
      expect(drafting.requestedDueDate).toBeUndefined();
    });

    it("moves a milestone due on a holiday or a weekend to the next working day and keeps the day entered", () => {
      const moved = p.milestonesOnWorkingDays(withMilestones("2026-10-01", "2026-10-10", "2026-10-11"), cal);
      expect(moved.milestones.map((x) => [x.dueDate, x.requestedDueDate])).toEqual([
        ["2026-10-08", "2026-10-01"], // 国庆
        ["2026-10-10", undefined], // a Saturday 调休: a working day, not moved
        ["2026-10-12", "2026-10-11"], // a Sunday
      ]);
      // Applied again (a replayed step), nothing changes: the day entered is kept, not the moved one.
      expect(p.milestonesOnWorkingDays(moved, cal)).toEqual(moved);
      // Without a calendar (a plan opened before working days) the days stay as entered.
      const legacy = withMilestones("2026-10-01");
      expect(p.milestonesOnWorkingDays(legacy, undefined)).toBe(legacy);
    });

    it("reminds `leadDays` working days before and escalates at the end of the working due day", () => {
      // 3 working days before 8 October skips the holiday: Monday 28 September (3 calendar days: 5 October).
      expect(p.submissionReminderAt(plan2026, 3, cal)).toBe(at("2026-09-28", "09:00:00"));
      expect(p.submissionReminderAt(plan2026, 3)).toBe(at("2026-10-05", "09:00:00"));
      expect(p.submissionDeadline(plan2026, cal)).toBe(at("2026-10-09", "00:00:00"));
      const [first] = p.milestonesOnWorkingDays(withMilestones("2026-10-03"), cal).milestones;
      expect(first.dueDate).toBe("2026-10-08");
      expect(p.milestoneReminderAt(first, 3, cal)).toBe(at("2026-09-28", "09:00:00"));
      expect(p.milestoneDeadline(first, cal)).toBe(at("2026-10-09", "00:00:00"));
      // A make-up Saturday counts: 2 working days before Monday 12 October are Friday 9th and Saturday 10th.
      const [monday] = withMilestones("2026-10-12").milestones;
      expect(p.milestoneReminderAt(monday, 2, cal)).toBe(at("2026-10-09", "09:00:00"));
    });

    it("says in the activity log when the drafting deadline was moved", () => {
      expect(p.describeEvent("OPEN", { dueDate: "2026-10-08", requestedDueDate: "2026-10-01" })).toEqual({
        zh: "要求编制年度工作计划（截止日期2026-10-08，原定2026-10-01，顺延至工作日）",
        en: "asked for the annual work plan (due 2026-10-08; entered as 2026-10-01, moved to the next working day)",
      });
    });
  });
});
