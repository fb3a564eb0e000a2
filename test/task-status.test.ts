// A task's status derived from its facts (docs/decisions/014-task-status-from-facts.md), through /graphql on a real
// SQLite copy of the seeded plan. The facts the workflows mirror (reports, milestones, findings) are written here
// directly, as test/target-progress.test.ts does; the workflow suites prove the workflows write those rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeReadOnlySql, createDb } from "../app/utils/db.server";
import { createTestDb } from "./support/db";
import { graphqlClient, type GqlResult } from "./support/graphql";
import { counter, facts } from "./support/task-facts";

const base = createTestDb();
const statements = counter();
const db = createDb(base.url, { onStatement: statements.hook });
const gql = graphqlClient(db);
const add = facts(db);
afterAll(async () => {
  closeReadOnlySql(db);
  await Promise.all([db.$disconnect(), base.db.$disconnect()]);
});

const SG = "steering@daqing.example";
const EPB = "epb@daqing.example";
const STATUS = `code status derivedStatus statusReasons { status zh en } override { status reason at by { name } }`;
const taskOf = async (code: string, as?: string) =>
  (await gql(`query($c: String!) { task(code: $c) { ${STATUS} } }`, { c: code }, as)).data.task;
const errorOf = (r: GqlResult) => r.errors?.[0]?.extensions;
const override = (code: string, status: string, reason: string, as: string | null = SG) =>
  gql(
    `mutation($c: String!, $s: TaskStatus!, $r: String!) { overrideTaskStatus(code: $c, status: $s, reason: $r) { ${STATUS} } }`,
    { c: code, s: status, r: reason },
    as ?? undefined,
  );
const clear = (code: string, as = SG) =>
  gql(`mutation($c: String!) { clearTaskStatusOverride(code: $c) { ${STATUS} } }`, { c: code }, as);

