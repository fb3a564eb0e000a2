// 年度工作计划 end to end through the GraphQL API on the time-skipping server, at production lead times:
// drafted, refused steps, returned with a reason, approved as the baseline, milestone reminders and escalation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duplicates, timeSkippingHarness } from "./support/harness";
import { eventually } from "./support/temporal";
import { recordHistory } from "./support/histories";

let h: Awaited<ReturnType<typeof timeSkippingHarness>>;
beforeAll(async () => (h = await timeSkippingHarness()));
afterAll(() => h?.close());

const DAY = 24 * 3600_000;
const SG = "steering@daqing.example";
const EPB = "epb@daqing.example";
const PLAN = `workflowId status revision returnReason escalatedAt milestones { ordinal what status overdue remindedAt escalatedAt } waitingFor { what who }`;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
/** Runs a work-plan mutation whose variables are declared from their values: $id, $ms (milestones), $ordinal, $a (boolean), others strings. */
const call = (mutation: string, vars: Record<string, unknown>, as: string) => {
  const type = (k: string) => (k === "ms" ? "[MilestoneInput!]!" : k === "ordinal" ? "Int!" : typeof vars[k] === "boolean" ? "Boolean!" : "String!");
  const decl = Object.keys(vars).map((k) => `$${k}: ${type(k)}`).join(", ");
  return h.gql(`mutation(${decl}) { ${mutation} { ${PLAN} } }`, vars, as);
};

