// `npm run bench [-- --scales city,province --db sqlite,postgresql --iterations 20 --warmup 3 --only coverage --no-build
//   --fanout city,province]` (`-- --help` lists the options)
// For each scale: make (or reuse) the registry file, and for each database (--db, default sqlite) start the real
// product on it, then time every case in bench/cases.ts through the product and by raw SQL on the same database, and
// print one table at the end. PostgreSQL gets the file's rows copied into a database on BENCH_DATABASE_URL's server or
// on a throwaway cluster (bench/postgresql.ts, docs/decisions/017-two-databases.md).
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { operationText, type TadaDocumentNode, type VariablesArg } from "../app/utils/graphql";
import { ensureBenchPostgresql, startBenchPostgresql, type BenchPostgresql } from "./postgresql";
import pg from "pg";
import { benchCases, type BenchContext, type FloorSql } from "./cases";
import { benchVersion, ensureBenchDb } from "./generate";
import { table, timePair, type ResultRow } from "./measure";
import { SCALE_NAMES, SCALES, type ScaleName } from "./scales";
import { buildProduct, startProduct } from "./server";
import { benchFanout, fanoutTable, FANOUT_SCALES } from "./workflows-fanout";

const USAGE = `npm run bench [-- options]
  --scales city,province,nation   the registry sizes to measure (default: all)
  --db sqlite,postgresql          the databases, each scale on each (default: sqlite)
  --iterations N --warmup N       timed and untimed runs per case (default: 20 and 5)
  --only TEXT                     only the cases whose "module operation" contains TEXT
  --no-build                      reuse the built product (npx remix build)
  --generate-only                 make the registry files and stop
  --fanout city,province          also open a reporting cycle at these scales on a Temporal dev server (nation: ~35 min)
  --help                          this text`;

/** A wrong option ends the run with what is wrong and the usage, not a stack trace. */
function refuse(message: string): never {
  console.error(`[bench] ${message}\n\n${USAGE}`);
  process.exit(2);
}

const { values: args } = (() => {
  try {
    return parseArgs({
      options: {
        scales: { type: "string", default: SCALE_NAMES.join(",") },
        db: { type: "string", default: "sqlite" },
        iterations: { type: "string", default: "20" },
        warmup: { type: "string", default: "5" },
        only: { type: "string" },
        "no-build": { type: "boolean", default: false },
        "generate-only": { type: "boolean", default: false },
        fanout: { type: "string" },
        help: { type: "boolean", default: false },
      },
    });
  } catch (e) {
    return refuse((e as Error).message);
  }
})();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const log = (s: string) => console.log(`[bench] ${s}`);
const scales = args.scales!.split(",").map((s) => s.trim()) as ScaleName[];
for (const s of scales) if (!SCALES[s]) refuse(`unknown scale ${s}; one of ${SCALE_NAMES.join(", ")}`);
const databases = args.db!.split(",").map((s) => s.trim());
for (const d of databases)
  if (d !== "sqlite" && d !== "postgresql") refuse(`unknown database ${d}; sqlite or postgresql`);
for (const [name, value] of [
  ["iterations", args.iterations],
  ["warmup", args.warmup],
] as const)
  if (!/^\d+$/.test(value!)) refuse(`--${name} takes a whole number, not ${value}`);
const fanoutScales = (args.fanout ?? "")
  .split(",")
  .map((x) => x.trim())
  .filter(Boolean) as (keyof typeof FANOUT_SCALES)[];
for (const s of fanoutScales)
  if (!FANOUT_SCALES[s]) refuse(`unknown fan-out scale ${s}; one of ${Object.keys(FANOUT_SCALES).join(", ")}`);
const iterations = Number(args.iterations);
const warmup = Number(args.warmup);
const cases = benchCases.filter((c) => !args.only || `${c.module} ${c.operation}`.includes(args.only));

