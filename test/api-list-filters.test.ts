// The work plans', inspections', linkage cases' and waiting items' connections, filtered and paged through the API:
// every filter the list pages offer (department, task, area, status, deadline range, overdue) narrows the rows and the
// count alike; following endCursor and paging back read each row once, soonest deadline first; a cursor that is not
// one, or names a row no longer in the list as filtered, is refused with BAD_INPUT in both languages. Rows are written
// straight into a copy of the seeded database, all dated 2001 so the deadline range isolates them from the seed's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./support/db";
import { graphqlClient, type GqlResult } from "./support/graphql";

const { db } = createTestDb();
const gql = graphqlClient(db);
afterAll(() => db.$disconnect());

const STEERING = "steering@daqing.example";
const WATER = "water@daqing.example";
const YEAR_2001 = { dueFrom: "2001-01-01", dueTo: "2001-12-31" };
const day = (n: number) => new Date(Date.UTC(2001, 0, 1 + n, 4)); // noon in Shanghai, 2001-01-(1+n)
const N = 25;

type Page = {
  totalCount: number;
  startIndex: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
  edges: { node: { workflowId: string } }[];
};

const connection = (field: string, args: string) => `
  query ($first: Int, $after: String, $last: Int, $before: String, ${args}) {
    ${field}(first: $first, after: $after, last: $last, before: $before, ${args
      .split(",")
      .map((a) => a.trim().split(":")[0].slice(1))
      .map((n) => `${n}: $${n}`)
      .join(", ")}) {
      totalCount
      startIndex
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { workflowId } }
    }
  }`;

const COMMON = "$dueFrom: Date, $dueTo: Date, $overdue: Boolean";
const LISTS = {
  inspectionsConnection: connection(
    "inspectionsConnection",
    `$departmentCode: String, $areaCode: String, $taskCode: String, $status: InspectionStatus, ${COMMON}`,
  ),
  workPlansConnection: connection(
    "workPlansConnection",
    `$departmentCode: String, $taskCode: String, $status: WorkPlanStatus, ${COMMON}`,
  ),
  linkageCasesConnection: connection("linkageCasesConnection", `$areaCode: String, $status: LinkageStatus, ${COMMON}`),
} as const;
type ListName = keyof typeof LISTS;

async function list(name: ListName, variables: Record<string, unknown>, as = STEERING): Promise<Page> {
  const r = await gql<Record<string, Page>>(LISTS[name], { first: 50, ...YEAR_2001, ...variables }, as);
  if (r.errors) throw new Error(r.errors[0].message);
  return r.data![name];
}
const ids = (p: Page) => p.edges.map((e) => e.node.workflowId);

