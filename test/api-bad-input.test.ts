// Bad input gets a clear bilingual error with a stable code, never a stack trace, and nothing is half-written.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "./support/db";
import { graphqlClient, type GqlResult } from "./support/graphql";

const { db } = createTestDb();
const gql = graphqlClient(db);
afterAll(() => db.$disconnect());
const EPB = "epb@daqing.example";

function expectError(r: GqlResult, code: string, zh?: RegExp) {
  expect(r.errors, JSON.stringify(r)).toBeDefined();
  const e = r.errors![0];
  expect(e.extensions?.code).toBe(code);
  expect(e.message).not.toMatch(/\n\s+at /); // no stack trace
  expect(JSON.stringify(e)).not.toMatch(/stacktrace|node_modules/);
  if (zh) expect(e.extensions?.zh ?? e.message).toMatch(zh);
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  expect(e.message).toMatch(/[A-Za-z]/);
}

const add = (fields: string) => `mutation { addStation(input: { ${fields} }) { code } }`;
const valid = `name: "站", element: AIR, areaCode: "230602", mode: MANUAL`;

describe("unknown codes and ids", () => {
  it("refuses an unknown task, department, area, station", async () => {
    expectError(await gql(`{ task(code: "9.9") { code } }`), "NOT_FOUND", /未找到任务/);
    expectError(await gql(`{ department(code: "nope") { code } }`), "NOT_FOUND", /未找到部门/);
    expectError(await gql(`{ area(code: "000000") { code } }`), "NOT_FOUND");
    expectError(await gql(`{ station(code: "NOPE") { code } }`), "NOT_FOUND");
    expectError(await gql(add(`code: "A-1", name: "x", element: AIR, areaCode: "999999", mode: MANUAL`), {}, EPB), "NOT_FOUND", /行政区/);
  });

  it("refuses a malformed cursor or enum value before touching data", async () => {
    const r = await gql(`{ stations(element: LAVA) { totalCount } }`);
    expect(r.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("malformed values", () => {
  it("refuses malformed and impossible dates", async () => {
    expectError(await gql(add(`code: "D-1", ${valid}, commissionedOn: "2019-13-45"`), {}, EPB), "BAD_INPUT", /日期/);
    expectError(await gql(add(`code: "D-2", ${valid}, commissionedOn: "2019-02-30"`), {}, EPB), "BAD_INPUT", /有效日期/);
    expectError(await gql(add(`code: "D-3", ${valid}, commissionedOn: "yesterday"`), {}, EPB), "BAD_INPUT");
    expectError(
      await gql(`mutation { recordAlert(input: { stationCode: "X", kind: EXCEEDANCE, occurredAt: "30/06/2019" }) { kind } }`, {}, EPB),
      "BAD_INPUT",
      /时间/,
    );
  });

  it("refuses empty and over-long text", async () => {
    expectError(await gql(add(`code: "T-1", name: "   ", element: AIR, areaCode: "230602", mode: MANUAL`), {}, EPB), "BAD_INPUT", /不能为空/);
    expectError(await gql(add(`code: "T-2", name: "${"长".repeat(101)}", element: AIR, areaCode: "230602", mode: MANUAL`), {}, EPB), "BAD_INPUT", /100/);
    expectError(await gql(add(`code: "bad code!", ${valid}`), {}, EPB), "BAD_INPUT", /站点编码/);
    expectError(await gql(add(`code: "L-1", ${valid}, latitude: 123`), {}, EPB), "BAD_INPUT", /纬度/);
  });

  it("refuses an exceedance without values and an alert in the future", async () => {
    const station = await db.station.findFirstOrThrow({ where: { status: "ACTIVE", operatorDepartment: { code: "epb" } } });
    expectError(
      await gql(`mutation { recordAlert(input: { stationCode: "${station.code}", kind: EXCEEDANCE, occurredAt: "2026-01-01T00:00:00Z" }) { kind } }`, {}, EPB),
      "BAD_INPUT",
      /监测值和限值/,
    );
    expectError(
      await gql(`mutation { recordAlert(input: { stationCode: "${station.code}", kind: DEVICE_OFFLINE, occurredAt: "2999-01-01T00:00:00Z" }) { kind } }`, {}, EPB),
      "BAD_INPUT",
      /晚于当前时间/,
    );
  });

  it("refuses an inverted time range", async () => {
    expectError(await gql(`{ alertSummary(from: "2020-01-01T00:00:00Z", to: "2019-01-01T00:00:00Z") { count } }`), "BAD_INPUT");
  });
});

describe("nothing half-written", () => {
  it("a duplicate station code is a conflict and leaves no trace", async () => {
    const audits = await db.auditEvent.count();
    expect((await gql(add(`code: "DUP-1", ${valid}`), {}, EPB)).errors).toBeUndefined();
    expectError(await gql(add(`code: "DUP-1", ${valid}`), {}, EPB), "CONFLICT", /已存在/);
    expect(await db.station.count({ where: { code: "DUP-1" } })).toBe(1);
    expect(await db.auditEvent.count()).toBe(audits + 1);
  });

  it("retiring twice, or before commissioning, is refused without change", async () => {
    expect((await gql(add(`code: "RET-1", ${valid}, commissionedOn: "2019-05-01"`), {}, EPB)).errors).toBeUndefined();
    expectError(await gql(`mutation { retireStation(code: "RET-1", retiredOn: "2018-01-01") { status } }`, {}, EPB), "BAD_INPUT", /早于投运日期/);
    expect((await db.station.findUniqueOrThrow({ where: { code: "RET-1" } })).status).toBe("ACTIVE");
    expect((await gql(`mutation { retireStation(code: "RET-1", retiredOn: "2020-01-01") { status } }`, {}, EPB)).data.retireStation.status).toBe("RETIRED");
    expectError(await gql(`mutation { retireStation(code: "RET-1", retiredOn: "2020-01-02") { status } }`, {}, EPB), "INVALID_STATE");
    expectError(await gql(`mutation { updateStation(input: { code: "RET-1", name: "x" }) { name } }`, {}, EPB), "INVALID_STATE");
  });

  it("recording the same alert twice with one idempotency key writes it once", async () => {
    const station = await db.station.findFirstOrThrow({ where: { status: "ACTIVE", operatorDepartment: { code: "epb" } } });
    const m = `mutation { recordAlert(input: { stationCode: "${station.code}", kind: DEVICE_OFFLINE, occurredAt: "2026-03-01T10:00:00+08:00", idempotencyKey: "feed-42-offline" }) { id } }`;
    const a = await gql(m, {}, EPB);
    const b = await gql(m, {}, EPB);
    expect(a.data.recordAlert.id).toBe(b.data.recordAlert.id);
    expect(await db.alert.count({ where: { idempotencyKey: "feed-42-offline" } })).toBe(1);
  });
});

describe("query limits", () => {
  it("refuses a query deeper than the limit", async () => {
    const r = await gql(`{ tasks { edges { node { assignments { department { leads { task { assignments { department { supports { task { code } } } } } } } } } } } }`);
    expect(r.errors?.[0].message).toMatch(/depth/i);
    expect(r.data).toBeUndefined();
  });

  it("refuses a query whose cost is over the limit", async () => {
    const fields = Array.from({ length: 60 }, (_, i) => `a${i}: stations(first: 500) { edges { node { code area { name } alerts(first: 100) { edges { node { kind } } } } } }`).join(" ");
    const r = await gql(`{ ${fields} }`);
    expect(r.errors?.[0].message).toMatch(/cost/i);
    expect(r.data).toBeUndefined();
  });
});
