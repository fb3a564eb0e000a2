// Benchmark row for the workflows: opening a reporting cycle that fans out one progress-report workflow per task
// and lead department, against starting as many trivial workflows on the same Temporal dev server and worker
// (the floor). A scale is a number of cities, each with the plan's own tasks and lead departments (the nation has
// about 333 prefecture-level cities). Standalone: `npx tsx bench/workflows-fanout.ts [city|province|nation|<cities>]…`
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client, Connection } from "@temporalio/client";
import { DefaultLogger, NativeConnection, Runtime, Worker } from "@temporalio/worker";
import { createDb, type Db } from "../app/utils/db.server";
import { createMailer } from "../app/utils/mailer.server";
import { useTemporalClient } from "../app/utils/temporal.server";
import { previousMonthPeriod } from "../app/utils/time";
import { openReportingCycle } from "../app/models/workflows/reporting.server";
import { reportInputs } from "../app/models/workflows/fan-out.server";
import { recipients } from "../app/models/workflows/notify.server";
import type { Viewer } from "../app/models/viewer";
import { createActivities } from "../worker/activities";
import { BENCH_TASK_QUEUE } from "../workflows/task-queues";
import { workflowsPath } from "../worker/worker";
import { startDevServer } from "../worker/dev-server";

export const FANOUT_SCALES = { city: 1, province: 13, nation: 333 } as const;

export interface FanoutRow {
  scale: string;
  workflows: number;
  fanoutSeconds: number;
  floorSeconds: number;
  fanoutPerSecond: number;
  floorPerSecond: number;
  ratio: number;
}

/** A migrated database with the plan seeded, its tasks copied once per extra city (same lead and supporting departments). */
async function benchDb(dir: string, cities: number): Promise<{ db: Db; url: string }> {
  const url = `file:${path.join(dir, "fanout.db")}`;
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "test" } as NodeJS.ProcessEnv;
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "seed/run.ts", "--no-demo"], { env, stdio: "pipe" });
  const db = createDb(url);
  const tasks = await db.task.findMany({ include: { assignments: true } });
  for (let c = 1; c < cities; c++) {
    await db.$transaction(async (tx) => {
      for (const t of tasks) {
        const copy = await tx.task.create({
          data: {
            code: `${t.code}@c${c}`,
            groupId: t.groupId,
            ordinal: t.ordinal,
            title: t.title,
            titleEn: t.titleEn,
            duty: t.duty,
            responsibilityClause: t.responsibilityClause,
          },
        });
        await tx.taskAssignment.createMany({
          data: t.assignments.map(({ id: _id, taskId: _t, ...a }) => ({ ...a, taskId: copy.id })),
        });
      }
    });
  }
  return { db, url };
}

async function until(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((r) => setTimeout(r, 50));
}

export async function benchFanout(
  scale: keyof typeof FANOUT_SCALES | number,
  log: (s: string) => void = console.log,
): Promise<FanoutRow> {
  const cities = typeof scale === "number" ? scale : FANOUT_SCALES[scale];
  const name = typeof scale === "number" ? `${scale} cities` : scale;
  const dir = mkdtempSync(path.join(os.tmpdir(), "eco-bench-fanout-"));
  const { db } = await benchDb(dir, cities);
  const server = await startDevServer(path.join(dir, "temporal.db"));
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const native = await NativeConnection.connect({ address: server.address });
  const mailer = createMailer({ db }); // outbox only: the row measures workflows, not an SMTP server
  useTemporalClient(client, BENCH_TASK_QUEUE);
  const worker = await Worker.create({
    connection: native,
    taskQueue: BENCH_TASK_QUEUE,
    workflowsPath,
    activities: createActivities({ db, mailer, temporal: { client, taskQueue: BENCH_TASK_QUEUE } }),
  });
  const running = worker.run();
  try {
    // What "opened" means: every report workflow started, its state mirrored to SQL and its requests in the outbox.
    const period = previousMonthPeriod(); // a period that has ended: a cycle is opened after its period (ADR 012)
    const inputs = await reportInputs(db, { cycleWorkflowId: "", period, dueDate: "", leadDays: 0 });
    let notices = 0;
    for (const i of inputs)
      notices += (
        await recipients(db, [
          { departmentId: i.departmentId },
          ...i.supporters.map((s) => ({ departmentId: s.departmentId })),
        ])
      ).length;
    const n = inputs.length;

    log(`[fanout] ${name}: floor, ${n} trivial workflows…`);
    let t0 = performance.now();
    for (let i = 0; i < n; i += 25) {
      const handles = await Promise.all(
        Array.from({ length: Math.min(25, n - i) }, (_, k) =>
          client.workflow.start("trivialWorkflow", {
            workflowId: `trivial-${i + k}`,
            taskQueue: BENCH_TASK_QUEUE,
            args: [i + k],
          }),
        ),
      );
      void handles;
    }
    for (let i = 0; i < n; i++) await client.workflow.getHandle(`trivial-${i}`).result();
    const floorSeconds = (performance.now() - t0) / 1000;

    log(`[fanout] ${name}: reporting cycle fanning out to ${n} reports…`);
    const steering = (await db.user.findFirstOrThrow({ where: { role: "STEERING_GROUP" } })) as unknown as Viewer;
    const due = new Date(Date.now() + 30 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    t0 = performance.now();
    await openReportingCycle(db, steering, { period, dueDate: due });
    await until(async () => (await db.progressReport.count({ where: { version: { gte: 1 } } })) === n);
    await until(
      async () =>
        (await db.outboxMessage.count({
          where: { template: { in: ["REPORT_REQUESTED", "CONTRIBUTION_REQUESTED"] } },
        })) === notices,
    );
    const fanoutSeconds = (performance.now() - t0) / 1000;

    return {
      scale: name,
      workflows: n,
      fanoutSeconds,
      floorSeconds,
      fanoutPerSecond: n / fanoutSeconds,
      floorPerSecond: n / floorSeconds,
      ratio: fanoutSeconds / floorSeconds,
    };
  } finally {
    worker.shutdown();
    await running;
    useTemporalClient(null);
    await native.close();
    await connection.close();
    await server.stop();
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function fanoutTable(rows: FanoutRow[]): string {
  const head =
    "| scale | workflows | fan-out s | fan-out wf/s | floor s | floor wf/s | ratio |\n|---|---:|---:|---:|---:|---:|---:|";
  const f = (x: number, d = 1) => x.toFixed(d);
  return [
    head,
    ...rows.map(
      (r) =>
        `| ${r.scale} | ${r.workflows} | ${f(r.fanoutSeconds)} | ${f(r.fanoutPerSecond)} | ${f(r.floorSeconds)} | ${f(r.floorPerSecond)} | ${f(r.ratio, 2)}× |`,
    ),
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  Runtime.install({ logger: new DefaultLogger("WARN") });
  const args = process.argv.slice(2);
  const scales = (args.length ? args : ["city", "province", "nation"]).map((a) =>
    /^\d+$/.test(a) ? Number(a) : (a as keyof typeof FANOUT_SCALES),
  );
  const rows: FanoutRow[] = [];
  for (const s of scales) rows.push(await benchFanout(s));
  console.log(
    `\nReporting-cycle fan-out vs trivial workflows on the same Temporal dev server and worker\n\n${fanoutTable(rows)}`,
  );
}
