// Every step of the linkage process, as plain functions: who may take it, when, what it refuses and what it changes.
import { describe, expect, it } from "vitest";
import { offeredActions, refusalOf, type Actor } from "../common/process";
import type { LinkageInput } from "./messages";
import * as p from "./process";

const T0 = Date.parse("2026-12-01T02:00:00Z");
const HOUR = 3600_000;
const input: LinkageInput = {
  alertId: 7,
  stationCode: "AIR-01",
  station: "萨尔图区空气站",
  areaId: 1,
  area: { zh: "萨尔图区", en: "Sartu District" },
  kind: { zh: "超标", en: "Exceedance" },
  occurredAt: "2026-12-01T01:30:00Z",
  responseHours: 48,
  frequencyFactor: 2,
  spotCheckRatio: 0.3,
  enforcementDepartmentId: 3,
  enforcementDepartmentCode: "epb",
  enforcementDepartment: { zh: "市环保局", en: "Environmental Protection Bureau" },
  monitoringDepartmentId: 9,
  openedBy: 1,
};
const epb: Actor = { userId: 5, role: "DEPARTMENT_MEMBER", departmentId: 3, areaId: null };
const water: Actor = { userId: 6, role: "DEPARTMENT_MEMBER", departmentId: 4, areaId: null };
const steering: Actor = { userId: 1, role: "STEERING_GROUP", departmentId: null, areaId: null };
const inspector: Actor = { userId: 8, role: "INSPECTOR", departmentId: null, areaId: null };
const open = p.initialState(input, T0);
const result = {
  onSiteAt: new Date(T0 + HOUR).toISOString(),
  jointMonitoring: true,
  violationFound: true,
  actionTaken: "立案",
};

describe("linkage process", () => {
  it("opens with the response deadline and waits for the enforcement department", () => {
    expect(open).toMatchObject({ status: "OPEN", openedAt: "2026-12-01T02:00:00.000Z" });
    expect(open.responseDeadline).toBe(new Date(T0 + 48 * HOUR).toISOString());
    expect(p.waitingFor(open)).toEqual([
      expect.objectContaining({ what: "RESPOND", who: "dept:epb", deadline: open.responseDeadline }),
    ]);
    expect(p.title(open)).toEqual({
      zh: "萨尔图区 超标报警 2026-12-01 测管联动",
      en: "Linkage case: Exceedance alert, Sartu District, 2026-12-01",
    });
  });

  it("RESPOND: the enforcement department or the steering group, once, while open", () => {
    expect(p.LINKAGE_STEPS.RESPOND.allowed(open, epb, T0)).toBeNull();
    expect(p.LINKAGE_STEPS.RESPOND.allowed(open, steering, T0)).toBeNull();
    expect(p.LINKAGE_STEPS.RESPOND.allowed(open, water, T0)).toMatchObject({ code: "FORBIDDEN" });
    expect(p.LINKAGE_STEPS.RESPOND.allowed(open, inspector, T0)).toMatchObject({ code: "FORBIDDEN" });
    const responded = p.LINKAGE_STEPS.RESPOND.apply(open, { note: "已派员" }, epb, T0 + HOUR);
    expect(responded).toMatchObject({ status: "RESPONDED", respondedAt: new Date(T0 + HOUR).toISOString() });
    expect(p.LINKAGE_STEPS.RESPOND.allowed(responded, epb, T0)).toMatchObject({ code: "INVALID_STATE" });
    expect(p.waitingFor(responded).map((w) => w.what)).toEqual(["RECORD_RESULT"]);
  });

  it("RECORD_RESULT: from the opening minute to now; going on site counts as the response", () => {
    const minuteBefore = new Date(T0 - 1).toISOString();
    // Opened at 02:00:40; a form's 02:00 (the opening minute) is accepted.
    const openedLate = p.initialState(input, T0 + 40_000);
    const sameMinute = new Date(T0).toISOString();
    expect(
      refusalOf(p.LINKAGE_STEPS.RECORD_RESULT, open, epb, { ...result, onSiteAt: minuteBefore }, T0 + 2 * HOUR),
    ).toMatchObject({ code: "BAD_INPUT", zh: expect.stringContaining("早于案件启动时间") });
    expect(
      refusalOf(p.LINKAGE_STEPS.RECORD_RESULT, openedLate, epb, { ...result, onSiteAt: sameMinute }, T0 + 2 * HOUR),
    ).toBeNull();
    expect(refusalOf(p.LINKAGE_STEPS.RECORD_RESULT, open, epb, result, T0 + HOUR - 1)).toMatchObject({
      code: "BAD_INPUT",
      en: expect.stringContaining("future"),
    });
    const recorded = p.LINKAGE_STEPS.RECORD_RESULT.apply(open, result, epb, T0 + 2 * HOUR);
    expect(recorded).toMatchObject({
      status: "RESULT_RECORDED",
      violationFound: true,
      respondedAt: recorded.resultRecordedAt,
    });
    expect(p.LINKAGE_STEPS.RECORD_RESULT.allowed(recorded, epb, T0)).toMatchObject({ code: "INVALID_STATE" });
  });

  it("CLOSE: not yet before the result is recorded (a page shows why), then once", () => {
    expect(p.LINKAGE_STEPS.CLOSE.allowed(open, epb, T0)).toMatchObject({ code: "NOT_YET" });
    const recorded = p.LINKAGE_STEPS.RECORD_RESULT.apply(open, result, epb, T0 + 2 * HOUR);
    const closed = p.LINKAGE_STEPS.CLOSE.apply(recorded, { summary: "已查处" }, epb, T0 + 3 * HOUR);
    expect(closed).toMatchObject({ status: "CLOSED", closingSummary: "已查处" });
    expect(p.waitingFor(closed)).toEqual([]);
    for (const step of Object.values(p.LINKAGE_STEPS))
      expect(step.allowed(closed, epb, T0)).toMatchObject({ code: "INVALID_STATE" });
  });

  it("offers each viewer only what they may do now, and what comes later with the reason", () => {
    const offered = offeredActions(p.LINKAGE_STEPS, open, epb, T0);
    expect(offered.map((a) => [a.step, a.enabled])).toEqual([
      ["RESPOND", true],
      ["RECORD_RESULT", true],
      ["CLOSE", false],
    ]);
    expect(offered[2].reason?.zh).toContain("请先录入");
    expect(offeredActions(p.LINKAGE_STEPS, open, water, T0)).toEqual([]);
    expect(offeredActions(p.LINKAGE_STEPS, open, null, T0)).toEqual([]);
  });

  it("reminds halfway through the response window and escalates at the deadline", () => {
    expect(p.reminderAt(open)).toBe(T0 + 24 * HOUR);
    expect(p.remind(open, T0 + 24 * HOUR).remindedAt).toBe(new Date(T0 + 24 * HOUR).toISOString());
    expect(p.escalate(open, T0 + 48 * HOUR).escalatedAt).toBe(new Date(T0 + 48 * HOUR).toISOString());
    expect(p.answered(open)).toBe(false);
  });

  it("describes every step it records in words", () => {
    for (const kind of ["OPEN", "RESPOND", "RESULT", "CLOSE", "REMIND", "ESCALATE"])
      expect(p.describeEvent(kind, {})).toEqual({ zh: expect.any(String), en: expect.any(String) });
    expect(p.describeEvent("RESULT", { violationFound: false })?.zh).toContain("未发现违法行为");
  });
});
