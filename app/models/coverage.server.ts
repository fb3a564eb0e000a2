// Station coverage, computed from the registry, never typed in: area × element counts, and each coverage target's
// requirement per cell. The counts are read from StationCount, a rollup of Station that triggers keep exactly equal to
// the GROUP BY below (docs/decisions/009-station-count-rollup.md); the SQL runs on SQLite and PostgreSQL alike
// (docs/decisions/017-two-databases.md).
import { readOnlySql, type Db, type Dialect, type ReadOnlySql } from "../utils/db.server";
import { forDialect, inJsonList, jsonRows } from "../utils/sql.server";
import { ELEMENT_KEYS, type Element } from "./vocabulary";

export type CellStatus = "NOT_REQUIRED" | "MET" | "AT_RISK" | "NOT_MET";

export interface CoverageCounts {
  areaId: number;
  element: Element;
  stations: number; // active
  automatic: number; // active and automatic
  planned: number; // planned, not yet active
}

interface CoverageTargetRule {
  code: string;
  elements: string[];
  areaScope: string;
  automaticOnly: boolean;
  minPerArea: number;
}

export interface AreaRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  kind: string;
  cityCode: string;
}

export interface CoverageCell {
  element: Element;
  stations: number;
  automatic: number;
  planned: number;
  required: number;
  automaticRequired: boolean;
  targets: string[];
  status: CellStatus;
}

export interface CoverageRow {
  area: AreaRow;
  /** One per column; built on first read, since large matrices are mostly read through the lists below. */
  cells: CoverageCell[];
  /** The columns, in the order requested; the lists below follow it. */
  elements: Element[];
  stations: number[];
  automatic: number[];
  planned: number[];
  required: number[];
  status: CellStatus[];
}

/**
 * The aggregation over Station that StationCount maintains: what a system without the rollup must run for every
 * matrix. The benchmark's floor and the rollup's tests use it; the product reads COVERAGE_ROLLUP_SQL.
 */
export const COVERAGE_SQL = `
  SELECT "areaId", "element",
         CAST(SUM(CASE WHEN "status" = 'ACTIVE' THEN 1 ELSE 0 END) AS INTEGER) AS "stations",
         CAST(SUM(CASE WHEN "status" = 'ACTIVE' AND "mode" = 'AUTOMATIC' THEN 1 ELSE 0 END) AS INTEGER) AS "automatic",
         CAST(SUM(CASE WHEN "status" = 'PLANNED' THEN 1 ELSE 0 END) AS INTEGER) AS "planned"
    FROM "Station"
   WHERE "status" IN ('ACTIVE', 'PLANNED')
   GROUP BY "areaId", "element"`;

export function areaInScope(areaKind: string, scope: string): boolean {
  if (scope === "COUNTIES") return areaKind === "COUNTY";
  if (scope === "COUNTY_LEVEL") return areaKind === "COUNTY" || areaKind === "DISTRICT";
  return false; // CITY scope is judged for the city as a whole, not per area
}

function toRule(t: {
  code: string;
  elements: string | null;
  areaScope: string | null;
  automaticOnly: boolean;
  minPerArea: number | null;
}): CoverageTargetRule {
  return {
    code: t.code,
    elements: (t.elements ?? "").split(",").filter(Boolean),
    areaScope: t.areaScope ?? "",
    automaticOnly: t.automaticOnly,
    minPerArea: t.minPerArea ?? 1,
  };
}

export async function coverageRules(db: Db): Promise<CoverageTargetRule[]> {
  const targets = await db.target.findMany({
    where: { measure: "COVERAGE" },
    select: { code: true, elements: true, areaScope: true, automaticOnly: true, minPerArea: true },
  });
  return targets.map(toRule);
}

