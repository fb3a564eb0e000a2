// StationCount, the coverage rollup, stays exactly equal to the GROUP BY over Station (COVERAGE_SQL) whatever changes
// a station: inserts, status changes, mode and element changes, area moves, deletes, bulk writes, rolled-back
// transactions, and the product's own mutations. Real SQLite file, real triggers from the migration.
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVERAGE_ROLLUP_SQL, COVERAGE_SQL } from "../app/models/coverage.server";
import { closeReadOnlySql } from "../app/utils/db.server";
import { createTestDb } from "./support/db";
import { graphqlClient } from "./support/graphql";

const { db, file } = createTestDb();
const gql = graphqlClient(db);
const STEERING = "steering@daqing.example";
let sql: Database.Database;

beforeAll(() => {
  sql = new Database(file, { timeout: 10_000 });
});
afterAll(async () => {
  sql.close();
  closeReadOnlySql(db);
  await db.$disconnect();
});

type Row = [number, string, number, number, number];
const sorted = (rows: Row[]) => rows.map((r) => r.join("|")).sort();
const groupBy = () => sorted(sql.prepare(COVERAGE_SQL).raw().all() as Row[]);
const rollup = () => sorted(sql.prepare(COVERAGE_ROLLUP_SQL).raw().all() as Row[]);

function expectInStep() {
  const expected = groupBy();
  expect(rollup()).toEqual(expected);
  return expected;
}

