// 年度工作计划 end to end through the GraphQL API on the time-skipping server, at production lead times:
// drafted, refused steps, returned with a reason, approved as the baseline, milestone reminders and escalation; the
// actions each viewer is offered, the WaitingItem rows, and the workflow refusing a step the API was not asked about.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { update } from "../../app/utils/temporal.server";
import * as m from "../../workflows/work-plan/messages";
import { duplicates, timeSkippingHarness } from "./support/harness";
import { eventually } from "./support/temporal";
import { recordHistory } from "./support/histories";

let h: Awaited<ReturnType<typeof timeSkippingHarness>>;
beforeAll(async () => (h = await timeSkippingHarness()));
afterAll(() => h?.close());

const DAY = 24 * 3600_000;
const SG = "steering@daqing.example";
const EPB = "epb@daqing.example";
const PLAN = `workflowId title { zh en } status revision returnReason returns { revision reason } escalatedAt milestones { ordinal what status overdue remindedAt escalatedAt } waitingFor { what who }`;
const ACTIONS = `actions { step enabled reason { zh } }`;
/** The steps a viewer is offered on a plan: [step, enabled]. */
const offered = async (id: string, as: string) =>
  (
    (await h.gql(`query($id: String!) { workPlan(workflowId: $id) { ${ACTIONS} } }`, { id }, as)).data.workPlan
      .actions as { step: string; enabled: boolean }[]
  ).map((a) => [a.step, a.enabled]);
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
/** A plan year whose end is after every date the test uses (milestones fall within their plan's year). */
const planYear = async () => Number((await h.dayFromNow(60)).slice(0, 4));
/** Runs a work-plan mutation whose variables are declared from their values: $id, $ms (milestones), $ordinal, $a (boolean), others strings. */
const call = (mutation: string, vars: Record<string, unknown>, as: string) => {
  const type = (k: string) =>
    k === "ms"
      ? "[MilestoneInput!]!"
      : k === "ordinal"
        ? "Int!"
        : typeof vars[k] === "boolean"
          ? "Boolean!"
          : "String!";
  const decl = Object.keys(vars)
    .map((k) => `$${k}: ${type(k)}`)
    .join(", ");
  return h.gql(`mutation(${decl}) { ${mutation} { ${PLAN} } }`, vars, as);
};