export function judgeCell(
  area: Pick<AreaRow, "kind">,
  element: Element,
  counts: Pick<CoverageCounts, "stations" | "automatic" | "planned"> | undefined,
  rules: CoverageTargetRule[],
): CoverageCell {
  const c = counts ?? { stations: 0, automatic: 0, planned: 0 };
  let required = 0;
  let automaticRequired = false;
  let met = true;
  const targets: string[] = [];
  for (const r of rules) {
    if (!r.elements.includes(element) || !areaInScope(area.kind, r.areaScope)) continue;
    targets.push(r.code);
    required = Math.max(required, r.minPerArea);
    automaticRequired ||= r.automaticOnly;
    if ((r.automaticOnly ? c.automatic : c.stations) < r.minPerArea) met = false;
  }
  const status: CellStatus =
    targets.length === 0 ? "NOT_REQUIRED" : met ? "MET" : c.planned > 0 ? "AT_RISK" : "NOT_MET";
  return { element, ...c, required, automaticRequired, targets, status };
}

/** What the targets require of one (area kind, element) pair; worked out once per pair, not once per cell. */
interface Column {
  element: Element;
  required: number;
  automaticRequired: boolean;
  targets: string[];
  judge(stations: number, automatic: number, planned: number): CellStatus;
}

/** The same rules as judgeCell, with the applicable targets picked out in advance. */
function column(kind: string, element: Element, rules: CoverageTargetRule[]): Column {
  const applicable = rules.filter((r) => r.elements.includes(element) && areaInScope(kind, r.areaScope));
  return {
    element,
    required: applicable.length ? Math.max(...applicable.map((r) => r.minPerArea)) : 0,
    automaticRequired: applicable.some((r) => r.automaticOnly),
    targets: applicable.map((r) => r.code),
    judge: (stations, automatic, planned) => {
      if (applicable.length === 0) return "NOT_REQUIRED";
      const met = applicable.every((r) => (r.automaticOnly ? automatic : stations) >= r.minPerArea);
      return met ? "MET" : planned > 0 ? "AT_RISK" : "NOT_MET";
    },
  };
}

/** The columns for one area kind, with the lists every row of that kind shares (never mutated). */
interface KindColumns {
  columns: Column[];
  elements: Element[];
  required: number[];
}

function matrixRow(area: AreaRow, kind: KindColumns): CoverageRow {
  const { columns } = kind;
  const n = columns.length;
  let cells: CoverageCell[] | undefined;
  // An own, enumerable accessor in the literal itself (JSON.stringify and spreading still see `cells`), which keeps
  // every row on one hidden class; Object.defineProperty afterwards turned each row into a slow dictionary object.
  const row: CoverageRow = {
    area,
    elements: kind.elements,
    stations: new Array<number>(n).fill(0),
    automatic: new Array<number>(n).fill(0),
    planned: new Array<number>(n).fill(0),
    required: kind.required,
    status: new Array<CellStatus>(n),
    get cells() {
      return (cells ??= columns.map((c, i) => ({
        element: c.element,
        stations: row.stations[i],
        automatic: row.automatic[i],
        planned: row.planned[i],
        required: c.required,
        automaticRequired: c.automaticRequired,
        targets: [...c.targets],
        status: row.status[i],
      })));
    },
  };
  return row;
}

/** The same rows as COVERAGE_SQL, read from the rollup: one precomputed row per cell with any active or planned station. */
export const COVERAGE_ROLLUP_SQL = `
  SELECT "areaId", "element", "active" AS "stations", "activeAutomatic" AS "automatic", "planned"
    FROM "StationCount"`;

/** One row of COVERAGE_SQL or COVERAGE_ROLLUP_SQL as a tuple: areaId, element, stations, automatic, planned. */
type CountsRow = [number, string, number, number, number];

const COUNT_COLUMNS = ['"areaId"', '"element"', '"stations"', '"automatic"', '"planned"'];

