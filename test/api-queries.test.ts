// No N+1: every main query runs the same number of SQL statements whatever the number of rows. Each query is run on
// the seeded database, then again after many more tasks, departments, areas, stations, alerts and duty records are
// added; the statement counts must be equal. Statements are counted at the driver: better-sqlite3's `verbose` hook on
// both Prisma's connection and the read path's (createDb's onStatement), so raw SQL and transactions count too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeReadOnlySql, createDb } from "../app/utils/db.server";
import { createTestDb } from "./support/db";
import { graphqlClient } from "./support/graphql";

const base = createTestDb();
let counting = false;
let statements: string[] = [];
const db = createDb(base.url, { onStatement: (sql) => counting && statements.push(sql) });
const gql = graphqlClient(db);

afterAll(async () => {
  closeReadOnlySql(db);
  await Promise.all([db.$disconnect(), base.db.$disconnect()]);
});

const QUERIES: Record<string, string> = {
  "tasks with lead and supporting departments": `{
    tasks(first: 200) { totalCount edges { node { code title status group { code }
      leadDepartments { code name } supportingDepartments { code name } } } } }`,
  "departments with the tasks they lead and support": `{
    departments { code name leads { scope task { code title } } supports { task { code title } } } }`,
  "stations with area and operator": `{
    stations(first: 500) { totalCount edges { node { code element status area { code name } operator { code name } } } } }`,
  "alerts with station": `{
    alerts(first: 500) { totalCount edges { node { kind status occurredAt station { code area { code } } } } } }`,
  "coverage matrix": `{
    coverageMatrix { elements rows { area { code name kind } cells { element stations status targets } stations status }
      totals { element areasRequired areasMet } } }`,
  "alert summary": `{ alertSummary(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { kind status count } }`,
  "targets with progress": `{
    targets { code measure task { code } responsibleDepartment { code } progress { value required percent status } } }`,
};

async function count(query: string): Promise<number> {
  statements = [];
  counting = true;
  try {
    const r = await gql(query);
    expect(r.errors).toBeUndefined();
  } finally {
    counting = false;
  }
  return statements.length;
}

