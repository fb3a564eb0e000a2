// Who reads what, as the README's table says: every record under a rule, read by every role, both as a single item
// (refused: FORBIDDEN, bilingual, and nothing of the record in the answer) and in its list (left out). The records
// are written straight into a copy of the seeded database: the rule is about rows, whatever workflow wrote them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./support/db";
import { graphqlClient, type GqlResult } from "./support/graphql";

const { db } = createTestDb();
const gql = graphqlClient(db);
afterAll(() => db.$disconnect());

const USERS = {
  public: null,
  steering: "steering@daqing.example",
  epb: "epb@daqing.example",
  water: "water@daqing.example",
  land: "land@daqing.example",
  finance: "finance@daqing.example",
  centre: "centre@daqing.example",
  inspector: "inspector@daqing.example",
  zhaozhou: "zhaozhou@daqing.example",
} as const;
type Who = keyof typeof USERS;
const SIGNED_IN = (Object.keys(USERS) as Who[]).filter((w) => w !== "public");
const as = (who: Who) => USERS[who] ?? undefined;

const SECRET = "内部审议稿 draft under review";
const ids = {
  reportUnderReview: "report-2019Q2-1.1-epb",
  reportAccepted: "report-2019Q2-1.2-water",
  planDrafting: "workplan-2020-water",
  planApproved: "workplan-2020-land",
  inspectionOfWater: "inspection-2020-06-01-water",
  inspectionOfZhaozhou: "inspection-2020-06-02-230621",
  inspectionOfZhaoyuan: "inspection-2020-06-03-230622",
  caseInZhaozhou: "linkage-alert-zz",
  caseInZhaoyuan: "linkage-alert-zy",
};