/** The coverage SQL in one database's dialect, with parameters as that database numbers them. */
export function coverageSql(dialect: Dialect) {
  const forAreas = inJsonList(dialect, '"areaId"', "INTEGER");
  /** COVERAGE_SQL restricted to some areas (a JSON array of ids), so one city's matrix does not aggregate the nation. */
  const groupByForAreas = COVERAGE_SQL.replace("GROUP BY", `AND ${forAreas}\n   GROUP BY`);
  /** The rollup restricted to some areas (a JSON array of ids); the primary key (areaId, element) seeks each. */
  const rollupForAreas = `${COVERAGE_ROLLUP_SQL}\n   WHERE ${forAreas}`;
  return {
    groupBy: COVERAGE_SQL,
    groupByForAreas: forDialect(dialect, groupByForAreas),
    rollup: COVERAGE_ROLLUP_SQL,
    /**
     * How the product reads the rollup: the same rows as one JSON text of tuples. The driver builds every result row
     * as a JavaScript array, which costs more than reading the row; one string and JSON.parse hand the ~25,000 tuples
     * over in about half the time (docs/decisions/009-station-count-rollup.md).
     */
    rollupJson: jsonRows(dialect, COUNT_COLUMNS, COVERAGE_ROLLUP_SQL),
    rollupJsonForAreas: forDialect(dialect, jsonRows(dialect, COUNT_COLUMNS, rollupForAreas)),
    /** The GROUP BY handed over the same way: the benchmark's floor gets every trick the product uses. */
    groupByJson: jsonRows(dialect, COUNT_COLUMNS, COVERAGE_SQL),
  };
}

const SQL = { sqlite: coverageSql("sqlite"), postgresql: coverageSql("postgresql") };

const TARGETS_SQL = `SELECT "code", "elements", "areaScope", "automaticOnly", "minPerArea" FROM "Target" WHERE "measure" = 'COVERAGE'`;

interface AreaFilter {
  cityCode?: string | null;
  areaCodes?: string[] | null;
}

function areasQuery(dialect: Dialect, opts: AreaFilter) {
  const where: string[] = [];
  const params: string[] = [];
  if (opts.cityCode) {
    where.push(`"cityCode" = ?`);
    params.push(opts.cityCode);
  }
  if (opts.areaCodes?.length) {
    where.push(inJsonList(dialect, '"code"', "TEXT"));
    params.push(JSON.stringify(opts.areaCodes));
  }
  const sql = `SELECT "id", "code", "name", "nameEn", "kind", "cityCode" FROM "Area"${
    where.length ? ` WHERE ${where.join(" AND ")}` : ""
  } ORDER BY "cityCode", "ordinal"`;
  return { sql: forDialect(dialect, sql), params, filtered: where.length > 0 };
}

interface TargetRow {
  code: string;
  elements: string | null;
  areaScope: string | null;
  automaticOnly: number | boolean;
  minPerArea: number | null;
}

/** Areas, rules and counts through the read path's own connection: one statement each, counts as plain tuples. */
async function readDirect(read: ReadOnlySql, opts: AreaFilter) {
  const sql = SQL[read.dialect];
  const query = areasQuery(read.dialect, opts);
  let areas: AreaRow[];
  let targets: TargetRow[];
  let json: string;
  if (read.dialect === "sqlite") {
    const { conn } = read;
    areas = conn.prepare(query.sql).all(...query.params) as AreaRow[];
    targets = conn.prepare(TARGETS_SQL).all() as TargetRow[];
    json = (
      query.filtered
        ? conn
            .prepare(sql.rollupJsonForAreas)
            .pluck()
            .get(JSON.stringify(areas.map((a) => a.id)))
        : conn.prepare(sql.rollupJson).pluck().get()
    ) as string;
  } else {
    const { pool } = read;
    areas = (await pool.query<AreaRow>(query.sql, query.params)).rows;
    targets = (await pool.query<TargetRow>(TARGETS_SQL)).rows;
    const counts = query.filtered
      ? await pool.query<[string]>({
          text: sql.rollupJsonForAreas,
          values: [JSON.stringify(areas.map((a) => a.id))],
          rowMode: "array",
        })
      : await pool.query<[string]>({ text: sql.rollupJson, rowMode: "array" });
    json = counts.rows[0][0];
  }
  // SQLite keeps a Boolean as 0 or 1, PostgreSQL as a boolean.
  const rules = targets.map((t) => toRule({ ...t, automaticOnly: t.automaticOnly === 1 || t.automaticOnly === true }));
  const counts = JSON.parse(json) as CountsRow[];
  return { areas, rules, counts };
}

