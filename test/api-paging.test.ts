// Cursor paging and filters through the API: every page of a list read by following endCursor gives each row once, in
// deadline order, with the right position and total; a cursor keeps its place when rows are added before it; a bad
// cursor, a bad date and a reversed range are refused in both languages. Rows are written straight into a copy of the
// seeded database (the lists are about rows, whatever workflow wrote them).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./support/db";
import { graphqlClient } from "./support/graphql";

const { db } = createTestDb();
const gql = graphqlClient(db);
afterAll(() => db.$disconnect());

const STEERING = "steering@daqing.example";
const WATER = "water@daqing.example";
const DUE = ["2020-09-30", "2020-03-31", "2020-06-30"]; // opened out of deadline order on purpose
const TASKS = 18;

const REPORTS = `
  query ($after: String, $before: String, $first: Int, $last: Int, $departmentCode: String, $status: ReportStatus,
         $dueFrom: Date, $dueTo: Date, $overdue: Boolean) {
    progressReports(after: $after, before: $before, first: $first, last: $last, departmentCode: $departmentCode,
                    status: $status, dueFrom: $dueFrom, dueTo: $dueTo, overdue: $overdue) {
      totalCount
      startIndex
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { workflowId status department { code } } }
    }
  }`;
type Page = {
  totalCount: number;
  startIndex: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
  edges: { cursor: string; node: { workflowId: string; status: string; department: { code: string } } }[];
};
const reports = async (variables: Record<string, unknown>, as = STEERING) => {
  const r = await gql<{ progressReports: Page }>(REPORTS, variables, as);
  if (r.errors) throw new Error(r.errors[0].message);
  return r.data!.progressReports;
};

beforeAll(async () => {
  const tasks = await db.task.findMany({ orderBy: { id: "asc" }, take: TASKS });
  const epb = await db.department.findUniqueOrThrow({ where: { code: "epb" } });
  const water = await db.department.findUniqueOrThrow({ where: { code: "water" } });
  for (const [i, due] of DUE.entries()) {
    const cycle = await db.reportingCycle.create({
      data: {
        workflowId: `cycle-P${i}`,
        period: `P${i}`,
        dueDate: new Date(`${due}T16:00:00Z`), // the day's end in Shanghai
        status: "OPEN",
        openedAt: new Date("2020-01-01T00:00:00Z"),
      },
    });
    for (const [k, task] of tasks.entries())
      await db.progressReport.create({
        data: {
          workflowId: `report-P${i}-${task.code}`,
          cycleId: cycle.id,
          taskId: task.id,
          departmentId: k % 6 === 0 ? water.id : epb.id,
          status: k % 3 === 0 ? "ACCEPTED" : "PENDING",
          overdue: i === 1 && k % 2 === 1,
        },
      });
  }
});

