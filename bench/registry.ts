// Registry cases: the coverage matrix and the alert summary, each over HTTP against the same raw aggregation
// (COVERAGE_SQL, ALERT_SUMMARY_SQL) run on the same database by a connection of the floor's own (better-sqlite3 on
// SQLite, one pg client on PostgreSQL; docs/decisions/017-two-databases.md). The product reads coverage from the
// StationCount rollup; its floor stays the GROUP BY over Station (what a system without the rollup must do), and a
// second row sets the same request against that GROUP BY handed over as one JSON text (the strictest floor), a
// third against reading the rollup itself (docs/decisions/009-station-count-rollup.md).
import { coverageSql, COVERAGE_SQL } from "../app/models/coverage.server";
import { ALERT_SUMMARY_SQL } from "../app/models/alert.server";
import { graphql, type ResultOf } from "../app/utils/graphql";
import { forDialect, sqlTime } from "../app/utils/sql.server";
import type { BenchCase, BenchContext } from "./cases";

/**
 * The whole matrix as a client holding many areas asks for it: the columns once, then per area its counts, requirement
 * and judgement as lists in column order, and the per-element totals (docs/decisions/006-coverage-read-path.md). With
 * `cityCode`, the city dashboard's question at any scale (the filter must reach the SQL, not follow it).
 */
export const COVERAGE_QUERY = graphql(`
  query Coverage($cityCode: String) {
    coverageMatrix(cityCode: $cityCode) {
      elements
      rows {
        area {
          code
          name
          kind
          cityCode
        }
        stations
        automatic
        planned
        required
        status
      }
      totals {
        element
        stations
        automatic
        areasRequired
        areasMet
      }
    }
  }
`);

/** The same matrix as one object per cell, as the city dashboard reads it: the same numbers, more to execute and send. */
export const COVERAGE_CELLS_QUERY = graphql(`
  query CoverageCells {
    coverageMatrix {
      rows {
        area {
          code
          name
          kind
          cityCode
        }
        cells {
          element
          stations
          automatic
          planned
          required
          status
        }
      }
      totals {
        element
        stations
        automatic
        areasRequired
        areasMet
      }
    }
  }
`);

export const ALERT_SUMMARY_QUERY = graphql(`
  query AlertSummary($from: DateTime!, $to: DateTime!) {
    alertSummary(from: $from, to: $to) {
      kind
      status
      count
    }
  }
`);

/** One calendar year in Asia/Shanghai: about half the generated alerts. */
const WINDOW = { from: new Date("2025-01-01T00:00:00+08:00"), to: new Date("2026-01-01T00:00:00+08:00") };

type CoverageResult = ResultOf<typeof COVERAGE_QUERY>;
type CoverageCellsResult = ResultOf<typeof COVERAGE_CELLS_QUERY>;
/** One row of the coverage counts as a tuple: areaId, element, stations, automatic, planned. */
type CountRow = [number, string, number, number, number];

const SQL = { sqlite: coverageSql("sqlite"), postgresql: coverageSql("postgresql") };

/** A query's rows as arrays (better-sqlite3's raw mode, pg's array row mode): no object per row on either side. */
function rawRows(ctx: BenchContext, sql: string, ...params: unknown[]): unknown[][] | Promise<unknown[][]> {
  if (ctx.sql.dialect === "sqlite")
    return ctx.sql.conn
      .prepare(sql)
      .raw()
      .all(...params) as unknown[][];
  return ctx.sql.client
    .query({ text: forDialect("postgresql", sql), values: params, rowMode: "array" })
    .then((r) => r.rows as unknown[][]);
}

/** The first column of a query's one row. */
async function single(ctx: BenchContext, sql: string, ...params: unknown[]): Promise<unknown> {
  if (ctx.sql.dialect === "sqlite")
    return ctx.sql.conn
      .prepare(sql)
      .pluck()
      .get(...params);
  return (await rawRows(ctx, sql, ...params))[0][0];
}

/** Raw mode (tuples, not objects): the GROUP BY over Station as ADR 006 defined the floor. */
const coverageFloor = (ctx: BenchContext) => rawRows(ctx, COVERAGE_SQL);
/**
 * The same GROUP BY with its rows handed over as one JSON text and parsed, the way the product now reads its own
 * rows: about 8 ms cheaper than raw mode at nation scale, so the strictest floor (docs/decisions/009).
 */
const readJson = async (ctx: BenchContext, sql: string, ...params: unknown[]) =>
  JSON.parse((await single(ctx, sql, ...params)) as string) as CountRow[];
const coverageJsonFloor = (ctx: BenchContext) => readJson(ctx, SQL[ctx.sql.dialect].groupByJson);
/** The least work once the counts are maintained: the product's own read of the rollup (one JSON text of tuples, parsed). */
const rollupFloor = (ctx: BenchContext) => readJson(ctx, SQL[ctx.sql.dialect].rollupJson);

function sum<T>(rows: T[], pick: (r: T) => number | bigint): number {
  return rows.reduce((n, r) => n + Number(pick(r)), 0);
}

function agree(what: string, product: number, floor: number) {
  if (product !== floor) throw new Error(`${what}: product says ${product}, floor says ${floor}`);
}

