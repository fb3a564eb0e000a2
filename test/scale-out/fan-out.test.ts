// Scale-out on a real Temporal cluster (scripts/temporal-cluster.sh: frontend, two history, two matching and a worker
// service, each its own process, on PostgreSQL), with TWO app instances (the built web server, its own process each)
// and TWO of our workers (worker/worker.ts) behind it, all on one app database (a throwaway PostgreSQL unless
// TEST_DATABASE=sqlite; test/scale-out/vitest.config.ts). Each plan's reporting cycle is opened through the first app;
// once the fan-out is under way ONE history process, ONE matching process and ONE of our workers are killed with
// SIGKILL; the survivors carry on; the three are restarted; every report is then submitted
// through one app instance and accepted through the other, on one session. Nothing is lost and nothing is done twice:
// each report workflow started once, each mirrored step applied once and in order, each notice mailed once (a real
// SMTP server on 127.0.0.1) — the checks of test/workflows/durability.test.ts, on a cluster.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, Connection } from "@temporalio/client";
import { createTestDb } from "../support/db";
import { startAppServer, type AppServer } from "../security/support/app-server";
import { graphql, signIn, whoIs } from "../security/support/http";
import { startSmtpServer } from "../workflows/support/smtp";
import { duplicates } from "../workflows/support/harness";
import { eventually } from "../workflows/support/temporal";
import { previousMonthPeriod } from "../../app/utils/time";
import { startCluster, type Cluster } from "./support/cluster";
import { workerProcess, type WorkerProcess } from "./support/workers";
import { PLANS } from "./plans";

const { db, url } = createTestDb();
const period = previousMonthPeriod();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let cluster: Cluster;
let apps: AppServer[] = [];
let workers: WorkerProcess[] = [];
let connection: Connection;
let client: Client;

const log = (m: string) => console.log(`[scale-out] ${new Date().toISOString()} ${m}`);
const dayFromNow = (days: number) => new Date(Date.now() + days * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
const mirrored = () => db.progressReport.count({ where: { cycle: { period }, version: { gte: 1 } } });

/** The worker processes polling the task queue for workflow tasks, by identity (pid@host). */
async function pollers(): Promise<Set<string>> {
  const { pollers } = await connection.workflowService.describeTaskQueue({
    namespace: "default",
    taskQueue: { name: "eco-monitoring" },
    taskQueueType: 1,
  });
  return new Set(pollers?.map((p) => p.identity ?? ""));
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  log("starting the cluster");
  cluster = await startCluster({ history: 2, matching: 2, worker: 1 });
  log(`cluster ready at ${cluster.address}`);
  const env = { TEMPORAL_ADDRESS: cluster.address, TEMPORAL_TASK_QUEUE: "eco-monitoring" };
  workers = ["worker-a", "worker-b"].map((name) =>
    workerProcess(name, { ...env, DATABASE_URL: url, SMTP_URL: smtp.url }),
  );
  // One at a time: on two busy cores each start (compiling, bundling the workflows) takes most of the CPU.
  for (let i = 0; i < 2; i++) apps.push(await startAppServer(url, env));
  for (const w of workers) w.start();
  connection = await Connection.connect({ address: cluster.address });
  client = new Client({ connection });
  await eventually(async () => {
    const polling = await pollers();
    return workers.every((w) => polling.has(w.identity()!));
  }, 500);
  log("two app instances and two workers are up");
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill("SIGTERM")));
  await Promise.all(apps.map((a) => a.stop()));
  await connection?.close();
  await cluster?.stop();
  await smtp?.close();
  await db.$disconnect();
});