const files = new Map<ScaleName, string>();
for (const s of scales) files.set(s, await ensureBenchDb(SCALES[s], log));
if (args["generate-only"]) process.exit(0);
if (!args["no-build"]) buildProduct(log);

const results: ResultRow[] = [];
let server: BenchPostgresql | undefined;

/** The floor's connection and the URL the product is started with, for one scale on one database. */
async function openDatabase(database: string, name: ScaleName, file: string) {
  if (database === "sqlite") {
    const sql: FloorSql = { dialect: "sqlite", conn: new Database(file, { readonly: true, fileMustExist: true }) };
    return { target: file, sql, extraCpuMs: () => 0, close: async () => void sql.conn.close() };
  }
  server ??= startBenchPostgresql(log);
  const url = await ensureBenchPostgresql(server, SCALES[name], file, benchVersion(), log);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const cluster = server;
  const sql: FloorSql = { dialect: "postgresql", client };
  return { target: url, sql, extraCpuMs: () => cluster.cpuMs(), close: () => client.end() };
}

try {
  for (const name of scales) {
    const scale = SCALES[name];
    const file = files.get(name)!;
    const todo = cases.filter((c) => !c.scales || c.scales.includes(name));
    if (todo.length === 0) continue;
    for (const database of databases) {
      const opened = await openDatabase(database, name, file);
      log(`${name}: starting the product on ${database === "sqlite" ? file : "PostgreSQL"}`);
      const product = await startProduct(opened.target);
      // The product's CPU is its server process's, plus (PostgreSQL) the cluster's: the SQL runs there.
      const productCpu = () => product.cpuMs() + opened.extraCpuMs();
      const ctx: BenchContext = {
        scale,
        file,
        baseUrl: product.baseUrl,
        sql: opened.sql,
        async graphql<T, V>(document: TadaDocumentNode<T, V>, ...[variables]: VariablesArg<V>) {
          const query = operationText(document as TadaDocumentNode<unknown, unknown>);
          const res = await fetch(`${product.baseUrl}/graphql`, {
            method: "POST",
            headers: { "content-type": "application/json", accept: "application/json" },
            body: JSON.stringify({ query, variables }),
          });
          const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
          if (!res.ok || body.errors?.length)
            throw new Error(`GraphQL ${res.status}: ${JSON.stringify(body.errors ?? body)}`);
          return body.data as T;
        },
        async get(path: string) {
          const res = await fetch(`${product.baseUrl}${path}`);
          if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
          return res.text();
        },
      };
      try {
        for (const c of todo) {
          const n = c.iterations ?? iterations;
          await c.before?.(ctx);
          let p, f;
          try {
            if (c.check) c.check(await c.product(ctx), await c.floor(ctx));
            [p, f] = await timePair(
              { run: () => c.product(ctx), extraCpuMs: productCpu },
              { run: () => c.floor(ctx), extraCpuMs: c.floorOnServer ? productCpu : opened.extraCpuMs },
              warmup,
              n,
            );
          } finally {
            await c.after?.(ctx);
          }
          const row: ResultRow = { scale: name, database, operation: c.operation, product: p, floor: f, note: c.note };
          results.push(row);
          log(
            `${name} ${database} ${c.operation}: product ${p.median.toFixed(2)} ms, floor ${f.median.toFixed(2)} ms (${(p.median / f.median).toFixed(2)}×); ` +
              `CPU ${p.cpu.toFixed(1)} / ${f.cpu.toFixed(1)} ms (${(p.cpu / f.cpu).toFixed(2)}×)`,
          );
        }
      } finally {
        await opened.close();
        await product.stop();
      }
    }
  }
} finally {
  server?.stop();
}

console.log(`\n${table(results, warmup, iterations)}`);

if (fanoutScales.length) {
  const rows = [];
  for (const s of fanoutScales) rows.push(await benchFanout(s, log));
  console.log(`\n${fanoutTable(rows)}`);
}
// Medians on a shared machine move with its load; print it so a reader can judge a run.
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")} on ${cpus().length} cores`,
);