describe("progress reports, a page at a time", () => {
  it("following endCursor reads every report once, soonest deadline first, with its position and the total", async () => {
    const seen: string[] = [];
    const starts: number[] = [];
    let after: string | null = null;
    let last: Page | null = null;
    for (let page = 0; page < 10; page++) {
      last = await reports({ first: 20, after });
      starts.push(last.startIndex);
      seen.push(...last.edges.map((e) => e.node.workflowId));
      if (!last.pageInfo.hasNextPage) break;
      after = last.pageInfo.endCursor;
    }
    expect(last!.totalCount).toBe(54);
    expect(starts).toEqual([1, 21, 41]);
    expect(last!.edges).toHaveLength(14);
    expect(last!.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(new Set(seen).size).toBe(54);
    // P1 (March) before P2 (June) before P0 (September).
    const cycles = seen.map((id) => id.split("-")[1]);
    expect(cycles.indexOf("P0")).toBeGreaterThan(cycles.lastIndexOf("P2"));
    expect(cycles.indexOf("P2")).toBeGreaterThan(cycles.lastIndexOf("P1"));
  });

  it("a cursor keeps its place when a report is added before it; paging back returns the page before", async () => {
    const first = await reports({ first: 20 });
    const second = await reports({ first: 20, after: first.pageInfo.endCursor });
    const cycle = await db.reportingCycle.create({
      data: {
        workflowId: "cycle-EARLY",
        period: "EARLY",
        dueDate: new Date("2019-12-31T16:00:00Z"),
        status: "OPEN",
        openedAt: new Date("2019-10-01T00:00:00Z"),
      },
    });
    const task = await db.task.findFirstOrThrow({ orderBy: { id: "asc" } });
    const epb = await db.department.findUniqueOrThrow({ where: { code: "epb" } });
    const early = await db.progressReport.create({
      data: { workflowId: "report-EARLY-x", cycleId: cycle.id, taskId: task.id, departmentId: epb.id },
    });
    try {
      const again = await reports({ first: 20, after: first.pageInfo.endCursor });
      expect(again.edges.map((e) => e.node.workflowId)).toEqual(second.edges.map((e) => e.node.workflowId));
      expect(again.startIndex).toBe(22);
      expect(again.totalCount).toBe(55);
      const back = await reports({ last: 20, before: second.pageInfo.startCursor });
      expect(back.edges.map((e) => e.node.workflowId)).toEqual(first.edges.map((e) => e.node.workflowId));
      expect(back.startIndex).toBe(2);
    } finally {
      await db.progressReport.delete({ where: { id: early.id } });
      await db.reportingCycle.delete({ where: { id: cycle.id } });
    }
  });

  it("a cursor that is not one is refused in both languages", async () => {
    const r = await gql(REPORTS, { first: 20, after: "not-a-cursor" }, STEERING);
    expect(r.data?.progressReports ?? null).toBeNull();
    expect(r.errors?.[0].extensions).toMatchObject({ code: "BAD_INPUT", zh: expect.stringContaining("游标") });
  });
});

describe("filters", () => {
  it("by department, status, deadline range and overdue, with counts to match", async () => {
    const water = await reports({ first: 50, departmentCode: "water" });
    expect(water.totalCount).toBe(9);
    expect(water.edges.every((e) => e.node.department.code === "water")).toBe(true);
    const accepted = await reports({ first: 50, status: "ACCEPTED" });
    expect(accepted.totalCount).toBe(18);
    const spring = await reports({ first: 50, dueFrom: "2020-03-31", dueTo: "2020-06-29" });
    expect(spring.totalCount).toBe(18);
    expect(spring.edges.every((e) => e.node.workflowId.startsWith("report-P1-"))).toBe(true);
    const overdue = await reports({ first: 50, overdue: true });
    expect(overdue.totalCount).toBe(9);
    const both = await reports({ first: 50, overdue: true, departmentCode: "epb" });
    expect(both.totalCount).toBe(9);
  });

  it("a department reads its own reports and the accepted ones: the count is of what it may read", async () => {
    const all = await db.progressReport.findMany({
      include: { department: true, task: { include: { assignments: { include: { department: true } } } } },
    });
    // Its own, the accepted ones, and those of tasks it supports (it contributes to them).
    const readable = all.filter(
      (r) =>
        r.department.code === "water" ||
        r.status === "ACCEPTED" ||
        r.task.assignments.some((a) => a.role === "SUPPORT" && a.department.code === "water"),
    );
    expect(readable.length).toBeLessThan(all.length);
    const mine = await reports({ first: 100 }, WATER);
    expect(mine.totalCount).toBe(readable.length);
    expect(mine.edges.map((e) => e.node.workflowId).sort()).toEqual(readable.map((r) => r.workflowId).sort());
  });

  it("a date that is not one and a range that ends before it starts are refused in both languages", async () => {
    const bad = await gql(REPORTS, { first: 5, dueFrom: "2020-13-45" }, STEERING);
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: "BAD_INPUT",
      zh: expect.any(String),
      en: expect.any(String),
    });
    const reversed = await gql(REPORTS, { first: 5, dueFrom: "2020-06-30", dueTo: "2020-01-01" }, STEERING);
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: "BAD_INPUT", zh: expect.stringContaining("晚于") });
  });
});

describe("the other lists page the same way", () => {
  it("alerts: newest first, a position and the total", async () => {
    const total = await db.alert.count();
    const q = `query ($after: String) { alerts(first: 20, after: $after) {
      totalCount startIndex pageInfo { endCursor hasNextPage } edges { node { occurredAt } } } }`;
    const one = await gql(q, {});
    const two = await gql(q, { after: one.data.alerts.pageInfo.endCursor });
    expect(one.data.alerts.totalCount).toBe(total);
    expect(two.data.alerts.startIndex).toBe(total > 20 ? 21 : 0);
    const times = [...one.data.alerts.edges, ...two.data.alerts.edges].map((e: { node: { occurredAt: string } }) =>
      Date.parse(e.node.occurredAt),
    );
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("the outbox: every message, none capped, newest first", async () => {
    await db.outboxMessage.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({
        idempotencyKey: `paging-${i}`,
        template: "REPORT_REMINDER",
        toEmail: "epb@daqing.example",
        toName: "市环保局",
        locale: "zh",
        subject: `提醒 ${i}`,
        body: "…",
      })),
    });
    const total = await db.outboxMessage.count();
    const q = `query ($after: String) { outboxConnection(first: 20, after: $after) {
      totalCount startIndex pageInfo { endCursor hasNextPage } edges { node { id } } } }`;
    const ids: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r: { data?: any } = await gql(q, { after }, STEERING);
      ids.push(...r.data.outboxConnection.edges.map((e: { node: { id: number } }) => e.node.id));
      if (!r.data.outboxConnection.pageInfo.hasNextPage) break;
      after = r.data.outboxConnection.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(total);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const refused = await gql(q, {}, WATER);
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("work plans, inspections and linkage cases answer with a total and a position", async () => {
    const r = await gql(
      `{ workPlansConnection(first: 5) { totalCount startIndex }
         inspectionsConnection(first: 5, overdue: true) { totalCount startIndex }
         linkageCasesConnection(first: 5, dueFrom: "2020-01-01") { totalCount startIndex } }`,
      {},
      STEERING,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.workPlansConnection.totalCount).toBe(await db.annualWorkPlan.count());
    expect(r.data.inspectionsConnection.totalCount).toBe(
      await db.inspection.count({ where: { findings: { some: { overdue: true } } } }),
    );
  });
});