describe("scale-out", () => {
  it("both app instances are ready on the cluster and share sessions", async () => {
    for (const app of apps) {
      const res = await fetch(`${app.baseUrl}/readyz`);
      expect(res.status).toBe(200);
    }
    const { cookie } = await signIn(apps[0].baseUrl, PLANS[0].steeringGroup);
    expect(await whoIs(apps[1].baseUrl, cookie!)).toBe(PLANS[0].steeringGroup);
  });

  it("fans out through killed history, matching and worker processes, losing and doubling nothing", async () => {
    const [a, b] = apps;
    const expected = (await Promise.all(PLANS.map((p) => p.expectedReports(db)))).reduce((x, y) => x + y, 0);
    const sessions = new Map<string, string>();
    for (const plan of PLANS) sessions.set(plan.steeringGroup, (await signIn(a.baseUrl, plan.steeringGroup)).cookie!);

    for (const plan of PLANS) {
      const { body } = await graphql(
        a.baseUrl,
        `
          mutation ($p: String!, $d: String!) {
            openReportingCycle(period: $p, dueDate: $d) {
              workflowId
            }
          }
        `,
        { p: period, d: dayFromNow(30) },
        sessions.get(plan.steeringGroup),
      );
      expect(body.errors).toBeUndefined();
    }

    await eventually(async () => (await mirrored()) >= 1, 20);
    const [history, matching, worker] = [cluster.kill("history", 1), cluster.kill("matching", 1), workers[0]];
    await Promise.all([history, matching, worker.kill("SIGKILL")]);
    const atKill = await mirrored();
    log(`killed history#1, matching#1 and ${worker.name} with ${atKill} of ${expected} reports mirrored`);
    log(await cluster.status().catch((e: { stdout?: string }) => e.stdout ?? String(e)));

    // The survivors carry on alone: history#2 takes over the killed host's shards, matching#2 its task queues.
    await eventually(async () => {
      const now = await mirrored();
      return now > atKill || now === expected;
    }, 200);
    log(`${await mirrored()} mirrored with the three down; restarting them`);
    worker.start();
    await Promise.all([cluster.restart("history", 1), cluster.restart("matching", 1)]);
    await eventually(async () => (await pollers()).has(worker.identity()!), 500);
    await eventually(async () => (await mirrored()) === expected, 200);
    log("every report is open");

    // Each step through one instance, the next through the other: one session, one database behind both.
    const reports = await db.progressReport.findMany({ where: { cycle: { period } } });
    expect(reports).toHaveLength(expected);
    const cookie = sessions.get(PLANS[0].steeringGroup);
    for (const [i, r] of reports.entries()) {
      const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
      const submitted = await graphql(
        first.baseUrl,
        `
          mutation ($id: String!) {
            submitProgressReport(workflowId: $id, progress: "推进中", taskStatus: "ON_TRACK") {
              status
            }
          }
        `,
        { id: r.workflowId },
        cookie,
      );
      expect(submitted.body.errors).toBeUndefined();
      const reviewed = await graphql<{ reviewProgressReport: { status: string } }>(
        second.baseUrl,
        `
          mutation ($id: String!) {
            reviewProgressReport(workflowId: $id, accept: true) {
              status
            }
          }
        `,
        { id: r.workflowId },
        cookie,
      );
      expect(reviewed.body.data?.reviewProgressReport.status).toBe("ACCEPTED");
    }

    log("waiting for the cycle to close");
    expect(await client.workflow.getHandle(`cycle-${period}`).result()).toEqual({ reports: expected });

    // Nothing done twice: one workflow per report (visibility is written by history, so this also proves the killed
    // host lost no record), one OPEN per report, and every report's mirrored steps numbered 1..n without a gap.
    const started: string[] = [];
    for await (const w of client.workflow.list({ query: `WorkflowType = 'progressReportWorkflow'` }))
      started.push(w.workflowId);
    expect(duplicates(started)).toEqual([]);
    expect(new Set(started)).toEqual(new Set(reports.map((r) => r.workflowId)));
    const events = await db.workflowEvent.findMany({
      where: { workflowId: { startsWith: `report-${period}-` } },
      orderBy: [{ workflowId: "asc" }, { step: "asc" }],
    });
    expect(events.filter((e) => e.kind === "OPEN")).toHaveLength(expected);
    for (const r of reports) {
      const steps = events.filter((e) => e.workflowId === r.workflowId).map((e) => e.step);
      expect(steps).toEqual(steps.map((_, i) => i + 1));
    }
    const cycle = await db.reportingCycle.findUniqueOrThrow({ where: { period } });
    expect(cycle.status).toBe("CLOSED");
    expect(cycle.consolidatedReport!.split("\n").filter((l) => /^\d\.\d /.test(l))).toHaveLength(expected);

    // Nothing lost: every outbox message reached the SMTP server, exactly once.
    await eventually(async () => (await db.outboxMessage.count({ where: { sentAt: null } })) === 0, 250);
    const outbox = await db.outboxMessage.findMany();
    expect(duplicates(smtp.received.map((m) => m.noticeKey))).toEqual([]);
    expect(new Set(smtp.received.map((m) => m.noticeKey))).toEqual(new Set(outbox.map((m) => m.idempotencyKey)));
    expect(smtp.received.some((m) => m.noticeKey.includes("/CYCLE_CLOSED/"))).toBe(true);
  });
});