beforeAll(async () => {
  const dept = async (code: string) => (await db.department.findUniqueOrThrow({ where: { code } })).id;
  const area = async (code: string) => (await db.area.findUniqueOrThrow({ where: { code } })).id;
  const task = async (code: string) => (await db.task.findUniqueOrThrow({ where: { code } })).id;
  const at = new Date("2020-06-01T00:00:00Z");

  const cycle = await db.reportingCycle.create({
    data: {
      workflowId: "cycle-2019Q2",
      period: "2019Q2",
      dueDate: at,
      status: "CLOSED",
      openedAt: at,
      consolidatedReport: `1.1 ${SECRET}`,
    },
  });
  const under = await db.progressReport.create({
    data: {
      workflowId: ids.reportUnderReview,
      cycleId: cycle.id,
      taskId: await task("1.1"),
      departmentId: await dept("epb"),
      status: "SUBMITTED",
      progress: SECRET,
      waitingFor: JSON.stringify([{ what: "REVIEW", who: "STEERING_GROUP", zh: SECRET, en: "review" }]),
    },
  });
  await db.reportContribution.create({
    data: { reportId: under.id, departmentId: await dept("finance"), text: SECRET, at },
  });
  await db.progressReport.create({
    data: {
      workflowId: ids.reportAccepted,
      cycleId: cycle.id,
      taskId: await task("1.2"),
      departmentId: await dept("water"),
      status: "ACCEPTED",
      progress: "accepted",
    },
  });

  await db.annualWorkPlan.create({
    data: {
      workflowId: ids.planDrafting,
      departmentId: await dept("water"),
      year: 2020,
      dueDate: at,
      status: "DRAFTING",
      openedAt: at,
    },
  });
  await db.annualWorkPlan.create({
    data: {
      workflowId: ids.planApproved,
      departmentId: await dept("land"),
      year: 2020,
      dueDate: at,
      status: "APPROVED",
      openedAt: at,
    },
  });

  const inspector = await db.user.findUniqueOrThrow({ where: { email: USERS.inspector } });
  const inspection = {
    title: "专项督导",
    inspectorId: inspector.id,
    taskCodes: "1.1",
    scheduledFor: at,
    status: "RECTIFYING",
  };
  await db.inspection.create({
    data: {
      ...inspection,
      workflowId: ids.inspectionOfWater,
      inspectedDepartmentId: await dept("water"),
      findings: {
        create: { ordinal: 1, description: SECRET, severity: "MAJOR", requiresRectification: true, status: "OPEN" },
      },
    },
  });
  await db.inspection.create({
    data: { ...inspection, workflowId: ids.inspectionOfZhaozhou, areaId: await area("230621") },
  });
  await db.inspection.create({
    data: { ...inspection, workflowId: ids.inspectionOfZhaoyuan, areaId: await area("230622") },
  });

  const linkage = async (workflowId: string, areaCode: string, operator: string) => {
    const areaId = await area(areaCode);
    const station = await db.station.create({
      data: {
        code: `RP-${areaCode}`,
        name: "测试站",
        element: "AIR",
        areaId,
        mode: "AUTOMATIC",
        operatorDepartmentId: await dept(operator),
        status: "ACTIVE",
      },
    });
    const alert = await db.alert.create({
      data: {
        stationId: station.id,
        areaId,
        element: "AIR",
        kind: "EXCEEDANCE",
        severity: "MAJOR",
        occurredAt: at,
        status: "IN_LINKAGE",
      },
    });
    await db.linkageCase.create({
      data: {
        workflowId,
        alertId: alert.id,
        areaId,
        status: "OPEN",
        openedAt: at,
        responseDeadline: at,
        frequencyFactor: 2,
        spotCheckRatio: 0.3,
        responseNote: SECRET,
      },
    });
  };
  await linkage(ids.caseInZhaozhou, "230621", "land");
  await linkage(ids.caseInZhaoyuan, "230622", "water");

  for (const workflowId of Object.values(ids))
    await db.workflowEvent.create({
      data: {
        key: `${workflowId}#1`,
        workflowId,
        step: 1,
        kind: "STARTED",
        at,
        detail: JSON.stringify({ note: SECRET }),
      },
    });

  const steering = await db.user.findUniqueOrThrow({ where: { email: USERS.steering } });
  const audit = (entityType: string, entityId: string) =>
    db.auditEvent.create({ data: { actorId: steering.id, entityType, entityId, action: "TEST", changes: "{}" } });
  for (const [type, id] of Object.entries({
    AnnualWorkPlan: ids.planDrafting,
    Inspection: ids.inspectionOfZhaoyuan,
    LinkageCase: ids.caseInZhaozhou,
    ProgressReport: ids.reportUnderReview,
    Task: "1.1",
    User: String(steering.id),
  }))
    await audit(type, id);
});

interface Item {
  id: string;
  readers: Who[];
  single: string;
  field: string;
  list: string;
  inList: (data: any) => string[];
}