describe("annual work plan", () => {
  // First: the API checks dates against the real clock, and after the next test's plan completes the time-skipping
  // server's clock has run far ahead of it.
  it("reminds before the submission deadline and escalates a plan never submitted", async () => {
    const year = await planYear();
    const open = await h.gql(
      `mutation($y: Int!, $d: String!) { openWorkPlan(departmentCode: "water", year: $y, dueDate: $d) { workflowId dueDate } }`,
      // 8 days out: its reminder, 3 working days before, lies ahead whatever weekday the test runs on.
      { y: year, d: await h.dayFromNow(8) },
      SG,
    );
    expect(open.errors).toBeUndefined();
    const id = open.data.openWorkPlan.workflowId;
    await eventually(async () => h.mailTo("water@daqing.example", "WORKPLAN_OPENED").length === 1);
    // A due date on a weekend moves to the next working day (docs/decisions/019): sleep past the day it is due on.
    const deadline = Date.parse(open.data.openWorkPlan.dueDate) + DAY;
    await h.env.sleep(deadline + 3600_000 - (await h.env.currentTimeMs()));
    await eventually(async () => h.mailTo("water@daqing.example", "WORKPLAN_REMINDER").length === 1);
    await eventually(async () => h.mailTo(SG, "WORKPLAN_OVERDUE").length === 1);
    expect(h.mailTo("steering.en@daqing.example", "WORKPLAN_OVERDUE")[0].subject).toBe(
      `Overdue: Water Affairs Bureau's ${year} work plan`,
    );
    const plan = await h.gql(
      `{ workPlan(workflowId: "${id}") { status escalatedAt waitingFor { what who } } }`,
      {},
      SG,
    );
    expect(plan.data.workPlan).toMatchObject({
      status: "DRAFTING",
      waitingFor: [{ what: "SUBMIT_WORK_PLAN", who: "dept:water" }],
    });
    expect(plan.data.workPlan.escalatedAt).not.toBeNull();
  });

  it("is drafted, returned with a reason, approved, and its milestones reminded and escalated", async () => {
    const year = await planYear();
    const open = await h.gql(
      `mutation($y: Int!, $d: String!) { openWorkPlan(departmentCode: "epb", year: $y, dueDate: $d) { ${PLAN} } }`,
      { y: year, d: await h.dayFromNow(14) },
      SG,
    );
    expect(open.errors).toBeUndefined();
    const id = open.data.openWorkPlan.workflowId;
    expect(id).toBe(`workplan-${year}-epb`);
    expect(open.data.openWorkPlan.title).toEqual({
      zh: `市环保局 ${year}年度工作计划`,
      en: `Environmental Protection Bureau — ${year} annual work plan`,
    });
    expect(await h.db.auditEvent.count({ where: { entityType: "AnnualWorkPlan", entityId: id, action: "OPEN" } })).toBe(
      1,
    );
    await eventually(async () => h.mailTo(EPB, "WORKPLAN_OPENED").length === 1);

    const ms = [
      {
        taskCode: "1.1",
        what: "四个县空气自动站选址",
        responsibleUnit: "大气环境科",
        dueDate: await h.dayFromNow(30),
        indicator: "完成4个站点选址",
      },
      {
        taskCode: "1.3",
        what: "土壤点位全覆盖",
        responsibleUnit: "土壤环境科",
        dueDate: await h.dayFromNow(60),
        indicator: "11个县区均有点位",
      },
    ];
    expect(
      code(
        await call(
          `saveWorkPlanMilestones(workflowId: $id, milestones: $ms)`,
          { id, ms: [{ ...ms[0], dueDate: "2018-01-01" }] },
          EPB,
        ),
      ),
    ).toBe("BAD_INPUT");
    expect(
      code(
        await call(
          `saveWorkPlanMilestones(workflowId: $id, milestones: $ms)`,
          { id, ms: [{ ...ms[0], dueDate: `${year + 1}-01-31` }] },
          EPB,
        ),
      ),
    ).toBe("BAD_INPUT");
    expect(
      code(await call(`saveWorkPlanMilestones(workflowId: $id, milestones: $ms)`, { id, ms }, "water@daqing.example")),
    ).toBe("FORBIDDEN");
    // The steering group reviews the plan; it does not write it.
    expect(code(await call(`saveWorkPlanMilestones(workflowId: $id, milestones: $ms)`, { id, ms }, SG))).toBe(
      "FORBIDDEN",
    );
    // Not yet: a page shows the reason beside a disabled step, and the API refuses it with the same words.
    expect(await offered(id, EPB)).toEqual([
      ["SAVE_MILESTONES", true],
      ["SUBMIT", false],
      ["COMPLETE_MILESTONE", false],
    ]);
    expect(await offered(id, SG)).toEqual([
      ["APPROVE", false],
      ["RETURN", false],
    ]);
    const early = await call(`submitWorkPlan(workflowId: $id)`, { id }, EPB);
    expect(early.errors?.[0].extensions).toMatchObject({ code: "INVALID_STATE", notYet: true });
    expect(early.errors?.[0].message).toContain("请先保存至少一个工作节点再提交");
    // The workflow applies the same rules to an update the API never vetted.
    const water = await h.db.user.findFirstOrThrow({ where: { email: "water@daqing.example" } });
    await expect(
      update(id, m.saveMilestones, {
        actor: { userId: water.id, role: "DEPARTMENT_MEMBER", departmentId: water.departmentId, areaId: null },
        milestones: ms,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      (await call(`saveWorkPlanMilestones(workflowId: $id, milestones: $ms)`, { id, ms }, EPB)).data
        .saveWorkPlanMilestones.milestones,
    ).toHaveLength(2);
    // The same milestones again: nothing saved, nothing recorded.
    const events = await h.db.workflowEvent.count({ where: { workflowId: id } });
    expect(code(await call(`saveWorkPlanMilestones(workflowId: $id, milestones: $ms)`, { id, ms }, EPB))).toBe(
      "UNCHANGED",
    );
    expect(await h.db.workflowEvent.count({ where: { workflowId: id } })).toBe(events);
    expect(code(await call(`reviewWorkPlan(workflowId: $id, approve: $a)`, { id, a: true }, SG))).toBe("INVALID_STATE"); // not submitted

    expect((await call(`submitWorkPlan(workflowId: $id)`, { id }, EPB)).data.submitWorkPlan).toMatchObject({
      status: "SUBMITTED",
      revision: 1,
    });
    // What the plan waits for is mirrored as one row per party, under the plan's title.
    expect(
      await h.db.waitingItem.findMany({ where: { workflowId: id }, select: { who: true, titleZh: true } }),
    ).toEqual([{ who: "role:STEERING_GROUP", titleZh: `市环保局 ${year}年度工作计划` }]);
    expect(await offered(id, SG)).toEqual([
      ["APPROVE", true],
      ["RETURN", true],
    ]);
    expect(code(await call(`submitWorkPlan(workflowId: $id)`, { id }, EPB))).toBe("INVALID_STATE");
    expect(code(await call(`reviewWorkPlan(workflowId: $id, approve: $a)`, { id, a: true }, EPB))).toBe("FORBIDDEN");
    expect(code(await call(`reviewWorkPlan(workflowId: $id, approve: $a)`, { id, a: false }, SG))).toBe("BAD_INPUT"); // no reason
    const returned = await call(
      `reviewWorkPlan(workflowId: $id, approve: $a, reason: $r)`,
      { id, a: false, r: "考核指标需量化" },
      SG,
    );
    expect(returned.data.reviewWorkPlan).toMatchObject({ status: "RETURNED", returnReason: "考核指标需量化" });
    await eventually(async () => h.mailTo(EPB, "WORKPLAN_RETURNED").length === 1);
    expect(h.mailTo(EPB, "WORKPLAN_RETURNED")[0].text).toContain("考核指标需量化");

    await call(`submitWorkPlan(workflowId: $id)`, { id }, EPB);
    const approved = await call(`reviewWorkPlan(workflowId: $id, approve: $a)`, { id, a: true }, SG);
    // The reason of the returned revision stays readable after resubmission and approval.
    expect(approved.data.reviewWorkPlan).toMatchObject({
      status: "APPROVED",
      revision: 2,
      returns: [{ revision: 1, reason: "考核指标需量化" }],
    });
    expect(approved.data.reviewWorkPlan.waitingFor.map((w: { what: string }) => w.what)).toEqual([
      "COMPLETE_MILESTONE:1",
      "COMPLETE_MILESTONE:2",
    ]);
    expect(code(await call(`saveWorkPlanMilestones(workflowId: $id, milestones: $ms)`, { id, ms }, EPB))).toBe(
      "INVALID_STATE",
    ); // frozen baseline

    // Milestone 1: reminded, then done in time. Milestone 2: overdue and escalated, then done late.
    await h.env.sleep(28 * DAY);
    await eventually(async () => h.mailTo(EPB, "MILESTONE_REMINDER").length === 1);
    const done1 = await call(
      `completeMilestone(workflowId: $id, ordinal: $ordinal, note: $n)`,
      { id, ordinal: 1, n: "4个站点已选址" },
      EPB,
    );
    expect(done1.data.completeMilestone.milestones[0]).toMatchObject({ status: "DONE", overdue: false });
    expect(
      code(
        await call(
          `completeMilestone(workflowId: $id, ordinal: $ordinal, note: $n)`,
          { id, ordinal: 1, n: "again" },
          EPB,
        ),
      ),
    ).toBe("CONFLICT");
    await h.env.sleep(35 * DAY);
    await eventually(async () => h.mailTo(SG, "MILESTONE_OVERDUE").length === 1);
    const late = await call(
      `completeMilestone(workflowId: $id, ordinal: $ordinal, note: $n)`,
      { id, ordinal: 2, n: "已全覆盖" },
      EPB,
    );
    expect(late.data.completeMilestone.milestones[1]).toMatchObject({ status: "DONE", overdue: true });
    await h.env.client.workflow.getHandle(id).result();
    expect(
      (await h.gql(`{ workPlan(workflowId: "${id}") { status waitingFor { what } } }`, {}, SG)).data.workPlan,
    ).toEqual({ status: "COMPLETED", waitingFor: [] });
    expect(await h.db.waitingItem.count({ where: { workflowId: id } })).toBe(0);
    const log = await h.gql(`query($id: String!) { workflowEvents(workflowId: $id) { sentence { zh } } }`, { id }, SG);
    const sentences = log.data.workflowEvents.map((e: { sentence: { zh: string } }) => e.sentence.zh);
    expect(sentences).toEqual(
      expect.arrayContaining([
        // The due date may have moved off a weekend; the log then says so (docs/decisions/019).
        expect.stringMatching(
          /^市生态文明体制改革专项小组 .+ 要求编制年度工作计划（截止日期\d{4}-\d{2}-\d{2}(，原定\d{4}-\d{2}-\d{2}，顺延至工作日)?）$/,
        ),
        expect.stringMatching(/^市生态文明体制改革专项小组 .+ 退回了第1稿：考核指标需量化$/),
        expect.stringMatching(/^市环保局 .+ 提交了年度工作计划（第2稿，按时）$/),
        "节点2“土壤点位全覆盖”逾期未完成，系统已上报专项小组",
        "全部节点已完成，年度工作计划完成",
      ]),
    );
    expect(duplicates(h.smtp.received.map((m) => m.noticeKey))).toEqual([]);
    await recordHistory(h.env.client, id, "annual-work-plan");
  });
});
