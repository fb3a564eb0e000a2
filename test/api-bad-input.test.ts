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
    expectError(
      await gql(add(`code: "A-1", name: "x", element: AIR, areaCode: "999999", mode: MANUAL`), {}, EPB),
      "NOT_FOUND",
      /行政区/,
    );
  });

  it("refuses a malformed cursor or enum value before touching data", async () => {
    expectError(await gql(`{ stations(element: LAVA) { totalCount } }`), "GRAPHQL_VALIDATION_FAILED");
    expectError(await gql(`{ stations(after: "garbage") { totalCount } }`), "BAD_INPUT", /分页游标无效/);
  });
});

describe("malformed values", () => {
  it("refuses malformed and impossible dates", async () => {
    expectError(await gql(add(`code: "D-1", ${valid}, commissionedOn: "2019-13-45"`), {}, EPB), "BAD_INPUT", /日期/);
    expectError(
      await gql(add(`code: "D-2", ${valid}, commissionedOn: "2019-02-30"`), {}, EPB),
      "BAD_INPUT",
      /有效日期/,
    );
    expectError(await gql(add(`code: "D-3", ${valid}, commissionedOn: "yesterday"`), {}, EPB), "BAD_INPUT");
    expectError(
      await gql(
        `mutation { recordAlert(input: { stationCode: "X", kind: EXCEEDANCE, occurredAt: "30/06/2019" }) { kind } }`,
        {},
        EPB,
      ),
      "BAD_INPUT",
      /时间/,
    );
  });

  it("refuses empty and over-long text", async () => {
    expectError(
      await gql(add(`code: "T-1", name: "   ", element: AIR, areaCode: "230602", mode: MANUAL`), {}, EPB),
      "BAD_INPUT",
      /不能为空/,
    );
    expectError(
      await gql(
        add(`code: "T-2", name: "${"长".repeat(101)}", element: AIR, areaCode: "230602", mode: MANUAL`),
        {},
        EPB,
      ),
      "BAD_INPUT",
      /100/,
    );
    expectError(await gql(add(`code: "bad code!", ${valid}`), {}, EPB), "BAD_INPUT", /站点编码/);
    expectError(await gql(add(`code: "L-1", ${valid}, latitude: 123`), {}, EPB), "BAD_INPUT", /纬度/);
  });

  it("refuses an exceedance without values and an alert in the future", async () => {
    const station = await db.station.findFirstOrThrow({
      where: { status: "ACTIVE", operatorDepartment: { code: "epb" } },
    });
    expectError(
      await gql(
        `mutation { recordAlert(input: { stationCode: "${station.code}", kind: EXCEEDANCE, occurredAt: "2026-01-01T00:00:00Z" }) { kind } }`,
        {},
        EPB,
      ),
      "BAD_INPUT",
      /监测值和限值/,
    );
    expectError(
      await gql(
        `mutation { recordAlert(input: { stationCode: "${station.code}", kind: DEVICE_OFFLINE, occurredAt: "2999-01-01T00:00:00Z" }) { kind } }`,
        {},
        EPB,
      ),
      "BAD_INPUT",
      /晚于当前时间/,
    );
  });

  it("refuses an inverted time range", async () => {
    expectError(
      await gql(`{ alertSummary(from: "2020-01-01T00:00:00Z", to: "2019-01-01T00:00:00Z") { count } }`),
      "BAD_INPUT",
    );
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
    expectError(
      await gql(`mutation { retireStation(code: "RET-1", retiredOn: "2018-01-01") { status } }`, {}, EPB),
      "BAD_INPUT",
      /早于投运日期/,
    );
    expect((await db.station.findUniqueOrThrow({ where: { code: "RET-1" } })).status).toBe("ACTIVE");
    expect(
      (await gql(`mutation { retireStation(code: "RET-1", retiredOn: "2020-01-01") { status } }`, {}, EPB)).data
        .retireStation.status,
    ).toBe("RETIRED");
    expectError(
      await gql(`mutation { retireStation(code: "RET-1", retiredOn: "2020-01-02") { status } }`, {}, EPB),
      "INVALID_STATE",
    );
    expectError(
      await gql(`mutation { updateStation(input: { code: "RET-1", name: "x" }) { name } }`, {}, EPB),
      "INVALID_STATE",
    );
  });

  it("recording the same alert twice with one idempotency key writes it once", async () => {
    const station = await db.station.findFirstOrThrow({
      where: { status: "ACTIVE", operatorDepartment: { code: "epb" } },
    });
    const m = `mutation { recordAlert(input: { stationCode: "${station.code}", kind: DEVICE_OFFLINE, occurredAt: "2026-03-01T10:00:00+08:00", idempotencyKey: "feed-42-offline" }) { id } }`;
    const a = await gql(m, {}, EPB);
    const b = await gql(m, {}, EPB);
    expect(a.data.recordAlert.id).toBe(b.data.recordAlert.id);
    expect(await db.alert.count({ where: { idempotencyKey: "feed-42-offline" } })).toBe(1);
  });
});

