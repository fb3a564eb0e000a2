// The benchmark on PostgreSQL (docs/decisions/017-two-databases.md): the same registry as the SQLite file of a scale,
// loaded into a PostgreSQL database made by the PostgreSQL migrations, so both databases answer the same questions
// over the same rows. The server is BENCH_DATABASE_URL's (a superuser: loading switches triggers off), or a throwaway
// cluster started by scripts/postgres.sh and removed when the benchmark ends.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import type { Scale } from "./scales";

export interface BenchPostgresql {
  serverUrl: string;
  /** CPU ms used so far by every process of the cluster (its backends serve both sides); 0 for a server elsewhere. */
  cpuMs(): number;
  stop(): void;
}

const TICK_MS = 10;

/** User + system CPU of a process tree's children of `parent` (the postmaster's backends and helpers), and itself. */
function treeCpuMs(parent: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // Field 4 is the parent's pid; utime and stime are fields 14 and 15 (counted from 1; here from the state, 3).
      if (Number(entry) === parent || Number(fields[1]) === parent)
        total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

export function startBenchPostgresql(log: (s: string) => void): BenchPostgresql {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) {
    log("PostgreSQL: using BENCH_DATABASE_URL (its CPU is not counted)");
    return { serverUrl: given, cpuMs: () => 0, stop: () => undefined };
  }
  log("PostgreSQL: starting a throwaway cluster (scripts/postgres.sh) …");
  const [dir, serverUrl] = execFileSync("bash", ["scripts/postgres.sh", "start"], { encoding: "utf8" })
    .trim()
    .split(" ");
  const postmaster = Number(readFileSync(`${dir}/data/postmaster.pid`, "utf8").split("\n")[0]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    execFileSync("bash", ["scripts/postgres.sh", "stop", dir]);
  };
  // Ctrl-C and failures end the process through exit: the cluster goes with it.
  process.once("exit", stop);
  return { serverUrl, cpuMs: () => treeCpuMs(postmaster), stop };
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Rows per INSERT … SELECT FROM json_populate_recordset: one statement moves this many rows. */
const CHUNK = 20_000;

/**
 * A database holding exactly the rows of the SQLite registry `file`: made by the PostgreSQL migrations, then every
 * table copied with triggers and foreign-key checks off (session_replication_role = replica: StationCount is copied,
 * not recounted), then the id sequences moved past the copied ids and the tables analysed. Reused while its version
 * (the SQLite file's) matches.
 */
export async function ensureBenchPostgresql(
  server: BenchPostgresql,
  scale: Scale,
  file: string,
  version: string,
  log: (s: string) => void,
): Promise<string> {
  const name = `bench_${scale.name}`;
  const url = withDatabase(server.serverUrl, name);
  const admin = new pg.Client({ connectionString: server.serverUrl });
  await admin.connect();
  try {
    const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
    if (exists) {
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      const found = await db
        .query<{ value: string }>(`SELECT "value" FROM "_bench_meta" WHERE "key" = 'version'`)
        .then(
          (r) => r.rows[0]?.value,
          () => null,
        )
        .finally(() => db.end());
      if (found === version) {
        log(`${scale.name}: reusing PostgreSQL database ${name} (${version})`);
        return url;
      }
      await admin.query(`DROP DATABASE "${name}"`);
    }
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  log(`${scale.name}: loading ${file} into PostgreSQL database ${name} …`);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  const started = Date.now();
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query("SET session_replication_role = replica");
    const booleans = await db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'boolean'`,
    );
    const tables = sqlite
      .prepare(
        // SearchIndex is an FTS5 table with shadow tables on SQLite, a plain trigger-kept table on PostgreSQL (ADR 024).
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'
            AND name NOT LIKE 'SearchIndex%'`,
      )
      .pluck()
      .all() as string[];
    await db.query(`CREATE TABLE "_bench_meta" ("key" TEXT PRIMARY KEY, "value" TEXT NOT NULL)`);
    for (const table of tables) {
      const flags = booleans.rows.filter((r) => r.table_name === table).map((r) => r.column_name);
      let chunk: Record<string, unknown>[] = [];
      const flush = async () => {
        if (chunk.length === 0) return;
        await db.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, [
          JSON.stringify(chunk),
        ]);
        chunk = [];
      };
      for (const row of sqlite.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<Record<string, unknown>>) {
        // SQLite keeps a Boolean as 0 or 1; json_populate_recordset wants true or false.
        for (const f of flags) if (row[f] !== null) row[f] = row[f] === 1;
        chunk.push(row);
        if (chunk.length === CHUNK) await flush();
      }
      await flush();
      // A serial id's sequence must continue after the copied ids, or the product's next insert collides.
      const serial = await db.query<{ seq: string | null }>(
        `SELECT pg_get_serial_sequence($1, 'id') AS seq FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = $2 AND column_name = 'id'`,
        [`"${table}"`, table],
      );
      if (serial.rows[0]?.seq)
        await db.query(`SELECT setval($1, COALESCE((SELECT max("id") FROM "${table}"), 0) + 1, false)`, [
          serial.rows[0].seq,
        ]);
    }
    await db.query(`UPDATE "_bench_meta" SET "value" = $1 WHERE "key" = 'version'`, [version]);
    await db.query("SET session_replication_role = origin");
    await db.query("ANALYZE");
  } finally {
    sqlite.close();
    await db.end();
  }
  log(`${scale.name}: loaded into PostgreSQL in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return url;
}
