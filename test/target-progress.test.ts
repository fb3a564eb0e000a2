// Live progress of the targets carried out by workflows: counted from the tables the workflows mirror into.
// (The workflow suites in test/workflows/ prove the workflows write those rows; here the rows are written directly.)
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "./support/db";
import { graphqlClient } from "./support/graphql";
import { shanghaiYear } from "../app/utils/time";

const { db } = createTestDb();
const gql = graphqlClient(db);
afterAll(() => db.$disconnect());
const progressOf = async (code: string) =>
  (await gql(`{ target(code: "${code}") { progress { value required status summaryEn } } }`)).data.target.progress;
const year = shanghaiYear(new Date());
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

describe("targets carried out by workflows", () => {
  it("annual work plans: approved plans of this year over the departments the plan gives tasks", async () => {
    const before = await progressOf("R-ANNUAL-WORK-PLAN");
    expect(before.value).toBe(0);
    expect(before.required).toBe(await db.department.count({ where: { assignments: { some: {} } } }));
    const epb = await db.department.findUniqueOrThrow({ where: { code: "epb" } });
    const water = await db.department.findUniqueOrThrow({ where: { code: "water" } });
    const base = { year, dueDate: new Date(), openedAt: hoursAgo(48) };
    await db.annualWorkPlan.create({
      data: {
        ...base,
        workflowId: `wp-${year}-epb`,
        departmentId: epb.id,
        status: "APPROVED",
        approvedAt: hoursAgo(1),
      },
    });
    await db.annualWorkPlan.create({
      data: { ...base, workflowId: `wp-${year}-water`, departmentId: water.id, status: "SUBMITTED" },
    });
    expect((await progressOf("R-ANNUAL-WORK-PLAN")).value).toBe(1);
  });

  it("monitoring–enforcement linkage: the share of this year's cases answered within their deadline", async () => {
    expect(await progressOf("T4.1-LINKAGE-RAPID-RESPONSE")).toMatchObject({
      value: 0,
      required: 0,
      status: "ON_TRACK",
    });
    const alerts = await db.alert.findMany({ take: 2, where: { area: { cityCode: "2306" } } });
    const base = {
      status: "RESPONDED",
      openedAt: hoursAgo(50),
      responseDeadline: hoursAgo(2),
      frequencyFactor: 2,
      spotCheckRatio: 0.3,
    };
    await db.linkageCase.create({
      data: { ...base, workflowId: "lk-1", alertId: alerts[0].id, areaId: alerts[0].areaId, respondedAt: hoursAgo(30) },
    });
    await db.linkageCase.create({
      data: { ...base, workflowId: "lk-2", alertId: alerts[1].id, areaId: alerts[1].areaId, respondedAt: hoursAgo(1) },
    });
    expect(await progressOf("T4.1-LINKAGE-RAPID-RESPONSE")).toMatchObject({ value: 1, required: 2 });
  });

  it("reporting cycles and inspections count this year's", async () => {
    const r = await progressOf("R-PROGRESS-REPORTING");
    expect(r.required).toBe(Math.floor(new Date(Date.now() + 8 * 3600_000).getUTCMonth() / 3) + 1);
    expect(r.value).toBe(await db.reportingCycle.count());
    expect((await progressOf("R-SUPERVISORY-INSPECTION")).value).toBe(await db.inspection.count());
  });
});