const ALL: Who[] = SIGNED_IN;
const ITEMS: Record<string, Item> = {};
const report = (id: string, readers: Who[]) => ({
  id,
  readers,
  single: `query ($id: String!) { progressReport(workflowId: $id) { workflowId progress contributions { text } waitingFor { zh } } workflowEvents(workflowId: $id) { detail } }`,
  field: "progressReport",
  list: `{ reportingCycles { reports { workflowId } } }`,
  inList: (d: any) => d.reportingCycles.flatMap((c: any) => c.reports.map((r: any) => r.workflowId)),
});
const plan = (id: string, readers: Who[]) => ({
  id,
  readers,
  single: `query ($id: String!) { workPlan(workflowId: $id) { workflowId milestones { what } } workflowEvents(workflowId: $id) { detail } }`,
  field: "workPlan",
  list: `{ workPlans { workflowId } }`,
  inList: (d: any) => d.workPlans.map((p: any) => p.workflowId),
});
const inspection = (id: string, readers: Who[]) => ({
  id,
  readers,
  single: `query ($id: String!) { inspection(workflowId: $id) { workflowId findings { description } } workflowEvents(workflowId: $id) { detail } }`,
  field: "inspection",
  list: `{ inspections { workflowId } }`,
  inList: (d: any) => d.inspections.map((i: any) => i.workflowId),
});
const linkageCase = (id: string, readers: Who[]) => ({
  id,
  readers,
  single: `query ($id: String!) { linkageCase(workflowId: $id) { workflowId responseNote } workflowEvents(workflowId: $id) { detail } }`,
  field: "linkageCase",
  list: `{ linkageCases { workflowId } }`,
  inList: (d: any) => d.linkageCases.map((c: any) => c.workflowId),
});
Object.assign(ITEMS, {
  "a report under review": report(ids.reportUnderReview, ["steering", "epb", "finance"]),
  "an accepted report": report(ids.reportAccepted, ALL),
  "a work plan before approval": plan(ids.planDrafting, ["steering", "water"]),
  "an approved work plan": plan(ids.planApproved, ALL),
  "an inspection of a department": inspection(ids.inspectionOfWater, ["steering", "inspector", "water"]),
  "an inspection of Zhaozhou county": inspection(ids.inspectionOfZhaozhou, ["steering", "inspector", "zhaozhou"]),
  "an inspection of another county": inspection(ids.inspectionOfZhaoyuan, ["steering", "inspector"]),
  // Enforcement (epb) and monitoring (centre) act on every case; a station's operator on its own stations' cases.
  "a linkage case in Zhaozhou, land's station": linkageCase(ids.caseInZhaozhou, [
    "steering",
    "inspector",
    "zhaozhou",
    "epb",
    "centre",
    "land",
  ]),
  "a linkage case in another county, water's station": linkageCase(ids.caseInZhaoyuan, [
    "steering",
    "inspector",
    "epb",
    "centre",
    "water",
  ]),
});

function expectRefused(r: GqlResult, code: string) {
  expect(r.errors?.length, JSON.stringify(r)).toBeGreaterThan(0);
  for (const e of r.errors!) {
    expect(e.extensions?.code).toBe(code);
    expect(e.extensions?.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e.extensions?.en).toMatch(/[A-Za-z]/);
  }
  expect(JSON.stringify(r)).not.toContain(SECRET);
}

describe.each(Object.entries(ITEMS))("%s", (_name, item) => {
  it.each(Object.keys(USERS) as Who[])("as %s", async (who) => {
    const single = await gql(item.single, { id: item.id }, as(who));
    const reads = item.readers.includes(who);
    if (reads) {
      expect(single.errors, JSON.stringify(single.errors)).toBeUndefined();
      expect(single.data[item.field].workflowId).toBe(item.id);
    } else {
      expectRefused(single, who === "public" ? "UNAUTHENTICATED" : "FORBIDDEN");
      expect(single.data?.[item.field] ?? null).toBeNull();
    }
    const list = await gql(item.list, {}, as(who));
    if (who === "public") return expectRefused(list, "UNAUTHENTICATED");
    expect(list.errors).toBeUndefined();
    expect(item.inList(list.data).includes(item.id)).toBe(reads);
  });
});

