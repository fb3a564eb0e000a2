// Station coverage, computed from the registry, never typed in: area × element counts, and each coverage target's
// requirement per cell. The aggregation is one GROUP BY over active and planned stations.
import type Database from "better-sqlite3";
import { readOnlySql, type Db } from "../utils/db.server";
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
  cells: CoverageCell[];
}

/** The raw aggregation; also what the benchmark's SQL floor runs. */
export const COVERAGE_SQL = `
  SELECT areaId, element,
         SUM(CASE WHEN status = 'ACTIVE' THEN 1 ELSE 0 END) AS stations,
         SUM(CASE WHEN status = 'ACTIVE' AND mode = 'AUTOMATIC' THEN 1 ELSE 0 END) AS automatic,
         SUM(CASE WHEN status = 'PLANNED' THEN 1 ELSE 0 END) AS planned
    FROM Station
   WHERE status IN ('ACTIVE', 'PLANNED')
   GROUP BY areaId, element`;

export function areaInScope(areaKind: string, scope: string): boolean {
  if (scope === "COUNTIES") return areaKind === "COUNTY";
  if (scope === "COUNTY_LEVEL") return areaKind === "COUNTY" || areaKind === "DISTRICT";
  return false; // CITY scope is judged for the city as a whole, not per area
}

function toRule(t: { code: string; elements: string | null; areaScope: string | null; automaticOnly: boolean; minPerArea: number | null }): CoverageTargetRule {
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
  const status: CellStatus = targets.length === 0 ? "NOT_REQUIRED" : met ? "MET" : c.planned > 0 ? "AT_RISK" : "NOT_MET";
  return { element, ...c, required, automaticRequired, targets, status };
}

type Counts = Pick<CoverageCounts, "stations" | "automatic" | "planned">;

/**
 * judgeCell with the rules for one (area kind, element) pair picked out in advance: the same answers, but the work of
 * finding which targets apply is done once per pair instead of once per cell.
 */
function cellJudge(kind: string, element: Element, rules: CoverageTargetRule[]): (c: Counts) => CoverageCell {
  const applicable = rules.filter((r) => r.elements.includes(element) && areaInScope(kind, r.areaScope));
  if (applicable.length === 0) {
    return (c) => ({ element, stations: c.stations, automatic: c.automatic, planned: c.planned, required: 0, automaticRequired: false, targets: [], status: "NOT_REQUIRED" });
  }
  const required = Math.max(0, ...applicable.map((r) => r.minPerArea));
  const automaticRequired = applicable.some((r) => r.automaticOnly);
  const targets = applicable.map((r) => r.code);
  return (c) => {
    const met = applicable.every((r) => (r.automaticOnly ? c.automatic : c.stations) >= r.minPerArea);
    const status: CellStatus = met ? "MET" : c.planned > 0 ? "AT_RISK" : "NOT_MET";
    return { element, stations: c.stations, automatic: c.automatic, planned: c.planned, required, automaticRequired, targets: [...targets], status };
  };
}

type CountsRow = { areaId: number; element: Element; stations: bigint | number; automatic: bigint | number; planned: bigint | number };

/** COVERAGE_SQL restricted to some areas (a JSON array of ids), so one city's matrix does not aggregate the nation. */
const COVERAGE_FOR_AREAS_SQL = COVERAGE_SQL.replace("GROUP BY", "AND areaId IN (SELECT value FROM json_each(?))\n   GROUP BY");

const AREAS_SQL = `SELECT id, code, name, nameEn, kind, cityCode FROM Area`;

interface AreaFilter {
  cityCode?: string | null;
  areaCodes?: string[] | null;
}