/** Every row by following endCursor, with each page's startIndex; then back from the last page to the first. */
async function walk(name: ListName, variables: Record<string, unknown> = {}) {
  const forward: string[] = [];
  const starts: number[] = [];
  const pages: Page[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const p = await list(name, { first: 10, after, ...variables });
    pages.push(p);
    starts.push(p.startIndex);
    forward.push(...ids(p));
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  const back = await list(name, { first: null, last: 10, before: pages[1].pageInfo.startCursor, ...variables });
  return { forward, starts, total: pages[0].totalCount, backToFirst: ids(back), first: ids(pages[0]) };
}

let departments: Record<string, number>;
let areas: number[];
beforeAll(async () => {
  const steering = await db.user.findUniqueOrThrow({ where: { email: STEERING } });
  departments = Object.fromEntries(
    (await db.department.findMany({ where: { code: { in: ["epb", "water"] } } })).map((d) => [d.code, d.id]),
  );
  const station = await db.station.findFirstOrThrow();
  const other = await db.area.findFirstOrThrow({ where: { id: { not: station.areaId } } });
  areas = [station.areaId, other.id];
  // Created out of date order on purpose: row i is dated 2001-01-(1 + (i * 7) % 25).
  for (let i = 0; i < N; i++) {
    const when = day((i * 7) % N);
    const dept = i % 5 === 0 ? "water" : "epb";
    const inspection = await db.inspection.create({
      data: {
        workflowId: `t-inspection-${i}`,
        title: `检查${i}`,
        inspectorId: steering.id,
        inspectedDepartmentId: departments[dept],
        taskCodes: ["1.1,1.3", "1.10", "2.1,1.1,3.2", "3.2"][i % 4],
        scheduledFor: when,
        status: i % 3 === 0 ? "CLOSED" : "RECTIFYING",
      },
    });
    if (i % 6 === 1)
      await db.inspectionFinding.create({
        data: {
          inspectionId: inspection.id,
          ordinal: 1,
          description: "超期未整改",
          severity: "HIGH",
          requiresRectification: true,
          deadline: when,
          status: "OPEN",
          overdue: true,
        },
      });
    const plan = await db.annualWorkPlan.create({
      data: {
        workflowId: `t-plan-${i}`,
        departmentId: departments[dept],
        year: 1900 + i,
        dueDate: when,
        status: i % 2 === 0 ? "APPROVED" : "DRAFTING",
        openedAt: day(-30),
      },
    });
    if (i % 4 === 0)
      await db.planMilestone.create({
        data: {
          planId: plan.id,
          ordinal: 1,
          taskCode: "1.4",
          what: "建成",
          responsibleUnit: "市环保局",
          dueDate: when,
          indicator: "1",
          overdue: i % 8 === 0,
        },
      });
    const alert = await db.alert.create({
      data: {
        stationId: station.id,
        areaId: areas[i % 2],
        element: station.element,
        kind: "EXCEEDANCE",
        severity: "HIGH",
        status: "CASE_OPENED",
        occurredAt: when,
      },
    });
    await db.linkageCase.create({
      data: {
        workflowId: `t-case-${i}`,
        alertId: alert.id,
        areaId: areas[i % 2],
        status: i % 2 === 0 ? "OPEN" : "CLOSED",
        openedAt: when,
        responseDeadline: when,
        respondedAt: i % 2 === 0 ? null : when,
        frequencyFactor: 2,
        spotCheckRatio: 0.2,
      },
    });
  }
});

describe.each(["inspectionsConnection", "workPlansConnection", "linkageCasesConnection"] as const)("%s", (name) => {
  it("pages forward once through every row, soonest deadline first, and back to the first page", async () => {
    const w = await walk(name);
    expect(w.total).toBe(N);
    expect(w.starts).toEqual([1, 11, 21]);
    expect(new Set(w.forward).size).toBe(N);
    // Row i is dated (i * 7) % 25, so the order by date is the rows sorted by that.
    const prefix = w.forward[0].replace(/\d+$/, "");
    const expected = Array.from({ length: N }, (_, i) => i)
      .sort((a, b) => ((a * 7) % N) - ((b * 7) % N))
      .map((i) => `${prefix}${i}`);
    expect(w.forward).toEqual(expected);
    expect(w.backToFirst).toEqual(w.first);
  });

  it("a cursor that is not one, and one whose row is not in the list as filtered, are refused in both languages", async () => {
    const garbage = await gql(LISTS[name], { first: 5, after: "garbage" }, STEERING);
    expect(garbage.errors?.[0].extensions).toMatchObject({ code: "BAD_INPUT", zh: expect.stringContaining("游标") });
    expect(garbage.errors?.[0].extensions?.en).toMatch(/cursor/i);
    const all = await list(name, { first: 1 });
    // The first row of 2001 is outside a range that starts later: its cursor is stale there.
    const stale = await gql(
      LISTS[name],
      { first: 5, after: all.pageInfo.endCursor, dueFrom: "2001-01-10", dueTo: "2001-12-31" },
      STEERING,
    );
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: "BAD_INPUT",
      zh: expect.stringContaining("分页位置已失效"),
      en: expect.stringContaining("stale"),
    });
    expect(stale.data?.[name] ?? null).toBeNull();
  });
});