describe("a task whose dated target is past and unmet", () => {
  it("is OVERDUE, with the target and its date among the reasons (the public reads them)", async () => {
    const t = await taskOf("1.1");
    expect(t).toMatchObject({ status: "OVERDUE", derivedStatus: "OVERDUE", override: null });
    expect(t.statusReasons[0]).toMatchObject({ status: "OVERDUE" });
    expect(t.statusReasons.map((r: { zh: string }) => r.zh)).toContain(
      "目标“四个县空气质量自动监测站”期限2020-12-31，逾期未达成（3/4 已覆盖；未覆盖：林甸县）",
    );
    expect(t.statusReasons[0].en).toMatch(/due 2020-12-31 and is not met/);
  });

  it("can no longer be set to 正常推进 except by a recorded override with a reason", async () => {
    const old = await gql(`mutation { setTaskStatus(code: "1.1", status: ON_TRACK) { code } }`, {}, SG);
    expect(errorOf(old)?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const missing = await gql(`mutation { overrideTaskStatus(code: "1.1", status: ON_TRACK) { code } }`, {}, SG);
    expect(errorOf(missing)?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    for (const reason of ["", "   "]) {
      const r = await override("1.1", "ON_TRACK", reason);
      expect(errorOf(r)).toMatchObject({ code: "BAD_INPUT", zh: expect.stringMatching(/原因不能为空/) });
    }
    expect((await taskOf("1.1")).status).toBe("OVERDUE");
    expect(await db.auditEvent.count({ where: { entityType: "Task", entityId: "1.1" } })).toBe(0);
  });
});

describe("the steering group's override", () => {
  it("is refused to the public and to every other role, and nothing is written", async () => {
    expect(errorOf(await override("1.3", "ON_TRACK", "理由", null))?.code).toBe("UNAUTHENTICATED");
    for (const who of [EPB, "inspector@daqing.example", "zhaozhou@daqing.example"]) {
      expect(errorOf(await override("1.3", "ON_TRACK", "理由", who))?.code).toBe("FORBIDDEN");
      expect(errorOf(await clear("1.3", who))?.code).toBe("FORBIDDEN");
    }
    expect((await db.task.findUniqueOrThrow({ where: { code: "1.3" } })).statusOverride).toBeNull();
  });

  it("sets the status beside the derived one, recorded in the change history; the same again is UNCHANGED", async () => {
    const reason = "林甸县空气自动站已建成，待验收后录入站点名录";
    const r = await override("1.1", "ON_TRACK", reason);
    expect(r.errors).toBeUndefined();
    expect(r.data.overrideTaskStatus).toMatchObject({
      status: "ON_TRACK",
      derivedStatus: "OVERDUE",
      override: { status: "ON_TRACK", reason, by: { name: expect.any(String) } },
    });
    // The public reads the override and its reason, not who set it (a user's name is for signed-in readers).
    expect(await taskOf("1.1")).toMatchObject({ status: "ON_TRACK", override: { reason, by: null } });
    const history = await db.auditEvent.findMany({ where: { entityType: "Task", entityId: "1.1" } });
    expect(history.map((h) => [h.action, JSON.parse(h.changes)])).toEqual([
      ["OVERRIDE_STATUS", { statusOverride: [null, "ON_TRACK"], statusOverrideReason: [null, reason] }],
    ]);
    expect(errorOf(await override("1.1", "ON_TRACK", reason))?.code).toBe("UNCHANGED");
    expect(await db.auditEvent.count({ where: { entityType: "Task", entityId: "1.1" } })).toBe(1);
    // A filter by status reads the task's status: the override.
    const list = async (s: string) =>
      (await gql(`{ tasks(status: ${s}) { totalCount edges { node { code } } } }`)).data.tasks;
    expect((await list("ON_TRACK")).edges.map((e: { node: { code: string } }) => e.node.code)).toContain("1.1");
    const overdue = await list("OVERDUE");
    expect(overdue.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(["1.3", "2.2"]);
    expect(overdue.totalCount).toBe(2);
  });

  it("is withdrawn, and the derived status is the task's status again; withdrawing none is UNCHANGED", async () => {
    const r = await clear("1.1");
    expect(r.data.clearTaskStatusOverride).toMatchObject({
      status: "OVERDUE",
      derivedStatus: "OVERDUE",
      override: null,
    });
    const last = await db.auditEvent.findFirstOrThrow({
      where: { entityType: "Task", entityId: "1.1" },
      orderBy: { id: "desc" },
    });
    expect(last.action).toBe("CLEAR_STATUS_OVERRIDE");
    expect(errorOf(await clear("1.1"))?.code).toBe("UNCHANGED");
  });
});

describe("each rule", () => {
  it("COMPLETED when every target is met and none is a continuing duty", async () => {
    expect(await taskOf("1.2")).toMatchObject({
      derivedStatus: "COMPLETED",
      statusReasons: [{ zh: "全部1项目标已达成" }],
    });
    expect((await taskOf("2.2")).derivedStatus).toBe("OVERDUE");
    await db.target.update({ where: { code: "G-2020-BIG-DATA-PLATFORM" }, data: { achievedOn: new Date() } });
    expect((await taskOf("2.2")).derivedStatus).toBe("COMPLETED");
  });

  it("AT_RISK when a target is at risk; a recurring duty met this year is ON_TRACK, never COMPLETED", async () => {
    const before = await taskOf("1.4");
    expect(before.derivedStatus).toBe("AT_RISK");
    expect(before.statusReasons[0].zh).toMatch(/^目标“公布城市重要区域噪声监测结果”存在风险/);
    await add.dutyRecord("T1.4-NOISE-RESULTS-PUBLISHED");
    expect((await taskOf("1.4")).derivedStatus).toBe("ON_TRACK");
  });

  it("NOT_STARTED while nothing has happened; ON_TRACK once a report is submitted or a milestone done", async () => {
    for (const code of ["3.2", "3.3"]) expect((await taskOf(code)).derivedStatus).toBe("NOT_STARTED");
    await add.report("3.3", { status: "ACCEPTED", submittedAt: new Date() });
    await add.milestone("3.2", { status: "DONE" });
    for (const code of ["3.2", "3.3"]) expect((await taskOf(code)).derivedStatus).toBe("ON_TRACK");
  });

  it("DELAYED when a report is overdue (escalated, not submitted); AT_RISK when one was returned", async () => {
    await add.report("1.6", { status: "PENDING", overdue: true, period: "2026Q3" });
    const t = await taskOf("1.6");
    expect(t.derivedStatus).toBe("DELAYED");
    expect(t.statusReasons[0].zh).toBe("2026年第三季度市环保局的推进落实情况报告逾期未报送（截止2026-10-10，已升级）");
    await add.report("2.1", { status: "RETURNED", submittedAt: new Date(), period: "2026Q3" });
    expect(await taskOf("2.1")).toMatchObject({
      derivedStatus: "AT_RISK",
      statusReasons: [{ zh: "2026年第三季度市环保局的推进落实情况报告被退回，待重新报送" }],
    });
  });

  it("DELAYED when a milestone naming the task was missed", async () => {
    await add.milestone("3.1", { status: "OPEN", overdue: true });
    const t = await taskOf("3.1");
    expect(t.derivedStatus).toBe("DELAYED");
    expect(t.statusReasons[0].zh).toMatch(/^市环保局\d{4}年度工作计划节点\d+（\d{4}-\d\d-\d\d）逾期未完成$/);
  });

  it("DELAYED when a rectification of a finding on the task is overdue, not once it is reported", async () => {
    await add.finding(["4.2", "5.1"], { status: "OPEN", overdue: true });
    await add.finding(["5.2"], { status: "RECTIFICATION_REPORTED", overdue: true });
    for (const code of ["4.2", "5.1"]) {
      const t = await taskOf(code);
      expect(t.derivedStatus).toBe("DELAYED");
      expect(t.statusReasons[0].zh).toMatch(/专项督导检查（市环保局）问题1整改逾期（期限\d{4}-\d\d-\d\d）$/);
    }
    expect((await taskOf("5.2")).derivedStatus).toBe("NOT_STARTED");
  });

  it("the most severe fact wins, and every fact against the task is listed, most severe first", async () => {
    await add.report("1.3", { status: "PENDING", overdue: true, period: "2026Q2" });
    const t = await taskOf("1.3");
    expect(t.derivedStatus).toBe("OVERDUE");
    expect(t.statusReasons.map((r: { status: string }) => r.status)).toEqual(["OVERDUE", "DELAYED", "AT_RISK"]);
  });
});

describe("every task's status in a bounded number of SQL statements", () => {
  const QUERY = `{ tasks(first: 200) { totalCount edges { node { code ${STATUS} } } } }`;
  let small = 0;
  let large = 0;
  beforeAll(async () => {
    await override("5.3", "ON_TRACK", "已纳入年度计划");
    await statements.count(() => gql(QUERY, {}, SG)); // opens connections and warms caches
    small = await statements.count(() => gql(QUERY, {}, SG));
    await add.manyTasksWithFacts(30, (code) => override(code, "AT_RISK", `测试调整${code}`));
    large = await statements.count(() => gql(QUERY, {}, SG));
  });

  it("does not grow with tasks, reports, milestones, findings or overrides", async () => {
    expect(await db.task.count()).toBeGreaterThan(45);
    expect(await db.planMilestone.count()).toBeGreaterThan(30);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});
