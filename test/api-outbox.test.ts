// The outbox as the steering group reads it: a page at a time with the count, each message with the item it is about
// in words (the process's title, never the workflow ID), and the items to filter by.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./support/db";
import { graphqlClient } from "./support/graphql";

const { db } = createTestDb();
const gql = graphqlClient(db);
afterAll(() => db.$disconnect());
const STEERING = "steering@daqing.example";
const PLAN = "workplan-2027-epb";
const GONE = "report-2026Q4-9.9-nobody";

beforeAll(async () => {
  const epb = await db.department.findUniqueOrThrow({ where: { code: "epb" } });
  await db.annualWorkPlan.create({
    data: {
      workflowId: PLAN,
      departmentId: epb.id,
      year: 2027,
      dueDate: new Date("2027-01-31T00:00:00+08:00"),
      status: "DRAFTING",
      openedAt: new Date(),
    },
  });
  const mail = (i: number, workflowId: string | null) => ({
    idempotencyKey: `outbox-test-${i}`,
    workflowId,
    template: "WORKPLAN_REMINDER",
    toEmail: "epb@daqing.example",
    toName: "李科长",
    locale: "zh",
    subject: `提醒 ${i}`,
    body: "…",
  });
  await db.outboxMessage.createMany({
    data: Array.from({ length: 130 }, (_, i) => mail(i, i % 10 === 0 ? GONE : i % 10 === 1 ? null : PLAN)),
  });
});

const page = (offset: number, filter = "") =>
  gql(
    `{ outbox(first: 100, offset: ${offset}${filter}) { subject workflowId about { zh en } } outboxCount${filter ? `(${filter.slice(2)})` : ""} }`,
    {},
    STEERING,
  );

describe("the outbox", () => {
  it("pages through every message with the count", async () => {
    const first = await page(0);
    expect(first.errors).toBeUndefined();
    expect(first.data.outboxCount).toBe(130);
    expect(first.data.outbox).toHaveLength(100);
    expect(first.data.outbox[0].subject).toBe("提醒 129");
    const second = await page(100);
    expect(second.data.outbox).toHaveLength(30);
    expect(second.data.outbox.at(-1).subject).toBe("提醒 0");
  });

  it("names each message's item by its title, a vanished one by its process, none by its ID", async () => {
    const { data } = await page(0);
    const about = (id: string | null) =>
      data.outbox.find((m: { workflowId: string | null }) => m.workflowId === id).about;
    expect(about(PLAN)).toEqual({
      zh: "市环保局 2027年度工作计划",
      en: "Environmental Protection Bureau — 2027 annual work plan",
    });
    expect(about(GONE)).toEqual({ zh: "推进落实情况报告", en: "Progress report" });
    expect(about(null)).toBeNull();
  });

  it("filters by item, offering the items by title", async () => {
    const items = await gql(`{ outboxItems { workflowId title { zh } } }`, {}, STEERING);
    expect(items.data.outboxItems).toEqual([
      { workflowId: PLAN, title: { zh: "市环保局 2027年度工作计划" } },
      { workflowId: GONE, title: { zh: "推进落实情况报告" } },
    ]);
    const filtered = await page(0, `, workflowId: "${PLAN}"`);
    expect(filtered.data.outboxCount).toBe(104);
  });

  it("is the steering group's only", async () => {
    const r = await gql(`{ outboxCount outboxItems { workflowId } }`, {}, "epb@daqing.example");
    expect(r.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