describe("filters narrow the rows and the count alike", () => {
  const count = async (name: ListName, v: Record<string, unknown>, as?: string) => {
    const p = await list(name, v, as);
    expect(p.edges).toHaveLength(Math.min(p.totalCount, 50));
    return p.totalCount;
  };
  const rows = (test: (i: number) => boolean) => Array.from({ length: N }, (_, i) => i).filter(test).length;

  it("inspections: department, task (whole codes only), status, date range, overdue", async () => {
    expect(await count("inspectionsConnection", { departmentCode: "water" })).toBe(rows((i) => i % 5 === 0));
    // "1.1" is in "1.1,1.3" and "2.1,1.1,3.2", not in "1.10".
    expect(await count("inspectionsConnection", { taskCode: "1.1" })).toBe(rows((i) => i % 4 === 0 || i % 4 === 2));
    expect(await count("inspectionsConnection", { taskCode: "1.10" })).toBe(rows((i) => i % 4 === 1));
    expect(await count("inspectionsConnection", { taskCode: "3.2" })).toBe(rows((i) => i % 4 >= 2));
    expect(await count("inspectionsConnection", { status: "CLOSED" })).toBe(rows((i) => i % 3 === 0));
    expect(await count("inspectionsConnection", { dueFrom: "2001-01-01", dueTo: "2001-01-05" })).toBe(5);
    expect(await count("inspectionsConnection", { overdue: true })).toBe(rows((i) => i % 6 === 1));
    expect(await count("inspectionsConnection", { overdue: true, departmentCode: "epb", status: "RECTIFYING" })).toBe(
      rows((i) => i % 6 === 1 && i % 5 !== 0 && i % 3 !== 0),
    );
  });

  it("work plans: department, task (a milestone's), status, date range, overdue; a department its own and approved", async () => {
    expect(await count("workPlansConnection", { departmentCode: "epb" })).toBe(rows((i) => i % 5 !== 0));
    expect(await count("workPlansConnection", { taskCode: "1.4" })).toBe(rows((i) => i % 4 === 0));
    expect(await count("workPlansConnection", { status: "DRAFTING" })).toBe(rows((i) => i % 2 === 1));
    expect(await count("workPlansConnection", { dueFrom: "2001-01-20" })).toBe(6);
    // Drafting past its due day (all of 2001 is past), or with an overdue milestone.
    expect(await count("workPlansConnection", { overdue: true })).toBe(rows((i) => i % 2 === 1 || i % 8 === 0));
    expect(await count("workPlansConnection", {}, WATER)).toBe(rows((i) => i % 2 === 0 || i % 5 === 0));
  });

  it("linkage cases: area, status, date range, overdue (breached)", async () => {
    const first = await db.area.findUniqueOrThrow({ where: { id: areas[0] } });
    expect(await count("linkageCasesConnection", { areaCode: first.code })).toBe(rows((i) => i % 2 === 0));
    expect(await count("linkageCasesConnection", { status: "CLOSED" })).toBe(rows((i) => i % 2 === 1));
    expect(await count("linkageCasesConnection", { dueTo: "2001-01-10" })).toBe(10);
    // Not answered by the response deadline (all of 2001 is past).
    expect(await count("linkageCasesConnection", { overdue: true })).toBe(rows((i) => i % 2 === 0));
  });

  it("a reversed range and a status that is not one are refused in both languages", async () => {
    const reversed = await gql(
      LISTS.workPlansConnection,
      { first: 5, dueFrom: "2001-06-30", dueTo: "2001-01-01" },
      STEERING,
    );
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: "BAD_INPUT", zh: expect.stringContaining("晚于") });
    const status = await gql(LISTS.inspectionsConnection, { first: 5, status: "NOPE" }, STEERING);
    expect(status.errors?.[0].extensions).toMatchObject({ code: "BAD_INPUT", zh: expect.any(String) });
  });
});