describe("annual work plan", () => {
  it("is drafted, returned with a reason, approved, and its milestones reminded and escalated", async () => {
    const open = await h.gql(`mutation($d: String!) { openWorkPlan(departmentCode: "epb", year: 2019, dueDate: $d) { ${PLAN} } }`, { d: await h.dayFromNow(14) }, SG);
    expect(open.errors).toBeUndefined();
    const id = open.data.openWorkPlan.workflowId;
    expect(id).toBe("workplan-2019-epb");
    await eventually(async () => h.mailTo(EPB, "WORKPLAN_OPENED").length === 1);

    const ms = [
      { taskCode: "1.1", what: "四个县空气自动站选址", responsibleUnit: "大气环境科", dueDate: await h.dayFromNow(30), indicator: "完成4个站点选址" },
      { taskCode: "1.3", what: "土壤点位全覆盖", responsibleUnit: "土壤环境科", dueDate: await h.dayFromNow(60), indicator: "11个县区均有点位" },
    ];
    expect(code(await call(`saveWorkPlanMilestones(workflowId: $id, milestones: $ms)`, { id, ms: [{ ...ms[0], dueDate: "2018-01-01" }] }, EPB))).toBe("BAD_INPUT");
    expect(code(await call(`saveWorkPlanMilestones(workflowId: $id, milestones: $ms)`, { id, ms }, "water@daqing.example"))).toBe("FORBIDDEN");
    expect(code(await call(`submitWorkPlan(workflowId: $id)`, { id }, EPB))).toBe("BAD_INPUT"); // no milestones yet
    expect((await call(`saveWorkPlanMilestones(workflowId: $id, milestones: $ms)`, { id, ms }, EPB)).data.saveWorkPlanMilestones.milestones).toHaveLength(2);
    expect(code(await call(`reviewWorkPlan(workflowId: $id, approve: $a)`, { id, a: true }, SG))).toBe("INVALID_STATE"); // not submitted

    expect((await call(`submitWorkPlan(workflowId: $id)`, { id }, EPB)).data.submitWorkPlan).toMatchObject({ status: "SUBMITTED", revision: 1 });
    expect(code(await call(`submitWorkPlan(workflowId: $id)`, { id }, EPB))).toBe("INVALID_STATE");
    expect(code(await call(`reviewWorkPlan(workflowId: $id, approve: $a)`, { id, a: true }, EPB))).toBe("FORBIDDEN");
    expect(code(await call(`reviewWorkPlan(workflowId: $id, approve: $a)`, { id, a: false }, SG))).toBe("BAD_INPUT"); // no reason
    const returned = await call(`reviewWorkPlan(workflowId: $id, approve: $a, reason: $r)`, { id, a: false, r: "考核指标需量化" }, SG);
    expect(returned.data.reviewWorkPlan).toMatchObject({ status: "RETURNED", returnReason: "考核指标需量化" });
    await eventually(async () => h.mailTo(EPB, "WORKPLAN_RETURNED").length === 1);
    expect(h.mailTo(EPB, "WORKPLAN_RETURNED")[0].text).toContain("考核指标需量化");

    await call(`submitWorkPlan(workflowId: $id)`, { id }, EPB);
    const approved = await call(`reviewWorkPlan(workflowId: $id, approve: $a)`, { id, a: true }, SG);
    expect(approved.data.reviewWorkPlan).toMatchObject({ status: "APPROVED", revision: 2 });
    expect(approved.data.reviewWorkPlan.waitingFor.map((w: { what: string }) => w.what)).toEqual(["COMPLETE_MILESTONE:1", "COMPLETE_MILESTONE:2"]);
    expect(code(await call(`saveWorkPlanMilestones(workflowId: $id, milestones: $ms)`, { id, ms }, EPB))).toBe("INVALID_STATE"); // frozen baseline

    // Milestone 1: reminded, then done in time. Milestone 2: overdue and escalated, then done late.
    await h.env.sleep(28 * DAY);
    await eventually(async () => h.mailTo(EPB, "MILESTONE_REMINDER").length === 1);
    const done1 = await call(`completeMilestone(workflowId: $id, ordinal: $ordinal, note: $n)`, { id, ordinal: 1, n: "4个站点已选址" }, EPB);
    expect(done1.data.completeMilestone.milestones[0]).toMatchObject({ status: "DONE", overdue: false });
    expect(code(await call(`completeMilestone(workflowId: $id, ordinal: $ordinal, note: $n)`, { id, ordinal: 1, n: "again" }, EPB))).toBe("INVALID_STATE");
    await h.env.sleep(35 * DAY);
    await eventually(async () => h.mailTo(SG, "MILESTONE_OVERDUE").length === 1);
    const late = await call(`completeMilestone(workflowId: $id, ordinal: $ordinal, note: $n)`, { id, ordinal: 2, n: "已全覆盖" }, EPB);
    expect(late.data.completeMilestone.milestones[1]).toMatchObject({ status: "DONE", overdue: true });
    await h.env.client.workflow.getHandle(id).result();
    expect((await h.gql(`{ workPlan(workflowId: "${id}") { status waitingFor { what } } }`, {}, SG)).data.workPlan).toEqual({ status: "COMPLETED", waitingFor: [] });
    expect(duplicates(h.smtp.received.map((m) => m.noticeKey))).toEqual([]);
    await recordHistory(h.env.client, id, "annual-work-plan");
  });

  it("reminds before the submission deadline and escalates a plan never submitted", async () => {
    const open = await h.gql(`mutation($d: String!) { openWorkPlan(departmentCode: "water", year: 2020, dueDate: $d) { workflowId } }`, { d: await h.dayFromNow(5) }, SG);
    const id = open.data.openWorkPlan.workflowId;
    await eventually(async () => h.mailTo("water@daqing.example", "WORKPLAN_OPENED").length === 1);
    await h.env.sleep(6 * DAY);
    await eventually(async () => h.mailTo("water@daqing.example", "WORKPLAN_REMINDER").length === 1);
    await eventually(async () => h.mailTo(SG, "WORKPLAN_OVERDUE").length === 1);
    expect(h.mailTo("steering.en@daqing.example", "WORKPLAN_OVERDUE")[0].subject).toBe("Overdue: Water Affairs Bureau's 2020 work plan");
    const plan = await h.gql(`{ workPlan(workflowId: "${id}") { status escalatedAt waitingFor { what who } } }`, {}, SG);
    expect(plan.data.workPlan).toMatchObject({ status: "DRAFTING", waitingFor: [{ what: "SUBMIT_WORK_PLAN", who: "water" }] });
    expect(plan.data.workPlan.escalatedAt).not.toBeNull();
  });
});