describe("change history", () => {
  const HISTORY = `{ changeHistory(first: 50) { edges { node { entityType entityId actor { name } } } } }`;
  const seen = async (who: Who) =>
    ((await gql(HISTORY, {}, as(who))).data.changeHistory.edges as { node: { entityType: string; entityId: string } }[])
      .map((e) => `${e.node.entityType} ${e.node.entityId}`)
      .sort();

  it("lists only entries about records the viewer may read", async () => {
    expect(await seen("steering")).toEqual(
      expect.arrayContaining([
        `AnnualWorkPlan ${ids.planDrafting}`,
        `Inspection ${ids.inspectionOfZhaoyuan}`,
        `LinkageCase ${ids.caseInZhaozhou}`,
        `ProgressReport ${ids.reportUnderReview}`,
        "Task 1.1",
      ]),
    );
    expect((await seen("steering")).some((s) => s.startsWith("User "))).toBe(true);
    expect(await seen("water")).toEqual([`AnnualWorkPlan ${ids.planDrafting}`, "Task 1.1"]);
    expect(await seen("epb")).toEqual([
      `LinkageCase ${ids.caseInZhaozhou}`,
      `ProgressReport ${ids.reportUnderReview}`,
      "Task 1.1",
    ]);
    expect(await seen("zhaozhou")).toEqual([`LinkageCase ${ids.caseInZhaozhou}`, "Task 1.1"]);
    expect(await seen("inspector")).toEqual([
      `Inspection ${ids.inspectionOfZhaoyuan}`,
      `LinkageCase ${ids.caseInZhaozhou}`,
      "Task 1.1",
    ]);
  });

  it("shows who acted by name to anyone signed in, and their e-mail and role to the steering group only", async () => {
    const q = `{ changeHistory(entityType: "Task", entityId: "1.1", first: 5) { edges { node { actor { name email role } } } } }`;
    for (const who of ["zhaozhou", "epb", "inspector"] as const) {
      const r = await gql(q, {}, as(who));
      expect(r.errors?.map((e) => e.extensions?.code)).toContain("FORBIDDEN");
      expect(r.errors![0].extensions?.zh).toMatch(/账户信息/);
      expect(JSON.stringify(r)).not.toMatch(/@daqing\.example|STEERING_GROUP/);
      expect(
        (
          await gql(
            `{ changeHistory(entityType: "Task", entityId: "1.1", first: 5) { edges { node { actor { name } } } } }`,
            {},
            as(who),
          )
        ).data.changeHistory.edges[0].node.actor.name,
      ).toBeTruthy();
    }
    const r = await gql(q, {}, as("steering"));
    expect(r.errors).toBeUndefined();
    expect(r.data.changeHistory.edges[0].node.actor.email).toBe(USERS.steering);
  });

  it("lets everyone read their own account", async () => {
    const r = await gql(`{ me { email role locale active } }`, {}, as("zhaozhou"));
    expect(r.errors).toBeUndefined();
    expect(r.data.me).toMatchObject({ email: USERS.zhaozhou, role: "AREA_IMPLEMENTER" });
  });
});

describe("what a record under review carries elsewhere", () => {
  it("keeps a cycle's consolidated report, which quotes drafts, to the steering group", async () => {
    const q = `{ reportingCycle(period: "2019Q2") { period consolidatedReport } }`;
    expect((await gql(q, {}, as("steering"))).data.reportingCycle.consolidatedReport).toContain(SECRET);
    for (const who of ["epb", "water", "zhaozhou"] as const) {
      const r = await gql(q, {}, as(who));
      expect(r.errors).toBeUndefined();
      expect(r.data.reportingCycle).toEqual({ period: "2019Q2", consolidatedReport: null });
    }
  });

  it("refuses what a workflow waits for as it refuses the record, before asking Temporal", async () => {
    expectRefused(
      await gql(
        `query ($id: String!) { waitingFor(workflowId: $id) { zh } }`,
        { id: ids.reportUnderReview },
        as("zhaozhou"),
      ),
      "FORBIDDEN",
    );
  });

  it("answers an unknown workflow's timeline with NOT_FOUND, except to the steering group", async () => {
    const q = `{ workflowEvents(workflowId: "report-1999Q1-9.9-nope") { kind } }`;
    expectRefused(await gql(q, {}, as("epb")), "NOT_FOUND");
    expect((await gql(q, {}, as("steering"))).data.workflowEvents).toEqual([]);
  });

  it("lets a department filter its reporting cycle down to what it may read", async () => {
    const q = `{ reportingCycle(period: "2019Q2") { reports { workflowId } } }`;
    const reports = async (who: Who) =>
      (await gql(q, {}, as(who))).data.reportingCycle.reports.map((r: { workflowId: string }) => r.workflowId).sort();
    expect(await reports("finance")).toEqual([ids.reportUnderReview, ids.reportAccepted].sort());
    expect(await reports("land")).toEqual([ids.reportAccepted]);
    expect(await reports("steering")).toEqual([ids.reportUnderReview, ids.reportAccepted].sort());
  });
});
