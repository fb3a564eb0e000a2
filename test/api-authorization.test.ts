// Authorisation lives in the API: each role's allowed and refused operations, checked through /graphql.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "./support/db";
import { graphqlClient } from "./support/graphql";

const { db } = createTestDb();
const gql = graphqlClient(db);
afterAll(() => db.$disconnect());

const STEERING = "steering@daqing.example";
const EPB = "epb@daqing.example";
const WATER = "water@daqing.example";
const INSPECTOR = "inspector@daqing.example";
const AREA = "zhaozhou@daqing.example";

const addStation = (code: string, operator?: string) =>
  `mutation { addStation(input: { code: "${code}", name: "测试站", element: NOISE, areaCode: "230602", mode: MANUAL${operator ? `, operatorDepartmentCode: "${operator}"` : ""} }) { code operator { code } } }`;

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

describe("the public (not signed in)", () => {
  it("reads what the plan publishes", async () => {
    const r = await gql(
      `{ plan { title } tasks { totalCount } departments { code } areas { code } targets { code progress { percent } } coverageMatrix { totals { element } } stations(first: 1) { totalCount } }`,
    );
    expect(r.errors).toBeUndefined();
  });

  it("cannot read users, change history or write anything", async () => {
    expect(code(await gql(`{ users { email } }`))).toBe("UNAUTHENTICATED");
    expect(code(await gql(`{ changeHistory { edges { node { action } } } }`))).toBe("UNAUTHENTICATED");
    expect(code(await gql(addStation("PUB-1")))).toBe("UNAUTHENTICATED");
    expect(code(await gql(`mutation { clearTaskStatusOverride(code: "1.1") { status } }`))).toBe("UNAUTHENTICATED");
    expect(await db.station.count({ where: { code: "PUB-1" } })).toBe(0);
  });

  it("sees null for me", async () => {
    expect((await gql(`{ me { email } }`)).data.me).toBeNull();
  });
});

describe("a department member", () => {
  it("adds a station for their own department (the default operator)", async () => {
    const r = await gql(addStation("EPB-N-1"), {}, EPB);
    expect(r.errors).toBeUndefined();
    expect(r.data.addStation.operator.code).toBe("epb");
  });

  it("is refused when writing for another department, and nothing is written", async () => {
    const r = await gql(addStation("EPB-N-2", "water"), {}, EPB);
    expect(code(r)).toBe("FORBIDDEN");
    expect(r.errors![0].extensions!.zh).toBe("您只能为本部门提交或修改数据");
    expect(r.errors![0].extensions!.en).toBe("You may only write for your own department");
    expect(await db.station.count({ where: { code: "EPB-N-2" } })).toBe(0);
  });

  it("cannot change or retire another department's station, nor record its alerts", async () => {
    expect(
      code(await gql(`mutation { updateStation(input: { code: "EPB-N-1", name: "改名" }) { name } }`, {}, WATER)),
    ).toBe("FORBIDDEN");
    expect(
      code(await gql(`mutation { retireStation(code: "EPB-N-1", retiredOn: "2026-01-01") { status } }`, {}, WATER)),
    ).toBe("FORBIDDEN");
    const alert = `mutation { recordAlert(input: { stationCode: "EPB-N-1", kind: DEVICE_OFFLINE, occurredAt: "2026-01-02T08:00:00+08:00" }) { kind } }`;
    expect(code(await gql(alert, {}, WATER))).toBe("FORBIDDEN");
    expect((await gql(alert, {}, EPB)).errors).toBeUndefined();
    expect((await db.station.findUniqueOrThrow({ where: { code: "EPB-N-1" } })).name).toBe("测试站");
  });

  it("cannot set task status or list users", async () => {
    expect(code(await gql(`mutation { clearTaskStatusOverride(code: "1.1") { status } }`, {}, EPB))).toBe("FORBIDDEN");
    expect(code(await gql(`{ users { email } }`, {}, EPB))).toBe("FORBIDDEN");
  });

  it("reads the change history", async () => {
    const r = await gql(
      `{ changeHistory(entityType: "Station", entityId: "EPB-N-1") { edges { node { action actor { email } department { code } } } } }`,
      {},
      EPB,
    );
    expect(r.data.changeHistory.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(["ADD"]);
    expect(r.data.changeHistory.edges[0].node).toMatchObject({ actor: { email: EPB }, department: { code: "epb" } });
  });
});

describe("inspectors and area implementers", () => {
  it("read but do not write the registry", async () => {
    for (const who of [INSPECTOR, AREA]) {
      expect(code(await gql(addStation(`X-${who.length}`), {}, who))).toBe("FORBIDDEN");
      expect((await gql(`{ me { role } stations(first: 1) { totalCount } }`, {}, who)).errors).toBeUndefined();
    }
  });
});

describe("the steering group", () => {
  it("writes for any department, sets task status (recorded in history) and lists users", async () => {
    expect((await gql(addStation("SG-1", "water"), {}, STEERING)).data.addStation.operator.code).toBe("water");
    const r = await gql(
      `mutation { overrideTaskStatus(code: "1.1", status: AT_RISK, reason: "待核实") { code status } }`,
      {},
      STEERING,
    );
    expect(r.data.overrideTaskStatus).toEqual({ code: "1.1", status: "AT_RISK" });
    const h = await gql(
      `{ changeHistory(entityType: "Task", entityId: "1.1") { edges { node { action changes } } } }`,
      {},
      STEERING,
    );
    expect(JSON.parse(h.data.changeHistory.edges[0].node.changes)).toEqual({
      statusOverride: [null, "AT_RISK"],
      statusOverrideReason: [null, "待核实"],
    });
    expect((await gql(`{ users { email role } }`, {}, STEERING)).data.users.length).toBeGreaterThanOrEqual(5);
  });
});

describe("recurring duties and milestones", () => {
  it("the responsible department records a fulfilment, and progress counts it", async () => {
    const q = `{ target(code: "T1.3-SOIL-TRAINING-YEARLY") { progress { value required } records { occurredOn department { code } } } }`;
    const before = await gql(q);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const m = `mutation($d: Date!) { recordDutyFulfilment(targetCode: "T1.3-SOIL-TRAINING-YEARLY", occurredOn: $d, summary: "土壤环境监测技术人员培训") { occurredOn } }`;
    expect(code(await gql(m, { d: today }, WATER))).toBe("FORBIDDEN");
    expect((await gql(m, { d: today }, EPB)).errors).toBeUndefined();
    expect(code(await gql(m, { d: today }, EPB))).toBe("CONFLICT");
    const after = await gql(q);
    expect(after.data.target.records.length).toBe(before.data.target.records.length + 1);
    expect(after.data.target.progress).toEqual({ value: 1, required: 1 });
  });

  it("only the steering group marks a milestone reached", async () => {
    const m = `mutation { setMilestoneAchieved(targetCode: "G-2020-BIG-DATA-PLATFORM", achievedOn: "2020-11-30") { achievedOn progress { status } } }`;
    expect(code(await gql(m, {}, EPB))).toBe("FORBIDDEN");
    const r = await gql(m, {}, STEERING);
    expect(r.data.setMilestoneAchieved).toEqual({ achievedOn: "2020-11-30", progress: { status: "MET" } });
    expect(
      code(
        await gql(
          `mutation { setMilestoneAchieved(targetCode: "T1.3-SOIL-TRAINING-YEARLY", achievedOn: "2020-11-30") { code } }`,
          {},
          STEERING,
        ),
      ),
    ).toBe("INVALID_STATE");
  });
});
