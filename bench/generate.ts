// Synthetic registries for the benchmark: the schema from the migration SQL, the plan from seedPlan (so coverage
// targets exist), then areas, stations and alerts written with better-sqlite3 prepared statements in large
// transactions. A file is reused while its version (generator + migrations) matches; it is built under a temporary
// name and renamed at the end, so an interrupted run never leaves a half-filled file that looks finished.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb } from "../app/utils/db.server";
import { sqliteTime } from "../app/utils/time";
import { ALERT_KINDS, type Element } from "../app/models/vocabulary";
import { COVERAGE_ROLLUP_SQL, COVERAGE_SQL } from "../app/models/coverage.server";
import { seedPlan } from "../seed/plan";
import { prng } from "../seed/demo";
import type { Scale } from "./scales";

/** Bump when what the generator writes changes. */
const GENERATOR_VERSION = 2;
const MIGRATIONS = path.resolve("prisma/migrations");
export const BENCH_DIR = path.resolve("data/bench");

/** Alerts fall in these two years (Asia/Shanghai); the summary's window is the second one. */
export const ALERT_SPAN = { from: new Date("2024-01-01T00:00:00+08:00"), to: new Date("2026-01-01T00:00:00+08:00") };

function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(MIGRATIONS, d.name, "migration.sql"))
    .filter((f) => existsSync(f))
    .sort();
}

/** The tables the benchmark's operations read; only their DDL (columns, indexes, triggers) decides whether a file is stale. */
const READ_TABLES = ["Department", "Area", "Target", "Station", "StationCount", "Alert"];

/**
 * Generator version plus a hash of the migration statements that touch the tables the benchmark reads, so work on
 * unrelated tables (workflows, mail) does not force a nation-scale rebuild, while a new index on Alert does.
 */
export function benchVersion(): string {
  const h = createHash("sha256");
  const touches = new RegExp(`(TABLE|ON) "(${READ_TABLES.join("|")})"`);
  // The rollup's triggers: the pieces of their bodies (split at ";") name StationCount, not "ON" a table.
  const rollup = /"StationCount"/;
  for (const f of migrationFiles()) {
    for (const stmt of readFileSync(f, "utf8").split(";")) {
      const sql = stmt.replace(/--[^\n]*/g, "").trim();
      if (touches.test(sql) || rollup.test(sql)) h.update(sql);
    }
  }
  return `g${GENERATOR_VERSION}-${h.digest("hex").slice(0, 12)}`;
}