const areaId = async (code: string) => (await db.area.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
const cell = (area: number, element: string) =>
  sql.prepare("SELECT active, activeAutomatic, planned FROM StationCount WHERE areaId = ? AND element = ?").raw().get(area, element) as
    | [number, number, number]
    | undefined;

const station = (code: string, areaId: number, element: string, status: string, mode: string) => ({ code, name: `测试站${code}`, areaId, element, status, mode });

describe("StationCount follows Station", () => {
  it("holds the seeded registry's counts", () => {
    expect(expectInStep().length).toBeGreaterThan(0);
  });

  it("through inserts, status, mode and element changes, area moves and deletes", async () => {
    // Two new areas, so each cell's row appears and disappears with these stations alone.
    const newArea = (code: string, ordinal: number) =>
      db.area.create({ data: { code, name: `测试区${code}`, nameEn: `Test ${code}`, kind: "COUNTY", cityCode: "2399", ordinal }, select: { id: true } });
    const [a, b] = [(await newArea("239901", 1)).id, (await newArea("239902", 2)).id];
    expect(cell(a, "RADIATION")).toBeUndefined();
    await db.station.createMany({
      data: [
        station("RC-1", a, "RADIATION", "ACTIVE", "AUTOMATIC"),
        station("RC-2", a, "RADIATION", "ACTIVE", "MANUAL"),
        station("RC-3", a, "RADIATION", "PLANNED", "AUTOMATIC"),
        station("RC-4", a, "RADIATION", "SUSPENDED", "AUTOMATIC"),
        station("RC-5", a, "RADIATION", "RETIRED", "MANUAL"),
        station("RC-6", b, "ECOLOGY", "ACTIVE", "MANUAL"),
      ],
    });
    expectInStep();
    expect(cell(a, "RADIATION")).toEqual([2, 1, 1]);

    await db.station.update({ where: { code: "RC-1" }, data: { status: "RETIRED", retiredOn: new Date() } }); // ACTIVE → RETIRED
    expectInStep();
    await db.station.update({ where: { code: "RC-3" }, data: { status: "ACTIVE" } }); // PLANNED → ACTIVE
    expectInStep();
    await db.station.update({ where: { code: "RC-4" }, data: { status: "ACTIVE" } }); // SUSPENDED → ACTIVE
    expectInStep();
    await db.station.update({ where: { code: "RC-2" }, data: { status: "SUSPENDED" } }); // ACTIVE → SUSPENDED
    expectInStep();
    await db.station.update({ where: { code: "RC-3" }, data: { status: "PLANNED" } }); // ACTIVE → PLANNED
    expectInStep();
    expect(cell(a, "RADIATION")).toEqual([1, 1, 1]);

    await db.station.update({ where: { code: "RC-4" }, data: { mode: "MANUAL" } });
    expectInStep();
    expect(cell(a, "RADIATION")).toEqual([1, 0, 1]);
    await db.station.update({ where: { code: "RC-4" }, data: { mode: "AUTOMATIC" } });
    expectInStep();

    await db.station.update({ where: { code: "RC-4" }, data: { element: "ECOLOGY" } });
    expectInStep();
    await db.station.update({ where: { code: "RC-4" }, data: { areaId: b } }); // area move
    expectInStep();
    expect(cell(b, "ECOLOGY")).toEqual([2, 1, 0]);
    // Several counted columns at once, and a move back.
    await db.station.update({ where: { code: "RC-4" }, data: { areaId: a, element: "RADIATION", status: "PLANNED", mode: "MANUAL" } });
    expectInStep();
    // A write that touches counted columns without changing them.
    await db.station.update({ where: { code: "RC-6" }, data: { status: "ACTIVE", mode: "MANUAL", areaId: b, element: "ECOLOGY" } });
    expectInStep();

    await db.station.updateMany({ where: { code: { startsWith: "RC-" } }, data: { areaId: b } }); // bulk move
    expectInStep();
    expect(cell(a, "RADIATION")).toBeUndefined();
    await db.station.deleteMany({ where: { code: { in: ["RC-3", "RC-5"] } } });
    expectInStep();
    await db.station.deleteMany({ where: { code: { startsWith: "RC-" } } });
    expectInStep();
    expect(cell(b, "RADIATION")).toBeUndefined();
  });

  it("by raw SQL, many rows at once", () => {
    sql.exec(`UPDATE Station SET status = CASE WHEN id % 3 = 0 THEN 'PLANNED' WHEN id % 3 = 1 THEN 'ACTIVE' ELSE status END,
                                 mode = CASE WHEN id % 2 = 0 THEN 'MANUAL' ELSE 'AUTOMATIC' END
               WHERE demo = 1 AND status <> 'RETIRED'`);
    expectInStep();
    sql.exec(`UPDATE Station SET areaId = (SELECT min(id) FROM Area), element = 'NOISE' WHERE demo = 1 AND id % 5 = 0`);
    expectInStep();
  });

  it("not at all when a transaction rolls back", async () => {
    const before = expectInStep();
    const a = await areaId("230602");
    await expect(
      db.$transaction(async (tx) => {
        await tx.station.create({ data: station("RB-1", a, "SOIL", "ACTIVE", "MANUAL") });
        await tx.station.updateMany({ where: { status: "ACTIVE" }, data: { status: "RETIRED" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(rollup()).toEqual(before);
  });

  it("through the product's mutations, and the coverage matrix reads it", async () => {
    const matrixCell = async (element: string) => {
      const r = await gql(`{ coverageMatrix(areaCodes: ["230623"], elements: [${element}]) { rows { stations automatic planned } } }`);
      expect(r.errors).toBeUndefined();
      const row = r.data.coverageMatrix.rows[0];
      return [row.stations[0], row.automatic[0], row.planned[0]];
    };
    const add = (code: string, element: string, mode: string, status: string) =>
      gql(`mutation { addStation(input: { code: "${code}", name: "测试站", element: ${element}, areaCode: "230623", mode: ${mode}, operatorDepartmentCode: "epb", status: ${status} }) { code } }`, {}, STEERING);
    const start = await matrixCell("GROUNDWATER");

    for (const r of [await add("MUT-1", "GROUNDWATER", "AUTOMATIC", "ACTIVE"), await add("MUT-2", "GROUNDWATER", "MANUAL", "PLANNED"), await add("MUT-3", "GROUNDWATER", "MANUAL", "ACTIVE")])
      expect(r.errors).toBeUndefined();
    expectInStep();
    expect(await matrixCell("GROUNDWATER")).toEqual([start[0] + 2, start[1] + 1, start[2] + 1]);

    const update = (code: string, change: string) => gql(`mutation { updateStation(input: { code: "${code}", ${change} }) { code } }`, {}, STEERING);
    expect((await update("MUT-2", "status: ACTIVE")).errors).toBeUndefined(); // PLANNED → ACTIVE
    expect((await update("MUT-3", "mode: AUTOMATIC")).errors).toBeUndefined();
    expect((await update("MUT-1", "status: SUSPENDED")).errors).toBeUndefined();
    expect((await update("MUT-1", "name: \"改名\"")).errors).toBeUndefined(); // no counted column
    expectInStep();
    expect(await matrixCell("GROUNDWATER")).toEqual([start[0] + 2, start[1] + 1, start[2]]);

    const retire = await gql(`mutation { retireStation(code: "MUT-3", retiredOn: "2026-06-01") { status } }`, {}, STEERING); // ACTIVE → RETIRED
    expect(retire.errors).toBeUndefined();
    expectInStep();
    expect(await matrixCell("GROUNDWATER")).toEqual([start[0] + 1, start[1], start[2]]);

    // A refused mutation changes nothing.
    expect((await add("MUT-1", "GROUNDWATER", "AUTOMATIC", "ACTIVE")).errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expectInStep();
  });

  it("is rebuilt from Station by the migration's trigger SQL on a database that has stations already", () => {
    const before = expectInStep();
    sql.exec(`DROP TRIGGER "Station_count_insert"; DROP TRIGGER "Station_count_delete"; DROP TRIGGER "Station_count_update"; DELETE FROM StationCount`);
    expect(rollup()).toEqual([]);
    sql.exec(readFileSync("prisma/sql/station-count-triggers.sql", "utf8"));
    expect(rollup()).toEqual(before);
    sql.prepare("UPDATE Station SET status = 'RETIRED' WHERE id = (SELECT min(id) FROM Station WHERE status = 'ACTIVE')").run();
    expectInStep();
  });

  it("is what the migration creates: three triggers on Station", () => {
    const triggers = sql.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Station' ORDER BY name").pluck().all();
    expect(triggers).toEqual(["Station_count_delete", "Station_count_insert", "Station_count_update"]);
    const migration = readFileSync("prisma/migrations/20261129000000_init/migration.sql", "utf8");
    expect(migration).toContain(readFileSync("prisma/sql/station-count-triggers.sql", "utf8"));
  });
});
