// The public reads: the plan, tasks (filters, pagination), departments, areas, targets, stations, coverage, alerts.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "./support/db";
import { graphqlClient } from "./support/graphql";

const { db } = createTestDb();
const gql = graphqlClient(db);
afterAll(() => db.$disconnect());

describe("the plan, read without signing in", () => {
  it("serves a task with its lead and supporting departments", async () => {
    const r = await gql(`{ task(code: "1.1") { code title leadDepartments { name } supportingDepartments { name } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.task).toEqual({
      code: "1.1",
      title: "环境空气质量监测",
      leadDepartments: [{ name: "市环保局" }, { name: "市气象局" }],
      supportingDepartments: [{ name: "市财政局" }],
    });
  });

  it("serves the plan with its principles, goals, requirements and five task groups", async () => {
    const r = await gql(
      `{ plan { documentNumber issuedOn horizonYear principles { title } goals { text } requirements { title } taskGroups { code tasks { code } } } }`,
    );
    expect(r.data.plan.documentNumber).toBe("庆政办规〔2018〕1号");
    expect(r.data.plan.issuedOn).toBe("2018-02-05");
    expect(r.data.plan.horizonYear).toBe(2020);
    expect(r.data.plan.principles).toHaveLength(4);
    expect(r.data.plan.requirements.map((x: { title: string }) => x.title)).toEqual([
      "加强组织领导",
      "制定推进计划",
      "强化督导检查",
    ]);
    expect(r.data.plan.taskGroups.map((g: { tasks: unknown[] }) => g.tasks.length)).toEqual([8, 3, 3, 2, 4]);
  });

  it("lists every county-level area and both zones as implementers of every task", async () => {
    const r = await gql(`{ task(code: "5.4") { implementers { code name kind } } }`);
    expect(r.data.task.implementers).toHaveLength(11);
    expect(
      r.data.task.implementers.filter((a: { kind: string }) => a.kind === "ZONE").map((a: { name: string }) => a.name),
    ).toEqual(["高新区", "经开区"]);
  });

  it("filters tasks by group, department, role and status, and pages them", async () => {
    const byDept = await gql(`{ tasks(departmentCode: "water", role: LEAD) { totalCount edges { node { code } } } }`);
    expect(byDept.data.tasks.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(["1.2", "1.6"]);
    const group = await gql(`{ tasks(groupCode: "4") { totalCount } }`);
    expect(group.data.tasks.totalCount).toBe(2);
    const supporting = await gql(`{ tasks(departmentCode: "meteorology", role: SUPPORT) { edges { node { code } } } }`);
    expect(supporting.data.tasks.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual([
      "2.1",
      "2.2",
      "2.3",
      "3.1",
      "4.2",
      "5.4",
    ]);
    const page1 = await gql(`{ tasks(first: 5) { edges { node { code } } pageInfo { hasNextPage endCursor } } }`);
    expect(page1.data.tasks.edges).toHaveLength(5);
    const page2 = await gql(`query($after: String) { tasks(first: 5, after: $after) { edges { node { code } } } }`, {
      after: page1.data.tasks.pageInfo.endCursor,
    });
    expect(page2.data.tasks.edges[0].node.code).toBe("1.6");
    // The status is derived from the facts (docs/decisions/014): in the seeded city, 1.2 and 1.5 have met their only
    // target, and no other task has all of its targets met.
    const status = await gql(
      `{ tasks(status: COMPLETED) { totalCount edges { node { code status derivedStatus } } } }`,
    );
    expect(status.data.tasks.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(["1.2", "1.5"]);
    expect(
      status.data.tasks.edges.every((e: { node: { derivedStatus: string } }) => e.node.derivedStatus === "COMPLETED"),
    ).toBe(true);
  });

  it("shows a department with the tasks it leads and supports", async () => {
    const r = await gql(
      `{ department(code: "market-regulation") { name leads { task { code } } supports { task { code } } } }`,
    );
    expect(r.data.department.name).toBe("市市场监管局");
    expect(r.data.department.leads.map((a: { task: { code: string } }) => a.task.code)).toEqual(["4.2", "5.2"]);
    expect(r.data.department.supports.map((a: { task: { code: string } }) => a.task.code)).toEqual([
      "1.7",
      "1.8",
      "5.3",
    ]);
  });

  it("computes coverage from the registry, and a new station changes it", async () => {
    const q = `{ coverageMatrix(cityCode: "2306", areaCodes: ["230623"], elements: [AIR]) { rows { area { name } cells { element stations automatic planned status } } } }`;
    const before = await gql(q);
    expect(before.data.coverageMatrix.rows[0].cells[0]).toMatchObject({
      element: "AIR",
      automatic: 0,
      planned: 1,
      status: "AT_RISK",
    });
    const target = await gql(`{ target(code: "T1.1-AIR-AUTO-COUNTIES") { progress { value required status } } }`);
    expect(target.data.target.progress).toMatchObject({ value: 3, required: 4 });

    const add = await gql(
      `mutation { addStation(input: { code: "LD-AIR-A1", name: "林甸县空气自动站", element: AIR, areaCode: "230623", mode: AUTOMATIC }) { code status } }`,
      {},
      "epb@daqing.example",
    );
    expect(add.errors).toBeUndefined();
    const after = await gql(q);
    expect(after.data.coverageMatrix.rows[0].cells[0]).toMatchObject({ automatic: 1, status: "MET" });
    const target2 = await gql(`{ target(code: "T1.1-AIR-AUTO-COUNTIES") { progress { value required status } } }`);
    expect(target2.data.target.progress).toMatchObject({ value: 4, required: 4, status: "MET" });
  });

  it("counts stations and alerts per filter", async () => {
    const active = await db.station.count({ where: { element: "SOIL", status: "ACTIVE" } });
    const r = await gql(
      `{ stations(element: SOIL, status: ACTIVE, first: 2) { totalCount edges { node { code area { name } operator { name } } } } }`,
    );
    expect(r.data.stations.totalCount).toBe(active);
    const alerts = await gql(
      `{ alerts(kind: EXCEEDANCE, first: 1) { totalCount edges { node { kind station { code } } } } }`,
    );
    expect(alerts.data.alerts.totalCount).toBe(await db.alert.count({ where: { kind: "EXCEEDANCE" } }));
    const summary = await gql(
      `{ alertSummary(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { kind status count } }`,
    );
    const total = summary.data.alertSummary.reduce((n: number, r: { count: number }) => n + r.count, 0);
    expect(total).toBe(await db.alert.count());
  });
});
