// StationCount, the coverage rollup, stays exactly equal to the GROUP BY over Station (COVERAGE_SQL) whatever changes
// a station: inserts, status changes, mode and element changes, area moves, deletes, bulk writes, rolled-back
// transactions, and the product's own mutations. Real database (SQLite, or PostgreSQL when TEST_DATABASE says so),
// real triggers from that database's migration.
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { COVERAGE_ROLLUP_SQL, COVERAGE_SQL } from "../app/models/coverage.server";
import { closeReadOnlySql } from "../app/utils/db.server";
import { forDialect } from "../app/utils/sql.server";
import { createTestDb, testDatabase } from "./support/db";
import { graphqlClient } from "./support/graphql";

const { db, file, url } = createTestDb();
const gql = graphqlClient(db);
const STEERING = "steering@daqing.example";

/** A connection of its own beside Prisma's, to read the rollup and to write by raw SQL as another client would. */
interface RawSql {
  rows(sql: string, ...params: unknown[]): Promise<unknown[][]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

function openRawSql(): RawSql {
  if (testDatabase === "postgresql") {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    return {
      rows: async (sql, ...params) =>
        (await pool.query({ text: forDialect("postgresql", sql), values: params, rowMode: "array" }))
          .rows as unknown[][],
      exec: async (sql) => void (await pool.query(sql)),
      close: () => pool.end(),
    };
  }
  const conn = new Database(file, { timeout: 10_000 });
  return {
    rows: async (sql, ...params) =>
      conn
        .prepare(sql)
        .raw()
        .all(...params) as unknown[][],
    exec: async (sql) => void conn.exec(sql),
    close: async () => void conn.close(),
  };
}

const sql = openRawSql();
afterAll(async () => {
  await sql.close();
  closeReadOnlySql(db);
  await db.$disconnect();
});

type Row = [number, string, number, number, number];
const sorted = (rows: unknown[][]) => (rows as Row[]).map((r) => r.join("|")).sort();
const groupBy = async () => sorted(await sql.rows(COVERAGE_SQL));
const rollup = async () => sorted(await sql.rows(COVERAGE_ROLLUP_SQL));

async function expectInStep() {
  const expected = await groupBy();
  expect(await rollup()).toEqual(expected);
  return expected;
}

const areaId = async (code: string) => (await db.area.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
const cell = async (area: number, element: string) =>
  (
    await sql.rows(
      `SELECT "active", "activeAutomatic", "planned" FROM "StationCount" WHERE "areaId" = ? AND "element" = ?`,
      area,
      element,
    )
  )[0] as [number, number, number] | undefined;

/** Each database's trigger SQL, as its migration appends it (scripts/new-migration.sh). */
const TRIGGERS =
  testDatabase === "postgresql"
    ? {
        sql: "prisma/sql/postgresql/station-count-triggers.sql",
        migration: "prisma/migrations-postgresql/20261129000000_init/migration.sql",
        drop: `DROP TRIGGER "Station_count_insert" ON "Station"; DROP TRIGGER "Station_count_delete" ON "Station";
               DROP TRIGGER "Station_count_update" ON "Station"; DELETE FROM "StationCount"`,
        list: `SELECT tgname FROM pg_trigger WHERE tgrelid = '"Station"'::regclass AND NOT tgisinternal
                 AND tgname LIKE 'Station_count%' ORDER BY tgname`,
      }
    : {
        sql: "prisma/sql/station-count-triggers.sql",
        migration: "prisma/migrations/20261129000000_init/migration.sql",
        drop: `DROP TRIGGER "Station_count_insert"; DROP TRIGGER "Station_count_delete"; DROP TRIGGER "Station_count_update";
               DELETE FROM "StationCount"`,
        // Station has the search index's triggers too (ADR 024): only the count's are this test's.
        list: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Station' AND name LIKE 'Station_count%' ORDER BY name",
      };

const station = (code: string, areaId: number, element: string, status: string, mode: string) => ({
  code,
  name: `测试站${code}`,
  areaId,
  element,
  status,
  mode,
});

describe("StationCount follows Station", () => {
  it("holds the seeded registry's counts", async () => {
    expect((await expectInStep()).length).toBeGreaterThan(0);
  });

  it("through inserts, status, mode and element changes, area moves and deletes", async () => {
    // Two new areas, so each cell's row appears and disappears with these stations alone.
    const newArea = (code: string, ordinal: number) =>
      db.area.create({
        data: { code, name: `测试区${code}`, nameEn: `Test ${code}`, kind: "COUNTY", cityCode: "2399", ordinal },
        select: { id: true },
      });
    const [a, b] = [(await newArea("239901", 1)).id, (await newArea("239902", 2)).id];
    expect(await cell(a, "RADIATION")).toBeUndefined();
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
    await expectInStep();
    expect(await cell(a, "RADIATION")).toEqual([2, 1, 1]);

    await db.station.update({ where: { code: "RC-1" }, data: { status: "RETIRED", retiredOn: new Date() } }); // ACTIVE → RETIRED
    await expectInStep();
    await db.station.update({ where: { code: "RC-3" }, data: { status: "ACTIVE" } }); // PLANNED → ACTIVE
    await expectInStep();
    await db.station.update({ where: { code: "RC-4" }, data: { status: "ACTIVE" } }); // SUSPENDED → ACTIVE
    await expectInStep();
    await db.station.update({ where: { code: "RC-2" }, data: { status: "SUSPENDED" } }); // ACTIVE → SUSPENDED
    await expectInStep();
    await db.station.update({ where: { code: "RC-3" }, data: { status: "PLANNED" } }); // ACTIVE → PLANNED
    await expectInStep();
    expect(await cell(a, "RADIATION")).toEqual([1, 1, 1]);

    await db.station.update({ where: { code: "RC-4" }, data: { mode: "MANUAL" } });
    await expectInStep();
    expect(await cell(a, "RADIATION")).toEqual([1, 0, 1]);
    await db.station.update({ where: { code: "RC-4" }, data: { mode: "AUTOMATIC" } });
    await expectInStep();

    await db.station.update({ where: { code: "RC-4" }, data: { element: "ECOLOGY" } });
    await expectInStep();
    await db.station.update({ where: { code: "RC-4" }, data: { areaId: b } }); // area move
    await expectInStep();
    expect(await cell(b, "ECOLOGY")).toEqual([2, 1, 0]);
    // Several counted columns at once, and a move back.
    await db.station.update({
      where: { code: "RC-4" },
      data: { areaId: a, element: "RADIATION", status: "PLANNED", mode: "MANUAL" },
    });
    await expectInStep();
    // A write that touches counted columns without changing them.
    await db.station.update({
      where: { code: "RC-6" },
      data: { status: "ACTIVE", mode: "MANUAL", areaId: b, element: "ECOLOGY" },
    });
    await expectInStep();

    await db.station.updateMany({ where: { code: { startsWith: "RC-" } }, data: { areaId: b } }); // bulk move
    await expectInStep();
    expect(await cell(a, "RADIATION")).toBeUndefined();
    await db.station.deleteMany({ where: { code: { in: ["RC-3", "RC-5"] } } });
    await expectInStep();
    await db.station.deleteMany({ where: { code: { startsWith: "RC-" } } });
    await expectInStep();
    expect(await cell(b, "RADIATION")).toBeUndefined();
  });

  it("by raw SQL, many rows at once", async () => {
    await sql.exec(`UPDATE "Station" SET
        "status" = CASE WHEN "id" % 3 = 0 THEN 'PLANNED' WHEN "id" % 3 = 1 THEN 'ACTIVE' ELSE "status" END,
        "mode" = CASE WHEN "id" % 2 = 0 THEN 'MANUAL' ELSE 'AUTOMATIC' END
      WHERE "demo" = TRUE AND "status" <> 'RETIRED'`);
    await expectInStep();
    await sql.exec(
      `UPDATE "Station" SET "areaId" = (SELECT min("id") FROM "Area"), "element" = 'NOISE' WHERE "demo" = TRUE AND "id" % 5 = 0`,
    );
    await expectInStep();
  });

  it("not at all when a transaction rolls back", async () => {
    const before = await expectInStep();
    const a = await areaId("230602");
    await expect(
      db.$transaction(async (tx) => {
        await tx.station.create({ data: station("RB-1", a, "SOIL", "ACTIVE", "MANUAL") });
        await tx.station.updateMany({ where: { status: "ACTIVE" }, data: { status: "RETIRED" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await rollup()).toEqual(before);
  });

  it("through the product's mutations, and the coverage matrix reads it", async () => {
    const matrixCell = async (element: string) => {
      const r = await gql(
        `{ coverageMatrix(areaCodes: ["230623"], elements: [${element}]) { rows { stations automatic planned } } }`,
      );
      expect(r.errors).toBeUndefined();
      const row = r.data.coverageMatrix.rows[0];
      return [row.stations[0], row.automatic[0], row.planned[0]];
    };
    const add = (code: string, element: string, mode: string, status: string) =>
      gql(
        `mutation { addStation(input: { code: "${code}", name: "测试站", element: ${element}, areaCode: "230623", mode: ${mode}, operatorDepartmentCode: "epb", status: ${status} }) { code } }`,
        {},
        STEERING,
      );
    const start = await matrixCell("GROUNDWATER");

    for (const r of [
      await add("MUT-1", "GROUNDWATER", "AUTOMATIC", "ACTIVE"),
      await add("MUT-2", "GROUNDWATER", "MANUAL", "PLANNED"),
      await add("MUT-3", "GROUNDWATER", "MANUAL", "ACTIVE"),
    ])
      expect(r.errors).toBeUndefined();
    await expectInStep();
    expect(await matrixCell("GROUNDWATER")).toEqual([start[0] + 2, start[1] + 1, start[2] + 1]);

    const update = (code: string, change: string) =>
      gql(`mutation { updateStation(input: { code: "${code}", ${change} }) { code } }`, {}, STEERING);
    expect((await update("MUT-2", "status: ACTIVE")).errors).toBeUndefined(); // PLANNED → ACTIVE
    expect((await update("MUT-3", "mode: AUTOMATIC")).errors).toBeUndefined();
    expect((await update("MUT-1", "status: SUSPENDED")).errors).toBeUndefined();
    expect((await update("MUT-1", 'name: "改名"')).errors).toBeUndefined(); // no counted column
    await expectInStep();
    expect(await matrixCell("GROUNDWATER")).toEqual([start[0] + 2, start[1] + 1, start[2]]);

    const retire = await gql(
      `mutation { retireStation(code: "MUT-3", retiredOn: "2026-06-01") { status } }`,
      {},
      STEERING,
    ); // ACTIVE → RETIRED
    expect(retire.errors).toBeUndefined();
    await expectInStep();
    expect(await matrixCell("GROUNDWATER")).toEqual([start[0] + 1, start[1], start[2]]);

    // A refused mutation changes nothing.
    expect((await add("MUT-1", "GROUNDWATER", "AUTOMATIC", "ACTIVE")).errors?.[0]?.extensions?.code).toBe("CONFLICT");
    await expectInStep();
  });

  it("is rebuilt from Station by the migration's trigger SQL on a database that has stations already", async () => {
    const before = await expectInStep();
    await sql.exec(TRIGGERS.drop);
    expect(await rollup()).toEqual([]);
    await sql.exec(readFileSync(TRIGGERS.sql, "utf8"));
    expect(await rollup()).toEqual(before);
    await sql.exec(
      `UPDATE "Station" SET "status" = 'RETIRED' WHERE "id" = (SELECT min("id") FROM "Station" WHERE "status" = 'ACTIVE')`,
    );
    await expectInStep();
  });

  it("is what the migration creates: its three triggers on Station", async () => {
    const triggers = (await sql.rows(TRIGGERS.list)).map((r) => r[0]);
    expect(triggers).toEqual(["Station_count_delete", "Station_count_insert", "Station_count_update"]);
    expect(readFileSync(TRIGGERS.migration, "utf8")).toContain(readFileSync(TRIGGERS.sql, "utf8"));
  });
});