async function readThroughPrisma(db: Db, opts: AreaFilter) {
  const [areas, rules, rows] = await Promise.all([
    db.area.findMany({
      where: {
        ...(opts.cityCode ? { cityCode: opts.cityCode } : {}),
        ...(opts.areaCodes?.length ? { code: { in: opts.areaCodes } } : {}),
      },
      orderBy: [{ cityCode: "asc" }, { ordinal: "asc" }],
      select: { id: true, code: true, name: true, nameEn: true, kind: true, cityCode: true },
    }),
    coverageRules(db),
    // Inside a transaction the triggers have already brought the rollup up to date with its writes.
    db.stationCount.findMany({
      select: { areaId: true, element: true, active: true, activeAutomatic: true, planned: true },
    }),
  ]);
  const counts = rows.map((r): CountsRow => [r.areaId, r.element, r.active, r.activeAutomatic, r.planned]);
  return { areas, rules, counts };
}

export async function coverageMatrix(
  db: Db,
  opts: AreaFilter & { elements?: Element[] | null } = {},
): Promise<CoverageRow[]> {
  const elements = opts.elements?.length ? opts.elements : ELEMENT_KEYS;
  const read = readOnlySql(db);
  const { areas, rules, counts } = read ? await readDirect(read, opts) : await readThroughPrisma(db, opts);
  const columnsByKind = new Map<string, KindColumns>();
  const columnsFor = (kind: string) => {
    let cols = columnsByKind.get(kind);
    if (!cols) {
      const columns = elements.map((el) => column(kind, el, rules));
      columnsByKind.set(
        kind,
        (cols = { columns, elements: columns.map((c) => c.element), required: columns.map((c) => c.required) }),
      );
    }
    return cols;
  };
  const rows = areas.map((area) => matrixRow(area, columnsFor(area.kind)));
  const rowOf = new Map(rows.map((r) => [r.area.id, r]));
  const positions = new Map<string, number[]>();
  elements.forEach((el, i) => positions.set(el, [...(positions.get(el) ?? []), i]));
  for (let k = 0; k < counts.length; k++) {
    const [areaId, element, stations, automatic, planned] = counts[k];
    const row = rowOf.get(areaId);
    const at = positions.get(element);
    if (!row || !at) continue;
    for (let j = 0; j < at.length; j++) {
      const i = at[j];
      row.stations[i] = stations;
      row.automatic[i] = automatic;
      row.planned[i] = planned;
    }
  }
  for (const row of rows) {
    const { columns } = columnsFor(row.area.kind);
    for (let i = 0; i < columns.length; i++)
      row.status[i] = columns[i].judge(row.stations[i], row.automatic[i], row.planned[i]);
  }
  return rows;
}

/** Totals by element across the given rows: areas required, areas met. */
export function coverageTotals(rows: CoverageRow[]) {
  const totals = new Map<
    Element,
    { element: Element; stations: number; automatic: number; areasRequired: number; areasMet: number }
  >();
  for (const row of rows) {
    row.elements.forEach((element, i) => {
      const t = totals.get(element) ?? { element, stations: 0, automatic: 0, areasRequired: 0, areasMet: 0 };
      t.stations += row.stations[i];
      t.automatic += row.automatic[i];
      if (row.status[i] !== "NOT_REQUIRED") t.areasRequired += 1;
      if (row.status[i] === "MET") t.areasMet += 1;
      totals.set(element, t);
    });
  }
  return [...totals.values()];
}
