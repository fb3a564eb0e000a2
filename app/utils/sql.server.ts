// Raw SQL that runs on both databases (docs/decisions/017-two-databases.md). It is written once, with identifiers in
// double quotes (PostgreSQL folds unquoted names to lower case; SQLite accepts the quotes) and parameters as `?`,
// numbered $1, $2, … for PostgreSQL. The few functions that differ are the fragments below.
import { dialectOf, type Db, type Dialect } from "./db.server";
import { sqliteTime } from "./time";

/** `?` → `$1`, `$2`, … outside quoted strings and names, as PostgreSQL numbers parameters. */
export function numberParameters(sql: string): string {
  let n = 0;
  let quote: string | null = null;
  let out = "";
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "?") {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

export const forDialect = (dialect: Dialect, sql: string) => (dialect === "postgresql" ? numberParameters(sql) : sql);

/**
 * A time as each database compares it: Prisma's SQLite adapter stores a DateTime as ISO text with +00:00, so a raw
 * comparison needs the same text; PostgreSQL's `timestamp(3)` columns take the Date (the adapter sends it in UTC).
 */
export function sqlTime(dialect: Dialect, d: Date): string | Date {
  return dialect === "sqlite" ? sqliteTime(d) : d;
}

/** Runs raw SQL written as above through Prisma on either database; Date parameters are converted by sqlTime. */
export function queryRows<T>(db: Db, sql: string, ...params: unknown[]): Promise<T[]> {
  const dialect = dialectOf(db);
  const values = params.map((p) => (p instanceof Date ? sqlTime(dialect, p) : p));
  return db.$queryRawUnsafe<T[]>(forDialect(dialect, sql), ...values);
}

/** The YYYY-MM month of a stored UTC time in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiMonthOf(dialect: Dialect, column: string): string {
  return dialect === "sqlite"
    ? `strftime('%Y-%m', ${column}, '+8 hours')`
    : `to_char(${column} + interval '8 hours', 'YYYY-MM')`;
}

/** Hours from one stored time to another, fractional. */
export function hoursBetween(dialect: Dialect, from: string, to: string): string {
  return dialect === "sqlite"
    ? `((julianday(${to}) - julianday(${from})) * 24)`
    : `(EXTRACT(EPOCH FROM (${to} - ${from})) / 3600)`;
}

/** `column IN` the values of a JSON array given as one parameter (one statement whatever the list's length). */
export function inJsonList(dialect: Dialect, column: string, type: "INTEGER" | "TEXT"): string {
  return dialect === "sqlite"
    ? `${column} IN (SELECT value FROM json_each(?))`
    : `${column} IN (SELECT CAST(value AS ${type}) FROM json_array_elements_text(CAST(? AS json)))`;
}

/**
 * One JSON text holding a query's rows as arrays of the given columns: one value handed over and parsed at once
 * costs less than building every row in the driver (docs/decisions/009-station-count-rollup.md).
 */
export function jsonRows(dialect: Dialect, columns: string[], rowsSql: string): string {
  const list = columns.join(", ");
  return dialect === "sqlite"
    ? `SELECT json_group_array(json_array(${list})) FROM (${rowsSql}) AS "rows"`
    : `SELECT CAST(COALESCE(json_agg(json_build_array(${list})), '[]') AS text) FROM (${rowsSql}) AS "rows"`;
}
