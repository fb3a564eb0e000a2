// Station coverage, computed from the registry, never typed in: area × element counts, and each coverage target's
// requirement per cell. The aggregation is one GROUP BY over active and planned stations.
import type { Db } from "../utils/db.server";
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

export async function coverageRules(db: Db): Promise<CoverageTargetRule[]> {
  const targets = await db.target.findMany({
    where: { measure: "COVERAGE" },
    select: { code: true, elements: true, areaScope: true, automaticOnly: true, minPerArea: true },
  });
  return targets.map((t) => ({
    code: t.code,
    elements: (t.elements ?? "").split(",").filter(Boolean),
    areaScope: t.areaScope ?? "",
    automaticOnly: t.automaticOnly,
    minPerArea: t.minPerArea ?? 1,
  }));
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

export async function coverageMatrix(
  db: Db,
  opts: { cityCode?: string | null; areaCodes?: string[] | null; elements?: Element[] | null } = {},
): Promise<CoverageRow[]> {
  const elements = opts.elements?.length ? opts.elements : ELEMENT_KEYS;
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
    db.$queryRawUnsafe<{ areaId: number; element: Element; stations: bigint | number; automatic: bigint | number; planned: bigint | number }[]>(COVERAGE_SQL),
  ]);
  const byCell = new Map<string, CoverageCounts>();
  for (const r of counts) {
    byCell.set(`${r.areaId}:${r.element}`, {
      areaId: r.areaId,
      element: r.element,
      stations: Number(r.stations),
      automatic: Number(r.automatic),
      planned: Number(r.planned),
    });
  }
  return areas.map((area) => ({
    area,
    cells: elements.map((el) => judgeCell(area, el, byCell.get(`${area.id}:${el}`), rules)),
  }));
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
