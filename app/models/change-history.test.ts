// The change history in sentences: each entity type's describer, in both languages, without codes or JSON.
import { describe, expect, it } from "vitest";
import { describeChange, UNKNOWN_CHANGE, type Names } from "./change-history";

const names: Names = {
  departments: new Map([["epb", { zh: "市环保局", en: "Environmental Protection Bureau" }]]),
  areas: new Map([["230621", { zh: "肇州县", en: "Zhaozhou County" }]]),
  users: new Map([["7", "王科长"]]),
};
const say = (entityType: string, entityId: string, action: string, changes: Record<string, unknown>) =>
  describeChange({ entityType, entityId, action, changes }, names);

describe("change history sentences", () => {
  it("a task's status override and its withdrawal", () => {
    expect(
      say("Task", "1.1", "OVERRIDE_STATUS", {
        statusOverride: [null, "ON_TRACK"],
        statusOverrideReason: [null, "已完成招标"],
      }),
    ).toEqual({
      zh: "将任务1.1的状态调整为正常推进：已完成招标",
      en: "set the status of task 1.1 to On track: 已完成招标",
    });
    expect(say("Task", "1.1", "CLEAR_STATUS_OVERRIDE", { statusOverride: ["DELAYED", null] }).zh).toBe(
      "撤销了对任务1.1状态的调整（滞后），恢复按事实判定的状态",
    );
  });

  it("a station's changes, field by field, with codes and times in words", () => {
    expect(
      say("Station", "DQ-1", "UPDATE", {
        name: ["A", "B"],
        mode: ["MANUAL", "AUTOMATIC"],
        commissionedOn: [null, "2019-04-30T16:00:00.000Z"],
      }),
    ).toEqual({
      zh: "修改了站点DQ-1：站点名称：A → B；监测方式：手工 → 自动；投运日期：（无） → 2019-05-01",
      en: "changed station DQ-1: name: A → B; mode: Manual → Automatic; commissioned on: (none) → 2019-05-01",
    });
  });

  it("a user's role and unit by name, and every other entity", () => {
    expect(
      say("User", "7", "UPDATE_ROLE", {
        role: { from: "DEPARTMENT_MEMBER", to: "AREA_IMPLEMENTER" },
        department: { from: "epb", to: null },
        area: { from: null, to: "230621" },
      }).zh,
    ).toBe(
      "修改了用户王科长的角色和所属单位：角色：部门人员 → 县区落实人员；所属单位：市环保局 → （无）；所属县区：（无） → 肇州县",
    );
    expect(say("ReportingCycle", "cycle-2026Q4", "OPEN", { period: "2026Q4", dueDate: "2027-01-15" }).zh).toBe(
      "开展了2026年第四季度推进落实情况报送，截止2027-01-15",
    );
    const moved = { period: "2026Q3", dueDate: "2026-10-08", requestedDueDate: "2026-10-01" };
    expect(say("ReportingCycle", "cycle-2026Q3", "OPEN", moved).zh).toBe(
      "开展了2026年第三季度推进落实情况报送，截止2026-10-08（原定2026-10-01，顺延至工作日）",
    );
    expect(say("AnnualWorkPlan", "x", "OPEN", { departmentCode: "epb", year: 2027, dueDate: "2027-01-31" }).en).toBe(
      "asked Environmental Protection Bureau for its 2027 annual work plan by 2027-01-31",
    );
    expect(say("User", "7", "CREATE", { role: "DEPARTMENT_MEMBER", department: "epb", area: null, by: "cli" }).zh).toBe(
      "新增了用户王科长：角色：部门人员；所属单位：市环保局；所属县区：（无）",
    );
    expect(say("Nope", "x", "WHATEVER", {})).toEqual(UNKNOWN_CHANGE);
  });

  it("never shows an action code, a field code or JSON", () => {
    const all = [
      say("Station", "DQ-1", "ADD", {
        name: "新站",
        element: "AIR",
        areaCode: "230621",
        mode: "MANUAL",
        status: "ACTIVE",
      }),
      say("Station", "DQ-1", "RETIRE", { retiredOn: "2020-01-01T16:00:00.000Z", reason: "搬迁" }),
      say("Alert", "9", "RECORD", {
        stationCode: "DQ-1",
        kind: "EXCEEDANCE",
        severity: "HIGH",
        occurredAt: "2026-11-30T02:05:00.000Z",
      }),
      say("Target", "T1", "SET_ACHIEVED", { achievedOn: [null, "2020-06-30T16:00:00.000Z"] }),
      say("User", "7", "DEACTIVATE", { active: false }),
    ];
    for (const s of all) expect(`${s.zh} ${s.en}`).not.toMatch(/[A-Z]{2,}_|[{}"]|\b(?:ACTIVE|MANUAL|AIR|HIGH)\b/);
    expect(all[2].zh).toBe("记录了站点DQ-1的超标报警（严重，2026-11-30 10:05）");
  });
});