/** Many more rows of every kind the queries read; none of them may change a query's statement count. */
async function grow() {
  const depts = await db.department.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const plan = await db.plan.findFirstOrThrow();
  const group = await db.taskGroup.create({
    data: { planId: plan.id, code: "9", ordinal: 9, title: "测试任务组", titleEn: "Test group", intro: "" },
  });
  const newDepts = [];
  for (let i = 1; i <= 12; i++) {
    newDepts.push(
      await db.department.create({
        data: {
          code: `test-${i}`,
          name: `测试部门${i}`,
          shortName: `测试${i}`,
          nameEn: `Test ${i}`,
          kind: "MUNICIPAL_DEPARTMENT",
        },
      }),
    );
  }
  const allDepts = [...depts, ...newDepts];
  for (let i = 1; i <= 40; i++) {
    const task = await db.task.create({
      data: {
        code: `9.${i}`,
        groupId: group.id,
        ordinal: i,
        title: `测试任务${i}`,
        titleEn: `Test task ${i}`,
        duty: "",
        responsibilityClause: "",
      },
    });
    const lead = allDepts[i % allDepts.length];
    const supports = [allDepts[(i + 3) % allDepts.length], allDepts[(i + 7) % allDepts.length]].filter(
      (d) => d.id !== lead.id,
    );
    await db.taskAssignment.createMany({
      data: [
        { taskId: task.id, departmentId: lead.id, role: "LEAD", ordinal: 1 },
        ...[...new Map(supports.map((d) => [d.id, d])).values()].map((d, k) => ({
          taskId: task.id,
          departmentId: d.id,
          role: "SUPPORT",
          ordinal: k + 1,
        })),
      ],
    });
  }
  for (let i = 1; i <= 6; i++) {
    await db.area.create({
      data: {
        code: `2301${String(i).padStart(2, "0")}`,
        name: `测试区${i}`,
        nameEn: `Test ${i}`,
        kind: i % 2 ? "DISTRICT" : "COUNTY",
        cityCode: "2301",
        ordinal: i,
      },
    });
  }
  const areas = await db.area.findMany({ select: { id: true } });
  const elements = ["AIR", "SURFACE_WATER", "SOIL", "NOISE", "GROUNDWATER"];
  await db.station.createMany({
    data: Array.from({ length: 300 }, (_, i) => ({
      code: `TEST-${i}`,
      name: `测试站${i}`,
      element: elements[i % elements.length],
      areaId: areas[i % areas.length].id,
      mode: i % 3 ? "MANUAL" : "AUTOMATIC",
      operatorDepartmentId: allDepts[i % allDepts.length].id,
      status: i % 10 === 0 ? "PLANNED" : "ACTIVE",
    })),
  });
  const stations = await db.station.findMany({
    where: { code: { startsWith: "TEST-" }, status: "ACTIVE" },
    select: { id: true, areaId: true, element: true },
  });
  await db.alert.createMany({
    data: Array.from({ length: 250 }, (_, i) => {
      const s = stations[i % stations.length];
      return {
        stationId: s.id,
        areaId: s.areaId,
        element: s.element,
        kind: "DEVICE_OFFLINE",
        severity: "LOW",
        occurredAt: new Date(Date.now() - i * 3600_000),
        status: i % 2 ? "OPEN" : "CLOSED",
      };
    }),
  });
  const recurring = await db.target.findMany({
    where: { measure: "RECURRING" },
    select: { id: true, responsibleDepartmentId: true },
  });
  await db.dutyRecord.createMany({
    data: recurring.flatMap((t) =>
      Array.from({ length: 5 }, (_, k) => ({
        targetId: t.id,
        departmentId: t.responsibleDepartmentId ?? allDepts[0].id,
        occurredOn: new Date(Date.now() - k * 86400_000),
        summary: `测试记录${k}`,
      })),
    ),
  });
}

/** Targets come from the plan, so their number is fixed; this checks the query would still scale if it were not. */
async function addRecurringTargets() {
  const plan = await db.plan.findFirstOrThrow();
  const dept = await db.department.findFirstOrThrow({ where: { code: "test-1" } });
  for (let i = 1; i <= 5; i++) {
    await db.target.create({
      data: {
        code: `TEST-RECURRING-${i}`,
        planId: plan.id,
        responsibleDepartmentId: dept.id,
        title: `测试职责${i}`,
        titleEn: `Test duty ${i}`,
        clause: "",
        measure: "RECURRING",
        recurrence: "YEARLY",
        minPerPeriod: 1,
      },
    });
  }
}

const small = new Map<string, number>();
let moreTargets = 0;
const large = new Map<string, number>();

beforeAll(async () => {
  for (const q of Object.values(QUERIES)) await count(q); // first runs open connections and warm caches
  for (const [name, q] of Object.entries(QUERIES)) small.set(name, await count(q));
  await grow();
  for (const [name, q] of Object.entries(QUERIES)) large.set(name, await count(q));
  await addRecurringTargets();
  moreTargets = await count(QUERIES["targets with progress"]);
});

describe("SQL statements per GraphQL operation do not grow with the rows", () => {
  it("the larger database really is larger", async () => {
    expect(await db.task.count()).toBeGreaterThan(50);
    expect(await db.station.count()).toBeGreaterThan(400);
    expect(await db.alert.count()).toBeGreaterThan(450);
  });

  for (const name of Object.keys(QUERIES)) {
    it(name, () => {
      expect(small.get(name)).toBeGreaterThan(0);
      expect({ query: name, statements: large.get(name) }).toEqual({ query: name, statements: small.get(name) });
    });
  }

  // Duty records are counted with one grouped query, however many recurring targets there are.
  it("targets with progress, with more recurring targets than the plan has", () => {
    expect(moreTargets).toBe(large.get("targets with progress"));
  });
});