describe("waiting items", () => {
  it("filter by deadline range and page with a cursor that must name one of the viewer's rows", async () => {
    const q = `query ($after: String, $dueFrom: Date, $dueTo: Date) {
      waitingItems(first: 2, after: $after, everyone: true, dueFrom: $dueFrom, dueTo: $dueTo) {
        totalCount pageInfo { endCursor hasNextPage } edges { node { workflowId } } } }`;
    await db.waitingItem.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        workflowId: `t-wait-${i}`,
        process: "REPORT",
        what: "SUBMIT_REPORT",
        who: "dept:water",
        zh: "报送",
        en: "Submit",
        titleZh: `报告${i}`,
        titleEn: `Report ${i}`,
        deadline: day(4 - i),
      })),
    });
    const one = await gql(q, YEAR_2001, STEERING);
    expect(one.data.waitingItems.totalCount).toBe(5);
    expect(one.data.waitingItems.edges.map((e: { node: { workflowId: string } }) => e.node.workflowId)).toEqual([
      "t-wait-4",
      "t-wait-3",
    ]);
    const two = await gql(q, { ...YEAR_2001, after: one.data.waitingItems.pageInfo.endCursor }, STEERING);
    expect(two.data.waitingItems.edges.map((e: { node: { workflowId: string } }) => e.node.workflowId)).toEqual([
      "t-wait-2",
      "t-wait-1",
    ]);
    const narrowed = await gql(q, { dueFrom: "2001-01-02", dueTo: "2001-01-03" }, STEERING);
    expect(narrowed.data.waitingItems.totalCount).toBe(2);
    // The water department's own rows; its cursor means nothing in the environment bureau's list.
    const theirs = await gql(
      `query ($after: String) { waitingItems(first: 2, after: $after) { totalCount edges { node { workflowId } } } }`,
      { after: one.data.waitingItems.pageInfo.endCursor },
      "epb@daqing.example",
    );
    expect(theirs.errors?.[0].extensions).toMatchObject({ code: "BAD_INPUT", zh: expect.stringContaining("失效") });
  });

  it("pages past the first with the right start index, rows without a deadline last", async () => {
    await db.waitingItem.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        workflowId: `t-undated-${i}`,
        process: "INSPECTION",
        what: "VERIFY",
        who: "dept:t-undated",
        zh: "核查",
        en: "Verify",
        titleZh: `核查${i}`,
        titleEn: `Check ${i}`,
        deadline: i < 2 ? day(10 + i) : null,
      })),
    });
    const q = `query ($after: String, $before: String, $first: Int, $last: Int, $process: ProcessKind) {
      waitingItems(first: $first, after: $after, last: $last, before: $before, everyone: true, process: $process) {
        totalCount startIndex pageInfo { endCursor startCursor } edges { node { workflowId deadline } } } }`;
    const seen: string[] = [];
    const starts: number[] = [];
    let after: string | null = null;
    for (;;) {
      const r: GqlResult<{ waitingItems: Page }> = await gql<{ waitingItems: Page }>(
        q,
        { first: 2, after, process: "INSPECTION" },
        STEERING,
      );
      expect(r.errors).toBeUndefined();
      const page: Page = r.data!.waitingItems;
      if (page.edges.length === 0) break;
      starts.push(page.startIndex);
      seen.push(...page.edges.map((e) => e.node.workflowId));
      after = page.pageInfo.endCursor;
      if (seen.length >= page.totalCount) break;
    }
    const mine = seen.filter((w) => w.startsWith("t-undated-"));
    expect(mine).toEqual(["t-undated-0", "t-undated-1", "t-undated-2", "t-undated-3", "t-undated-4"]);
    expect(starts).toEqual(starts.map((_, i) => 1 + 2 * i));
    expect(new Set(seen).size).toBe(seen.length);
  });
});