function storedVersion(file: string): string | null {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (
        (db.prepare("SELECT value FROM _bench_meta WHERE key = 'version'").get() as { value: string } | undefined)
          ?.value ?? null
      );
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** The path of a ready registry at this scale, generating it first when missing or stale. */
export async function ensureBenchDb(scale: Scale, log: (s: string) => void): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `${scale.name}.db`);
  const version = benchVersion();
  const found = storedVersion(file);
  if (found === version) {
    log(`${scale.name}: reusing ${path.relative(process.cwd(), file)} (${version})`);
    return file;
  }
  log(
    `${scale.name}: generating ${path.relative(process.cwd(), file)} (${found ? `stale: ${found}` : "missing"} → ${version})`,
  );
  const tmp = `${file}.tmp`;
  rmSync(tmp, { force: true });
  const started = Date.now();
  await generate(tmp, scale, log);
  const db = new Database(tmp);
  db.prepare("INSERT INTO _bench_meta (key, value) VALUES ('version', ?)").run(version);
  db.close();
  rmSync(file, { force: true });
  renameSync(tmp, file);
  log(`${scale.name}: generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

async function generate(file: string, scale: Scale, log: (s: string) => void): Promise<void> {
  const setup = new Database(file);
  for (const f of migrationFiles()) setup.exec(readFileSync(f, "utf8"));
  setup.exec("CREATE TABLE _bench_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  setup.close();

  // The plan through the product's own seed: departments, Daqing's eleven areas, tasks, coverage targets.
  const prisma = createDb(`file:${file}`);
  try {
    await seedPlan(prisma);
  } finally {
    await prisma.$disconnect();
  }

  const db = new Database(file);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144"); // 256 MiB while loading
  try {
    const rand = prng(20180205 + scale.stations);
    const areas = insertAreas(db, scale, rand);
    log(`${scale.name}: ${areas.length} areas`);
    const t0 = Date.now();
    const stations = insertStations(db, scale, areas, rand, log);
    checkRollup(db, scale, log, Date.now() - t0);
    insertAlerts(db, scale, stations, rand, log);
    log(`${scale.name}: ANALYZE …`);
    db.exec("ANALYZE");
  } finally {
    db.close();
  }
}

interface AreaRef {
  id: number;
  kind: string;
}

function insertAreas(db: Database.Database, scale: Scale, rand: () => number): AreaRef[] {
  const insert = db.prepare("INSERT INTO Area (code, name, nameEn, kind, cityCode, ordinal) VALUES (?, ?, ?, ?, ?, ?)");
  db.transaction(() => {
    // Spread the fractional average so the total comes out near cities × average.
    let carry = 0;
    for (const city of scale.otherCities) {
      carry += scale.areasPerOtherCity;
      const n = Math.floor(carry);
      carry -= n;
      for (let i = 1; i <= n; i++) {
        const r = rand();
        const kind = i <= 3 ? "DISTRICT" : r < 0.85 ? "COUNTY" : "ZONE";
        const suffix = kind === "DISTRICT" ? "区" : kind === "COUNTY" ? "县" : "开发区";
        insert.run(
          `${city}${String(i + 1).padStart(2, "0")}`,
          `合成${city}市第${i}${suffix}`,
          `Synthetic ${city}-${i}`,
          kind,
          city,
          i,
        );
      }
    }
  })();
  return db.prepare("SELECT id, kind FROM Area ORDER BY id").all() as AreaRef[];
}

interface StationRef {
  id: number;
  areaId: number;
  element: Element;
}

/** Air and water are the densest networks; radiation and ecology the sparsest. */
const ELEMENT_WEIGHT: Record<Element, number> = {
  AIR: 20,
  SURFACE_WATER: 18,
  DRINKING_WATER_SOURCE: 8,
  GROUNDWATER: 10,
  SOIL: 14,
  NOISE: 12,
  RADIATION: 3,
  ECOLOGY: 5,
  POLLUTION_SOURCE: 10,
};

function pickWeighted<T extends string>(weights: Record<T, number>, rand: () => number): T {
  const entries = Object.entries(weights) as [T, number][];
  let r = rand() * entries.reduce((n, [, w]) => n + w, 0);
  for (const [k, w] of entries) if ((r -= w) < 0) return k;
  return entries[entries.length - 1][0];
}

function insertStations(
  db: Database.Database,
  scale: Scale,
  areas: AreaRef[],
  rand: () => number,
  log: (s: string) => void,
): StationRef[] {
  const depts = (db.prepare("SELECT id FROM Department").all() as { id: number }[]).map((d) => d.id);
  const insert = db.prepare(
    `INSERT INTO Station (code, name, element, areaId, mode, operatorDepartmentId, status, commissionedOn, retiredOn,
                          latitude, longitude, demo, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const now = sqliteTime(new Date("2026-01-01T00:00:00+08:00"));
  const out: StationRef[] = [];
  db.transaction(() => {
    for (let i = 1; i <= scale.stations; i++) {
      const area = areas[Math.floor(rand() * areas.length)];
      const element = pickWeighted(ELEMENT_WEIGHT, rand);
      const r = rand();
      const status = r < 0.85 ? "ACTIVE" : r < 0.93 ? "PLANNED" : r < 0.97 ? "SUSPENDED" : "RETIRED";
      const mode = element === "AIR" || element === "RADIATION" || rand() < 0.35 ? "AUTOMATIC" : "MANUAL";
      const commissioned =
        status === "PLANNED"
          ? null
          : sqliteTime(new Date(Date.UTC(2010 + Math.floor(rand() * 15), Math.floor(rand() * 12), 1)));
      const retired = status === "RETIRED" ? sqliteTime(new Date(Date.UTC(2025, Math.floor(rand() * 12), 1))) : null;
      const info = insert.run(
        `BENCH-${String(i).padStart(6, "0")}`,
        `合成监测点${i}`,
        element,
        area.id,
        mode,
        depts[Math.floor(rand() * depts.length)],
        status,
        commissioned,
        retired,
        Math.round((20 + rand() * 30) * 1e5) / 1e5,
        Math.round((80 + rand() * 45) * 1e5) / 1e5,
        now,
        now,
      );
      if (status === "ACTIVE" || status === "SUSPENDED")
        out.push({ id: Number(info.lastInsertRowid), areaId: area.id, element });
    }
  })();
  log(`${scale.name}: ${scale.stations.toLocaleString("en")} stations`);
  return out;
}

/** The stations went in through StationCount's triggers, one row at a time: the rollup must equal the GROUP BY. */
function checkRollup(db: Database.Database, scale: Scale, log: (s: string) => void, ms: number): void {
  const diff = db
    .prepare(
      `SELECT (SELECT count(*) FROM (${COVERAGE_SQL} EXCEPT ${COVERAGE_ROLLUP_SQL})) + (SELECT count(*) FROM (${COVERAGE_ROLLUP_SQL} EXCEPT ${COVERAGE_SQL}))`,
    )
    .pluck()
    .get() as number;
  if (diff !== 0) throw new Error(`${scale.name}: StationCount differs from the GROUP BY over Station in ${diff} rows`);
  const rows = db.prepare("SELECT count(*) FROM StationCount").pluck().get() as number;
  log(
    `${scale.name}: stations inserted through the rollup triggers in ${(ms / 1000).toFixed(1)} s; ${rows.toLocaleString("en")} StationCount rows, equal to the GROUP BY`,
  );
}

function insertAlerts(
  db: Database.Database,
  scale: Scale,
  stations: StationRef[],
  rand: () => number,
  log: (s: string) => void,
): void {
  const insert = db.prepare(
    `INSERT INTO Alert (stationId, areaId, element, kind, severity, pollutant, measuredValue, limitValue, occurredAt, status, demo, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  );
  const kinds = Object.keys(ALERT_KINDS);
  const span = ALERT_SPAN.to.getTime() - ALERT_SPAN.from.getTime();
  const closedBefore = new Date("2025-10-01T00:00:00+08:00").getTime();
  const batch = 200_000;
  for (let done = 0; done < scale.alerts; done += batch) {
    const n = Math.min(batch, scale.alerts - done);
    db.transaction(() => {
      for (let i = 0; i < n; i++) {
        const s = stations[Math.floor(rand() * stations.length)];
        const kind = rand() < 0.5 ? "EXCEEDANCE" : kinds[1 + Math.floor(rand() * (kinds.length - 1))];
        const at = ALERT_SPAN.from.getTime() + Math.floor(rand() * span);
        const r = rand();
        const status =
          at < closedBefore
            ? r < 0.9
              ? "CLOSED"
              : r < 0.97
                ? "IN_LINKAGE"
                : "OPEN"
            : r < 0.4
              ? "CLOSED"
              : r < 0.6
                ? "IN_LINKAGE"
                : "OPEN";
        const exceed = kind === "EXCEEDANCE";
        const iso = sqliteTime(new Date(at));
        insert.run(
          s.id,
          s.areaId,
          s.element,
          kind,
          r < 0.15 ? "HIGH" : r < 0.55 ? "MEDIUM" : "LOW",
          exceed ? (s.element === "AIR" ? "PM2.5" : "COD") : null,
          exceed ? Math.round(75 * (1.05 + rand())) : null,
          exceed ? 75 : null,
          iso,
          status,
          iso,
        );
      }
    })();
    if (scale.alerts > batch)
      log(`${scale.name}: alerts ${(done + n).toLocaleString("en")} / ${scale.alerts.toLocaleString("en")}`);
  }
  if (scale.alerts <= batch) log(`${scale.name}: ${scale.alerts.toLocaleString("en")} alerts`);
}
