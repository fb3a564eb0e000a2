// 发文登记 through /graphql: the steering group registers a document and gets the year's next 发文字号 in its series;
// registering the same document again (a retry) returns the same number; registrations racing each other take
// consecutive numbers with no gap and no duplicate; bad input and other roles are refused in both languages and
// nothing is written; the register pages by year.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useClock } from "../app/utils/clock.server";
import { createTestDb } from "./support/db";
import { graphqlClient, type GqlResult } from "./support/graphql";

const { db } = createTestDb();
const gql = graphqlClient(db);
const SG = "steering@daqing.example";
const REGISTER = `mutation($d: DocumentInput!) {
  registerDocument(document: $d) { number series year sequence title path registeredBy registeredAt }
}`;
const error = (r: GqlResult) => r.errors?.[0]?.extensions;
const INSPECTION = "inspection-2026-11-20-epb";

beforeAll(async () => {
  useClock(() => Date.parse("2026-12-01T09:00:00+08:00"));
  for (const [period, due] of [
    ["2026Q3", "2026-10-10"],
    ["2026Q4", "2027-01-10"],
  ])
    await db.reportingCycle.create({
      data: {
        workflowId: `cycle-${period}`,
        period,
        dueDate: new Date(`${due}T00:00:00+08:00`),
        status: "OPEN",
        openedAt: new Date(),
      },
    });
  const inspector = await db.user.findUniqueOrThrow({ where: { email: "inspector@daqing.example" } });
  const epb = await db.department.findUniqueOrThrow({ where: { code: "epb" } });
  await db.inspection.create({
    data: {
      workflowId: INSPECTION,
      title: "监测点位运维情况",
      inspectorId: inspector.id,
      inspectedDepartmentId: epb.id,
      taskCodes: "1.4",
      scheduledFor: new Date("2026-11-20T09:00:00+08:00"),
      status: "SCHEDULED",
    },
  });
});
afterAll(async () => {
  useClock(null);
  await db.$disconnect();
});

