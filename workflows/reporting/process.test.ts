// Every step of a progress report and of its cycle, as plain functions: who may take it, when, what it refuses,
// what it changes, and what the report then waits for.
import { describe, expect, it } from "vitest";
import { offeredActions, refusalOf, type Actor } from "../common/process";
import type { ReportInput } from "./messages";
import * as p from "./process";
import * as c from "./cycle";
import { describeReportEvent } from "./events";

const T0 = Date.parse("2027-04-01T02:00:00Z");
const DAY = 24 * 3600_000;
const input: ReportInput = {
  cycleWorkflowId: "cycle-2027Q1",
  period: "2027Q1",
  taskId: 4,
  taskCode: "1.4",
  taskTitle: { zh: "声环境质量监测", en: "Noise monitoring" },
  departmentId: 3,
  departmentCode: "epb",
  department: { zh: "市环保局", en: "Environmental Protection Bureau" },
  supporters: [
    { departmentId: 4, code: "water", name: { zh: "市水务局", en: "Water Affairs Bureau" } },
    { departmentId: 6, code: "finance", name: { zh: "市财政局", en: "Finance Bureau" } },
  ],
  dueDate: "2027-04-15",
  leadDays: 3,
};
const epb: Actor = { userId: 5, role: "DEPARTMENT_MEMBER", departmentId: 3, areaId: null };
const water: Actor = { userId: 6, role: "DEPARTMENT_MEMBER", departmentId: 4, areaId: null };
const finance: Actor = { userId: 7, role: "DEPARTMENT_MEMBER", departmentId: 6, areaId: null };
const land: Actor = { userId: 9, role: "DEPARTMENT_MEMBER", departmentId: 8, areaId: null };
const steering: Actor = { userId: 1, role: "STEERING_GROUP", departmentId: null, areaId: null };
const inspector: Actor = { userId: 8, role: "INSPECTOR", departmentId: null, areaId: null };
const S = p.REPORT_STEPS;
const pending = p.initialState(input);
const text = { progress: "已完成城市区域声环境监测点位布设。", taskStatus: "ON_TRACK" };
const submitted = S.SUBMIT.apply(pending, text, epb, T0);
const returned = S.RETURN.apply(submitted, { reason: "请补充各县区点位数量" }, steering, T0 + DAY);