/** Areas, rules and counts through the read path's own connection (one statement each, rows as plain objects). */
function readDirect(sql: Database.Database, opts: AreaFilter) {
  const where: string[] = [];
  const params: string[] = [];
  if (opts.cityCode) {
    where.push("cityCode = ?");
    params.push(opts.cityCode);
  }
  if (opts.areaCodes?.length) {
    where.push("code IN (SELECT value FROM json_each(?))");
    params.push(JSON.stringify(opts.areaCodes));
  }
  const areas = sql
    .prepare(`${AREAS_SQL}${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY cityCode, ordinal`)
    .all(...params) as AreaRow[];
  const targets = sql
    .prepare("SELECT code, elements, areaScope, automaticOnly, minPerArea FROM Target WHERE measure = 'COVERAGE'")
    .all() as { code: string; elements: string | null; areaScope: string | null; automaticOnly: number; minPerArea: number | null }[];
  const rules = targets.map((t) => toRule({ ...t, automaticOnly: t.automaticOnly === 1 }));
  const counts = (
    where.length ? sql.prepare(COVERAGE_FOR_AREAS_SQL).all(JSON.stringify(areas.map((a) => a.id))) : sql.prepare(COVERAGE_SQL).all()
  ) as CountsRow[];
  return { areas, rules, counts };
}

async function readThroughPrisma(db: Db, opts: AreaFilter) {
  const [areas, rules, counts] = await Promise.all([
    db.area.findMany({
      where: {
        ...(opts.cityCode ? { cityCode: opts.cityCode } : {}),
        ...(opts.areaCodes?.length ? { code: { in: opts.areaCodes } } : {}),
      },
      orderBy: [{ cityCode: "asc" }, { ordinal: "asc" }],
      select: { id: true, code: true, name: true, nameEn: true, kind: true, cityCode: true },
    }),
    coverageRules(db),
    db.$queryRawUnsafe<CountsRow[]>(COVERAGE_SQL),
  ]);
  return { areas, rules, counts };
}

export async function coverageMatrix(
  db: Db,
  opts: AreaFilter & { elements?: Element[] | null } = {},
): Promise<CoverageRow[]> {
  const elements = opts.elements?.length ? opts.elements : ELEMENT_KEYS;
  const sql = readOnlySql(db);
  const { areas, rules, counts } = sql ? readDirect(sql, opts) : await readThroughPrisma(db, opts);
  // Counts by area, one slot per element of the vocabulary; numeric keys, no string building per cell.
  const slot = new Map<string, number>(ELEMENT_KEYS.map((e, i) => [e, i]));
  const byArea = new Map<number, (Counts | undefined)[]>();
  for (const r of counts) {
    let perArea = byArea.get(r.areaId);
    if (!perArea) byArea.set(r.areaId, (perArea = new Array(ELEMENT_KEYS.length)));
    perArea[slot.get(r.element)!] = { stations: Number(r.stations), automatic: Number(r.automatic), planned: Number(r.planned) };
  }
  const none: Counts = { stations: 0, automatic: 0, planned: 0 };
  const judges = new Map<string, ((c: Counts) => CoverageCell)[]>();
  const judgesFor = (kind: string) => {
    let list = judges.get(kind);
    if (!list) judges.set(kind, (list = elements.map((el) => cellJudge(kind, el, rules))));
    return list;
  };
  const slots = elements.map((el) => slot.get(el)!);
  return areas.map((area) => {
    const perArea = byArea.get(area.id);
    const judge = judgesFor(area.kind);
    return { area, cells: slots.map((k, i) => judge[i](perArea?.[k] ?? none)) };
  });
}

/** Totals by element across the given rows: areas required, areas met. */
export function coverageTotals(rows: CoverageRow[]) {
  const totals = new Map<Element, { element: Element; stations: number; automatic: number; areasRequired: number; areasMet: number }>();
  for (const row of rows) {
    for (const c of row.cells) {
      const t = totals.get(c.element) ?? { element: c.element, stations: 0, automatic: 0, areasRequired: 0, areasMet: 0 };
      t.stations += c.stations;
      t.automatic += c.automatic;
      if (c.status !== "NOT_REQUIRED") t.areasRequired += 1;
      if (c.status === "MET") t.areasMet += 1;
      totals.set(c.element, t);
    }
  }
  return [...totals.values()];
}
