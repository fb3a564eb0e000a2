// Registry cases: the coverage matrix and the alert summary, each over HTTP against the same raw aggregation
// (COVERAGE_SQL, ALERT_SUMMARY_SQL) run on the same file with better-sqlite3.
import { COVERAGE_SQL } from "../app/models/coverage.server";
import { ALERT_SUMMARY_SQL } from "../app/models/alert.server";
import { sqliteTime } from "../app/utils/time";
import type { BenchCase } from "./cases";

/** What the coverage dashboard asks for: every cell with its counts and judgement, and the per-element totals. */
export const COVERAGE_QUERY = /* GraphQL */ `
  query Coverage {
    coverageMatrix {
      rows {
        area { code name kind cityCode }
        cells { element stations automatic planned required status }
      }
      totals { element stations automatic areasRequired areasMet }
    }
  }`;

export const ALERT_SUMMARY_QUERY = /* GraphQL */ `
  query AlertSummary($from: DateTime!, $to: DateTime!) {
    alertSummary(from: $from, to: $to) { kind status count }
  }`;

/** One calendar year in Asia/Shanghai: about half the generated alerts. */
const WINDOW = { from: new Date("2025-01-01T00:00:00+08:00"), to: new Date("2026-01-01T00:00:00+08:00") };

interface CoverageResult {
  coverageMatrix: { rows: { cells: { stations: number; automatic: number; planned: number }[] }[] };
}
type CountRow = { stations: number | bigint; automatic: number | bigint; planned: number | bigint };

function sum<T>(rows: T[], pick: (r: T) => number | bigint): number {
  return rows.reduce((n, r) => n + Number(pick(r)), 0);
}

function agree(what: string, product: number, floor: number) {
  if (product !== floor) throw new Error(`${what}: product says ${product}, floor says ${floor}`);
}

export const registryCases: BenchCase[] = [
  {
    module: "registry",
    operation: "coverage matrix",
    note: "product: POST /graphql coverageMatrix (all areas × 9 elements, judged, with totals); floor: COVERAGE_SQL",
    product: (ctx) => ctx.graphql<CoverageResult>(COVERAGE_QUERY),
    floor: (ctx) => ctx.sql.prepare(COVERAGE_SQL).all(),
    check: (product, floor) => {
      const cells = (product as CoverageResult).coverageMatrix.rows.flatMap((r) => r.cells);
      const rows = floor as CountRow[];
      agree("active stations", sum(cells, (c) => c.stations), sum(rows, (r) => r.stations));
      agree("automatic stations", sum(cells, (c) => c.automatic), sum(rows, (r) => r.automatic));
      agree("planned stations", sum(cells, (c) => c.planned), sum(rows, (r) => r.planned));
    },
  },
  {
    module: "registry",
    operation: "alert summary (1 year)",
    note: "product: POST /graphql alertSummary(from, to) for 2025; floor: ALERT_SUMMARY_SQL with the same bounds",
    product: (ctx) => ctx.graphql<{ alertSummary: { count: number }[] }>(ALERT_SUMMARY_QUERY, { from: WINDOW.from.toISOString(), to: WINDOW.to.toISOString() }),
    floor: (ctx) => ctx.sql.prepare(ALERT_SUMMARY_SQL).all(sqliteTime(WINDOW.from), sqliteTime(WINDOW.to)),
    check: (product, floor) =>
      agree(
        "alerts in the window",
        sum((product as { alertSummary: { count: number }[] }).alertSummary, (r) => r.count),
        sum(floor as { count: number }[], (r) => r.count),
      ),
  },
];