describe("progress report process", () => {
  it("opens pending, titled in words, waiting for the lead and every supporting department by the due day", () => {
    expect(pending).toMatchObject({ status: "PENDING", deadline: "2027-04-15T16:00:00.000Z", versions: [] });
    expect(p.title(pending)).toEqual({
      zh: "2027年第一季度 · 1.4 声环境质量监测 · 市环保局",
      en: "Q1 2027 · 1.4 Noise monitoring · Environmental Protection Bureau",
    });
    expect(p.waitingFor(pending).map((w) => [w.what, w.who, w.deadline])).toEqual([
      ["SUBMIT_REPORT", "dept:epb", pending.deadline],
      ["CONTRIBUTE:water", "dept:water", pending.deadline],
      ["CONTRIBUTE:finance", "dept:finance", pending.deadline],
    ]);
  });

  it("CONTRIBUTE: a supporting department, its own input only, while the report is open", () => {
    expect(S.CONTRIBUTE.allowed(pending, water, T0)).toBeNull();
    for (const who of [epb, land, steering, inspector])
      expect(S.CONTRIBUTE.allowed(pending, who, T0)).toMatchObject({ code: "FORBIDDEN" });
    const once = S.CONTRIBUTE.apply(pending, { text: "已安排资金" }, finance, T0);
    const again = S.CONTRIBUTE.apply(once, { text: "已安排专项资金200万元" }, finance, T0 + 1000);
    expect(again.contributions).toEqual([
      { departmentId: 6, text: "已安排专项资金200万元", at: new Date(T0 + 1000).toISOString() },
    ]);
    expect(p.waitingFor(again).map((w) => w.what)).toEqual(["SUBMIT_REPORT", "CONTRIBUTE:water"]);
    expect(S.CONTRIBUTE.allowed(submitted, water, T0)).toMatchObject({ code: "INVALID_STATE" });
    expect(S.CONTRIBUTE.allowed(returned, water, T0)).toBeNull();
  });

  it("SAVE_DRAFT: the lead department (or the steering group for it) while open; the report stays pending", () => {
    expect(S.SAVE_DRAFT.allowed(pending, epb, T0)).toBeNull();
    expect(S.SAVE_DRAFT.allowed(pending, steering, T0)).toBeNull();
    expect(S.SAVE_DRAFT.allowed(pending, water, T0)).toMatchObject({
      code: "FORBIDDEN",
      zh: expect.stringContaining("市环保局"),
    });
    const draft = S.SAVE_DRAFT.apply(pending, { progress: "布设中", taskStatus: "AT_RISK" }, epb, T0);
    expect(draft).toMatchObject({ status: "PENDING", progress: "布设中", draftSavedAt: new Date(T0).toISOString() });
    expect(S.SAVE_DRAFT.allowed(submitted, epb, T0)).toMatchObject({ code: "INVALID_STATE" });
  });

  it("SUBMIT: keeps the version with the contributions as they stood; late after the due day; once", () => {
    const withWater = S.CONTRIBUTE.apply(pending, { text: "水质断面已联网" }, water, T0);
    const draft = S.SAVE_DRAFT.apply(withWater, { progress: "布设中", taskStatus: "AT_RISK" }, epb, T0);
    const onTime = S.SUBMIT.apply(draft, text, epb, T0 + DAY);
    expect(onTime).toMatchObject({ status: "SUBMITTED", late: false, draftSavedAt: undefined, ...text });
    expect(onTime.versions).toEqual([
      {
        version: 1,
        ...text,
        submittedAt: new Date(T0 + DAY).toISOString(),
        submittedById: epb.userId,
        late: false,
        contributions: withWater.contributions,
      },
    ]);
    const afterDeadline = Date.parse(pending.deadline) + 1;
    expect(S.SUBMIT.apply(pending, text, epb, afterDeadline)).toMatchObject({ late: true, versions: [{ late: true }] });
    expect(S.SUBMIT.allowed(onTime, epb, T0)).toMatchObject({
      code: "INVALID_STATE",
      en: "The report is already submitted and under review",
    });
    expect(S.SUBMIT.allowed(pending, finance, T0)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("SUBMIT warns about supporting departments not heard from; the reviewer is told too", () => {
    expect(S.SUBMIT.warn!(pending, epb, T0)).toEqual({
      zh: "配合部门市水务局、市财政局尚未提供配合情况",
      en: "Supporting departments not yet heard from: Water Affairs Bureau, Finance Bureau",
    });
    const both = S.CONTRIBUTE.apply(S.CONTRIBUTE.apply(pending, { text: "a" }, water, T0), { text: "b" }, finance, T0);
    expect(S.SUBMIT.warn!(both, epb, T0)).toBeNull();
    expect(p.waitingFor(submitted)).toEqual([
      expect.objectContaining({
        what: "REVIEW_REPORT",
        who: "role:STEERING_GROUP",
        zh: "专项小组审核市环保局的报告（未含市水务局、市财政局的配合情况）",
      }),
    ]);
  });

  it("RETURN: the steering group, a submitted report, with a reason; the text and the version are kept", () => {
    expect(S.RETURN.allowed(pending, steering, T0)).toMatchObject({ code: "NOT_YET" });
    expect(S.RETURN.allowed(submitted, epb, T0)).toMatchObject({ code: "FORBIDDEN" });
    expect(refusalOf(S.RETURN, submitted, steering, { reason: "  " }, T0)).toMatchObject({ code: "BAD_INPUT" });
    expect(refusalOf(S.RETURN, submitted, steering, { reason: "请补充" }, T0)).toBeNull();
    expect(returned).toMatchObject({ status: "RETURNED", returnReason: "请补充各县区点位数量", returnCount: 1 });
    expect(returned.progress).toBe(text.progress); // the department's form starts from the returned text
    expect(returned.versions[0]).toMatchObject({
      returnedAt: new Date(T0 + DAY).toISOString(),
      returnReason: "请补充各县区点位数量",
    });
    expect(p.waitingFor(returned)[0]).toMatchObject({ what: "SUBMIT_REPORT", zh: "市环保局按退回意见修改后重新报送" });
    expect(S.RETURN.allowed(returned, steering, T0)).toMatchObject({ code: "NOT_YET" });
  });

  it("a resubmission is version 2; ACCEPT settles it; nothing more is possible or awaited", () => {
    const again = S.SUBMIT.apply(returned, { ...text, progress: "已布设14个点位。" }, epb, T0 + 2 * DAY);
    expect(again.versions.map((v) => [v.version, v.progress, v.returnReason])).toEqual([
      [1, text.progress, "请补充各县区点位数量"],
      [2, "已布设14个点位。", undefined],
    ]);
    expect(S.ACCEPT.allowed(again, epb, T0)).toMatchObject({ code: "FORBIDDEN" });
    const accepted = S.ACCEPT.apply(again, {}, steering, T0 + 3 * DAY);
    expect(accepted).toMatchObject({ status: "ACCEPTED", acceptedAt: new Date(T0 + 3 * DAY).toISOString() });
    expect(accepted.versions[1].acceptedAt).toBe(accepted.acceptedAt);
    expect(p.waitingFor(accepted)).toEqual([]);
    for (const [step, rule] of Object.entries(S))
      for (const who of [epb, water, steering])
        expect(rule.allowed(accepted, who, T0), `${step}`).toMatchObject({
          code: expect.stringMatching(/INVALID_STATE|FORBIDDEN/),
        });
  });

  it("offers each viewer only what they may do now, and review later with the reason", () => {
    const steps = (s: p.ReportState, who: Actor | null) =>
      offeredActions(S, s, who, T0).map((a) => [a.step, a.enabled]);
    expect(steps(pending, epb)).toEqual([
      ["SAVE_DRAFT", true],
      ["SUBMIT", true],
    ]);
    expect(offeredActions(S, pending, epb, T0)[1].warning?.zh).toContain("尚未提供配合情况");
    expect(steps(pending, water)).toEqual([["CONTRIBUTE", true]]);
    expect(steps(pending, land)).toEqual([]);
    expect(steps(pending, steering)).toEqual([
      ["SAVE_DRAFT", true],
      ["SUBMIT", true],
      ["RETURN", false],
      ["ACCEPT", false],
    ]);
    expect(offeredActions(S, pending, steering, T0)[2].reason?.zh).toBe("报告报送后才能审核");
    expect(steps(submitted, steering)).toEqual([
      ["RETURN", true],
      ["ACCEPT", true],
    ]);
    expect(steps(submitted, epb)).toEqual([]);
    expect(steps(pending, null)).toEqual([]);
  });

  it("reminds before and on the due day, escalates after it; a submitted report is not chased", () => {
    expect(p.reminders(pending).map((r) => [new Date(r.at).toISOString(), r.point])).toEqual([
      ["2027-04-12T01:00:00.000Z", "REMINDER"],
      ["2027-04-15T01:00:00.000Z", "DUE_TODAY"],
    ]);
    expect(p.remind(pending, T0).remindedAt).toBe(new Date(T0).toISOString());
    expect(p.escalate(pending, T0)).toMatchObject({ overdue: true, escalatedAt: new Date(T0).toISOString() });
    expect([p.satisfied(pending), p.satisfied(submitted), p.finished(submitted)]).toEqual([false, true, false]);
  });

  it("describes every step it records in words", () => {
    for (const kind of [
      "OPEN",
      "CONTRIBUTE",
      "SAVE_DRAFT",
      "SUBMIT",
      "RETURN",
      "ACCEPT",
      "REMINDER",
      "DUE_TODAY",
      "ESCALATE",
    ])
      expect(describeReportEvent(kind, {}), kind).toEqual({ zh: expect.any(String), en: expect.any(String) });
    expect(describeReportEvent("SUBMIT", { late: false, version: 1, missing: [] })?.zh).toBe("报送了报告（按时）");
    expect(
      describeReportEvent("SUBMIT", {
        late: true,
        version: 2,
        missing: [{ zh: "市水务局", en: "Water Affairs Bureau" }],
      }),
    ).toEqual({
      zh: "重新报送了报告（逾期，第2版，市水务局未提供配合情况）",
      en: "resubmitted the report (late, version 2, without input from Water Affairs Bureau)",
    });
    expect(describeReportEvent("RETURN", { reason: "请补充" })?.zh).toBe("退回了报告：请补充");
    expect(describeReportEvent("UNKNOWN", {})).toBeNull();
  });
});

describe("reporting cycle process", () => {
  const open = c.initialCycle({ period: "2027Q1", dueDate: "2027-04-15", leadDays: 3, openedBy: 1 });

  it("is titled by its period and waits for every report to be accepted, by the due day", () => {
    expect(c.cycleTitle("2027Q1")).toEqual({ zh: "2027年第一季度推进落实情况报送", en: "Q1 2027 progress reporting" });
    expect(c.cycleWaitingFor(open)).toEqual([
      expect.objectContaining({
        what: "ACCEPT_ALL_REPORTS",
        who: "role:STEERING_GROUP",
        deadline: "2027-04-15T16:00:00.000Z",
      }),
    ]);
  });

  it("closes only when every fanned-out report is accepted (each counted once)", () => {
    expect(c.allAccepted(open)).toBe(false); // not yet fanned out
    let s = c.fannedOut(open, 2);
    s = c.reportAccepted(c.reportAccepted(s, "report-a"), "report-a");
    expect(c.allAccepted(s)).toBe(false);
    s = c.reportAccepted(s, "report-b");
    expect(c.allAccepted(s)).toBe(true);
    expect(c.cycleWaitingFor(c.close(s))).toEqual([]);
    expect(c.describeCycleEvent("FAN_OUT", { reports: 31 })?.zh).toBe("已向各牵头部门发出31份报告要求");
  });
});