describe("form errors name each field by its label", () => {
  // Field codes a form never shows: an error that names one has leaked the input's shape to the reader.
  const CODE = /\b[a-z]+[A-Z]\w*\b/;
  const STEERING = "steering@daqing.example";

  it("in both languages, with the label beside each problem", async () => {
    const r = await gql(
      add(`code: "LB-1", name: "  ", element: AIR, areaCode: "230602", mode: MANUAL, latitude: 123`),
      {},
      EPB,
    );
    const e = r.errors![0];
    expect(e.extensions?.zh).toBe("输入有误：站点名称不能为空；纬度应在-90至90之间");
    expect(e.extensions?.en).toBe("Invalid input: station name must not be empty; latitude must be between -90 and 90");
    expect((e.extensions as { problems?: unknown }).problems).toEqual([
      { field: "name", label: { zh: "站点名称", en: "station name" }, zh: "不能为空", en: "must not be empty" },
      {
        field: "latitude",
        label: { zh: "纬度", en: "latitude" },
        zh: "应在-90至90之间",
        en: "must be between -90 and 90",
      },
    ]);
  });

  it("for the checks zod words itself, without the codes it would quote", async () => {
    const r = await gql(
      `mutation { recordAlert(input: { stationCode: "${"X".repeat(41)}", kind: DEVICE_OFFLINE, occurredAt: "2026-01-01" }) { id } }`,
      {},
      EPB,
    );
    const e = r.errors![0];
    expect(e.extensions?.zh).toMatch(/^输入有误：站点不能超过40个字符；报警时间时间格式应为 ISO 8601/);
    expect(e.extensions?.en).toMatch(/^Invalid input: station must be at most 40 characters; alert time must be/);
    expect(JSON.stringify(e.extensions)).not.toMatch(/expected|Too big/);
  });

  it("on every kind of form", async () => {
    const refusals = [
      await gql(`mutation { openReportingCycle(period: "2026 Q4", dueDate: "2027-01-15") { period } }`, {}, STEERING),
      await gql(
        `mutation { openWorkPlan(departmentCode: "epb", year: 1999, dueDate: "2027-13-01") { year } }`,
        {},
        STEERING,
      ),
      await gql(`mutation { overrideTaskStatus(code: "1.1", status: DELAYED, reason: " ") { code } }`, {}, STEERING),
      await gql(`mutation { retireStation(code: "X", retiredOn: "2999-01-01") { code } }`, {}, EPB),
      await gql(`mutation { changePassword(current: "x", new: "short") }`, {}, EPB),
      await gql(
        `mutation { recordDutyFulfilment(targetCode: "x", occurredOn: "2020-01-01", summary: "") { summary } }`,
        {},
        STEERING,
      ),
    ];
    for (const r of refusals) {
      const e = r.errors![0];
      expect(e.extensions?.code, JSON.stringify(e)).toBe("BAD_INPUT");
      expect(`${e.extensions?.zh} ${e.extensions?.en}`).not.toMatch(CODE);
      for (const p of (e.extensions as { problems: unknown }).problems as {
        label: { zh: string; en: string };
        zh: string;
        en: string;
      }[]) {
        expect(p.label.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(e.extensions?.zh).toContain(`${p.label.zh}${p.zh}`);
        expect(e.extensions?.en).toContain(`${p.label.en} ${p.en}`);
      }
    }
  });
});