describe("发文登记", () => {
  it("gives the next number of the year, records who and when, and returns the same number on a retry", async () => {
    const first = await gql(REGISTER, { d: { cycle: "2026Q3" } }, SG);
    expect(first.errors).toBeUndefined();
    expect(first.data.registerDocument).toMatchObject({
      number: "庆生态改〔2026〕1号",
      series: "REPORT",
      year: 2026,
      sequence: 1,
      title: "2026年第三季度推进落实情况汇总",
      path: "/documents/cycles/2026Q3",
      registeredBy: expect.any(String),
      registeredAt: "2026-12-01T01:00:00.000Z",
    });
    const again = await gql(REGISTER, { d: { cycle: "2026Q3" } }, SG);
    expect(again.data.registerDocument).toEqual(first.data.registerDocument);

    const task = await gql(REGISTER, { d: { cycle: "2026Q3", task: "1.4" } }, SG);
    expect(task.data.registerDocument).toMatchObject({
      number: "庆生态改〔2026〕2号",
      title: "2026年第三季度推进落实情况汇总（任务1.4 声环境质量监测）",
      path: "/documents/cycles/2026Q3?task=1.4",
    });
    // Each prefix numbers its own series: the first 通报 is 督〔2026〕1号.
    const notice = await gql(REGISTER, { d: { inspection: INSPECTION } }, SG);
    expect(notice.data.registerDocument).toMatchObject({
      number: "庆生态改督〔2026〕1号",
      series: "NOTICE",
      title: "关于2026年11月20日对市环保局专项督导检查情况的通报",
    });
    const scorecard = await gql(REGISTER, { d: { scorecardYear: 2026 } }, SG);
    expect(scorecard.data.registerDocument).toMatchObject({
      number: "庆生态改〔2026〕3号",
      title: "2026年度部门推进落实工作考评情况",
      path: "/documents/scorecard/2026",
    });
  });

  it("numbers registrations that race each other consecutively, once per document", async () => {
    const docs = [
      { cycle: "2026Q4" },
      { cycle: "2026Q4", department: "epb" },
      { cycle: "2026Q4", department: "water" },
      { scorecardYear: 2026, department: "epb" },
    ];
    const results = await Promise.all([...docs, ...docs].map((d) => gql(REGISTER, { d }, SG)));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const numbers = results.map((r) => r.data.registerDocument.sequence as number);
    expect(numbers.slice(0, 4)).toEqual(numbers.slice(4));
    expect([...new Set(numbers)].sort((a, b) => a - b)).toEqual([4, 5, 6, 7]);
    expect(await db.documentRegistration.count({ where: { series: "REPORT", year: 2026 } })).toBe(7);
  });

  it("refuses other roles, the public and bad input in both languages, and writes nothing", async () => {
    const before = await db.documentRegistration.count();
    for (const who of ["epb@daqing.example", "inspector@daqing.example"]) {
      const r = await gql(REGISTER, { d: { cycle: "2026Q3", department: "water" } }, who);
      expect(error(r)).toMatchObject({
        code: "FORBIDDEN",
        zh: expect.stringContaining("专项小组"),
        en: expect.any(String),
      });
    }
    expect(error(await gql(REGISTER, { d: { cycle: "2026Q3", department: "water" } }))).toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const cases: [object, string, string][] = [
      [{}, "BAD_INPUT", "只指定一份公文"],
      [{ cycle: "2026Q3", inspection: INSPECTION }, "BAD_INPUT", "只指定一份公文"],
      [{ cycle: "2026Q3", task: "1.4", department: "epb" }, "BAD_INPUT", "按任务或按牵头单位之一"],
      [{ inspection: INSPECTION, task: "1.4" }, "BAD_INPUT", "仅适用于报送周期"],
      [{ inspection: INSPECTION, department: "epb" }, "BAD_INPUT", "仅适用于报送周期的汇总或考评"],
      [{ cycle: "2026Q3/../x" }, "BAD_INPUT", "取值无效"],
      [{ scorecardYear: 1999 }, "BAD_INPUT", "2000至2100"],
      [{ cycle: "2031Q1" }, "NOT_FOUND", "报送周期"],
      [{ cycle: "2026Q3", task: "9.9" }, "NOT_FOUND", "任务"],
      [{ inspection: "inspection-2026-01-01-none" }, "NOT_FOUND", "督导检查"],
    ];
    for (const [d, code, zh] of cases) {
      const r = await gql(REGISTER, { d }, SG);
      expect(error(r), JSON.stringify(d)).toMatchObject({
        code,
        zh: expect.stringContaining(zh),
        en: expect.any(String),
      });
      expect(r.errors![0].message).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(await db.documentRegistration.count()).toBe(before);
  });

  it("lists the register by year, a page at a time, and tells one document's standing", async () => {
    const LIST = `query($year: Int, $after: String) {
      documentRegisterYears
      documentRegisterConnection(year: $year, first: 3, after: $after) {
        totalCount startIndex pageInfo { hasNextPage endCursor } edges { node { number title } }
      }
    }`;
    const page1 = await gql(LIST, { year: 2026 }, SG);
    expect(page1.errors).toBeUndefined();
    expect(page1.data.documentRegisterYears).toEqual([2026]);
    const c1 = page1.data.documentRegisterConnection;
    expect(c1).toMatchObject({ totalCount: 8, startIndex: 1, pageInfo: { hasNextPage: true } });
    expect(c1.edges.map((e: any) => e.node.number)).toEqual([
      "庆生态改〔2026〕7号",
      "庆生态改〔2026〕6号",
      "庆生态改〔2026〕5号",
    ]);
    const page3 = await gql(LIST, { year: 2026, after: c1.pageInfo.endCursor }, SG);
    const c2 = page3.data.documentRegisterConnection;
    expect(c2.startIndex).toBe(4);
    expect(c2.edges[0].node.number).toBe("庆生态改〔2026〕4号");
    expect((await gql(LIST, { year: 2025 }, SG)).data.documentRegisterConnection.totalCount).toBe(0);
    expect(error(await gql(LIST, { year: 2026 }, "epb@daqing.example"))?.code).toBe("FORBIDDEN");

    const ONE = `query($d: DocumentInput!) { officialDocument(document: $d) { title path registration { number } } }`;
    const registered = await gql(ONE, { d: { cycle: "2026Q3" } }, SG);
    expect(registered.data.officialDocument.registration).toEqual({ number: "庆生态改〔2026〕1号" });
    const draft = await gql(ONE, { d: { cycle: "2026Q3", department: "finance" } }, SG);
    expect(draft.data.officialDocument).toEqual({
      title: "2026年第三季度推进落实情况汇总（市财政局）",
      path: "/documents/cycles/2026Q3?department=finance",
      registration: null,
    });
  });
});
