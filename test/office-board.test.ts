// The chase boards and the yearly scorecard, computed from facts written directly (test/support/office-facts.ts),
// against figures worked out by hand there; and who may read them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cycleBoard, rectificationBoard, workPlanBoard } from "../app/models/office/board.server";
import { departmentScorecard } from "../app/models/office/scorecard.server";
import type { Viewer } from "../app/models/viewer";
import { createTestDb } from "./support/db";
import { NOW, officeFacts } from "./support/office-facts";

const { db } = createTestDb();
afterAll(() => db.$disconnect());
let facts: Awaited<ReturnType<typeof officeFacts>>;
const viewer = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })) as unknown as Viewer;

beforeAll(async () => {
  facts = await officeFacts(db);
});

describe("the chase board", () => {
  it("shows a cycle's reports with their state in words, days late and light; the steering group reads all", async () => {
    const rows = await cycleBoard(db, await viewer("steering@daqing.example"), "2026Q1", NOW);
    const byId = new Map(rows.map((r) => [r.workflowId, r]));
    expect(rows).toHaveLength(3);
    expect(byId.get(facts.onTime.workflowId)).toMatchObject({
      state: { zh: "已采纳" },
      daysLate: 0,
      light: null,
      open: false,
    });
    expect(byId.get(facts.late.workflowId)).toMatchObject({ daysLate: 1, open: false });
    expect(byId.get(facts.missing.workflowId)).toMatchObject({
      state: { zh: "待报送", en: "Pending" },
      department: { zh: "市水务局" },
      daysLate: 7,
      light: "RED",
      open: true,
      signedAt: null,
      lastChasedAt: null,
    });
  });

  it("gives a department only its own rows, and refuses an inspector", async () => {
    const rows = await cycleBoard(db, await viewer("water@daqing.example"), "2026Q1", NOW);
    expect(rows.map((r) => r.workflowId)).toEqual([facts.missing.workflowId]);
    await expect(cycleBoard(db, await viewer("inspector@daqing.example"), "2026Q1", NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("shows a year's work plans and the rectifications still owed", async () => {
    const sg = await viewer("steering@daqing.example");
    const plans = await workPlanBoard(db, sg, 2026, NOW);
    expect(plans.map((p) => [p.department.zh, p.state.zh, p.daysLate, p.light])).toEqual([
      ["市环保局", "编制中", 5, "RED"],
      ["市水务局", "已批准，执行中", 2, null],
    ]);
    const owed = await rectificationBoard(db, sg, NOW);
    expect(owed.map((f) => [f.finding, f.daysLate, f.light])).toEqual([
      [3, 7, "RED"],
      [4, 0, "GREEN"],
    ]);
    expect(await rectificationBoard(db, await viewer("water@daqing.example"), NOW)).toEqual([]);
  });
});

describe("the yearly scorecard", () => {
  it("counts each department's year from the facts", async () => {
    const rows = await departmentScorecard(db, await viewer("steering@daqing.example"), 2026, NOW);
    const of = (code: string) => rows.find((r) => r.department.code === code);
    expect(of("epb")).toMatchObject({
      reportsDue: 2,
      reportsOnTime: 1,
      onTimeRate: 0.5,
      returns: 1,
      daysOverdue: 1,
      rectificationsDue: 3,
      rectificationsClosedInTime: 1,
    });
    expect(of("water")).toMatchObject({ reportsDue: 1, reportsOnTime: 0, onTimeRate: 0, daysOverdue: 7, returns: 0 });
    expect(of("finance")).toMatchObject({ reportsDue: 0, onTimeRate: null, rectificationsDue: 0 });
    // A year with nothing due yet counts nothing.
    expect(
      (await departmentScorecard(db, await viewer("steering@daqing.example"), 2025, NOW)).every(
        (r) => r.reportsDue === 0,
      ),
    ).toBe(true);
  });

  it("is the steering group's", async () => {
    await expect(departmentScorecard(db, await viewer("epb@daqing.example"), 2026, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