function checkCoverage(product: unknown, floor: unknown) {
  const rows = (product as CoverageResult).coverageMatrix.rows;
  const counts = floor as CountRow[];
  agree(
    "active stations",
    sum(rows, (r) => sum(r.stations, Number)),
    sum(counts, (r) => r[2]),
  );
  agree(
    "automatic stations",
    sum(rows, (r) => sum(r.automatic, Number)),
    sum(counts, (r) => r[3]),
  );
  agree(
    "planned stations",
    sum(rows, (r) => sum(r.planned, Number)),
    sum(counts, (r) => r[4]),
  );
}

export const registryCases: BenchCase[] = [
  {
    module: "registry",
    operation: "coverage matrix",
    note: "product: POST /graphql coverageMatrix, all areas × 9 elements as per-row lists, with totals (counts from the StationCount rollup); floor: COVERAGE_SQL, the GROUP BY over Station (raw rows)",
    product: (ctx) => ctx.graphql(COVERAGE_QUERY),
    floor: coverageFloor,
    check: checkCoverage,
  },
  {
    module: "registry",
    operation: "coverage, GROUP BY as one JSON text",
    note: 'product: the same request as "coverage matrix"; floor: COVERAGE_JSON_SQL, the same GROUP BY over Station with its rows handed over as one JSON text and parsed (the strictest floor)',
    product: (ctx) => ctx.graphql(COVERAGE_QUERY),
    floor: coverageJsonFloor,
    check: checkCoverage,
  },
  {
    module: "registry",
    operation: "coverage, rollup read by raw SQL",
    note: "product: the same request as \"coverage matrix\"; floor: COVERAGE_ROLLUP_JSON_SQL, the product's own read of the StationCount rollup (one JSON text, parsed): the product's overhead over its own SQL",
    product: (ctx) => ctx.graphql(COVERAGE_QUERY),
    floor: rollupFloor,
    check: checkCoverage,
  },
  {
    module: "registry",
    operation: "coverage matrix, per-cell objects",
    note: "product: the same matrix with one GraphQL object per cell (the city dashboard's shape); floor: COVERAGE_SQL (raw rows)",
    product: (ctx) => ctx.graphql(COVERAGE_CELLS_QUERY),
    floor: coverageFloor,
    check: (product, floor) => {
      const cells = (product as CoverageCellsResult).coverageMatrix.rows.flatMap((r) => r.cells);
      const counts = floor as CountRow[];
      agree(
        "active stations",
        sum(cells, (c) => c.stations),
        sum(counts, (r) => r[2]),
      );
      agree(
        "automatic stations",
        sum(cells, (c) => c.automatic),
        sum(counts, (r) => r[3]),
      );
      agree(
        "planned stations",
        sum(cells, (c) => c.planned),
        sum(counts, (r) => r[4]),
      );
    },
  },
  {
    module: "registry",
    operation: "coverage matrix, one city",
    note: 'product: POST /graphql coverageMatrix(cityCode: "2306"); floor: COVERAGE_SQL restricted to Daqing\'s area ids (raw rows)',
    product: (ctx) => ctx.graphql(COVERAGE_QUERY, { cityCode: "2306" }),
    floor: async (ctx) => {
      const ids = await single(
        ctx,
        ctx.sql.dialect === "sqlite"
          ? `SELECT json_group_array("id") FROM "Area" WHERE "cityCode" = '2306'`
          : `SELECT CAST(json_agg("id") AS text) FROM "Area" WHERE "cityCode" = '2306'`,
      );
      return rawRows(ctx, SQL[ctx.sql.dialect].groupByForAreas, ids);
    },
    check: (product, floor) => {
      const rows = (product as CoverageResult).coverageMatrix.rows;
      agree(
        "active stations in Daqing",
        sum(rows, (r) => sum(r.stations, Number)),
        sum(floor as CountRow[], (r) => r[2]),
      );
    },
  },
  {
    module: "registry",
    operation: "alert summary (1 year)",
    note: "product: POST /graphql alertSummary(from, to) for 2025; floor: ALERT_SUMMARY_SQL with the same bounds",
    product: (ctx) =>
      ctx.graphql(ALERT_SUMMARY_QUERY, {
        from: WINDOW.from.toISOString(),
        to: WINDOW.to.toISOString(),
      }),
    floor: async (ctx) =>
      ctx.sql.dialect === "sqlite"
        ? ctx.sql.conn.prepare(ALERT_SUMMARY_SQL).all(sqlTime("sqlite", WINDOW.from), sqlTime("sqlite", WINDOW.to))
        : (
            await ctx.sql.client.query<{ count: string }>(forDialect("postgresql", ALERT_SUMMARY_SQL), [
              WINDOW.from,
              WINDOW.to,
            ])
          ).rows.map((r) => ({ count: Number(r.count) })),
    check: (product, floor) =>
      agree(
        "alerts in the window",
        sum((product as ResultOf<typeof ALERT_SUMMARY_QUERY>).alertSummary, (r) => r.count),
        sum(floor as { count: number }[], (r) => r.count),
      ),
  },
];
