// Durability on the real dev server (temporal server start-dev, SQLite file, free port) with the real worker
// process (worker/worker.ts): the worker is killed (SIGKILL) in the middle of a reporting cycle's fan-out and
// restarted; separately the dev server is restarted on its persisted file while a cycle and a linkage case wait.
// Everything then completes through the GraphQL API with nothing lost and nothing duplicated, except what SMTP cannot
// promise: an e-mail on the wire at the kill is sent again, with the same Message-ID (see app/utils/mailer.server.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, Connection } from "@temporalio/client";
import { createTestDb } from "../support/db";
import { graphqlClient } from "../support/graphql";
import { useTemporalClient } from "../../app/utils/temporal.server";
import { startSmtpServer } from "./support/smtp";
import { eventually, startDevServer } from "./support/temporal";
import { recordHistory } from "./support/histories";
import { duplicates } from "./support/harness";
import { previousMonthPeriod } from "../../app/utils/time";

const SG = "steering@daqing.example";
const { db, url } = createTestDb();
const gql = graphqlClient(db);
let server: Awaited<ReturnType<typeof startDevServer>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let connection: Connection;
let client: Client;
let worker: ChildProcess | null = null;
const taskQueue = "durability-test";

function startWorker() {
  worker = spawn("npx", ["tsx", "worker/worker.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SMTP_URL: smtp.url,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true, // its own process group, so SIGKILL reaches tsx's child node process too
  });
}
function killWorker(signal: NodeJS.Signals) {
  const w = worker;
  worker = null;
  if (!w || w.exitCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    w.once("exit", () => resolve());
    process.kill(-w.pid!, signal);
  });
}

beforeAll(async () => {
  server = await startDevServer(path.join(mkdtempSync(path.join(os.tmpdir(), "eco-temporal-")), "temporal.db"));
  smtp = await startSmtpServer();
  connection = await Connection.connect({ address: server.address });
  client = new Client({ connection });
  useTemporalClient(client, taskQueue);
  startWorker();
  // A start answers once the workflow's first step has written its record (ADR 012): wait for the worker to poll,
  // and say so at once if the worker process dies instead (its error is on this test's stderr).
  const w = worker!;
  let polling = false;
  await Promise.race([
    eventually(async () => {
      const { pollers } = await connection.workflowService.describeTaskQueue({
        namespace: "default",
        taskQueue: { name: taskQueue },
        taskQueueType: 1,
      });
      return (polling = (pollers?.length ?? 0) > 0);
    }, 250),
    new Promise((_, reject) =>
      w.once("exit", (code) => {
        if (!polling) reject(new Error(`the worker process exited (${code}) before it polled`));
      }),
    ),
  ]);
});
afterAll(async () => {
  await killWorker("SIGTERM");
  useTemporalClient(null);
  await connection?.close();
  await server?.stop();
  await smtp?.close();
  await db.$disconnect();
});

const log = (m: string) => console.log(`[durability] ${new Date().toISOString()} ${m}`);
const today = (days: number) => new Date(Date.now() + days * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);

describe("durability", () => {
  it("survives a killed worker and a restarted server, losing nothing and duplicating only an e-mail on the wire at the kill (same Message-ID)", async () => {
    const leads = await db.taskAssignment.findMany({ where: { role: "LEAD" }, distinct: ["taskId", "departmentId"] });
    const period = previousMonthPeriod();
    const opened = await gql(
      `mutation($p: String!, $d: String!) { openReportingCycle(period: $p, dueDate: $d) { workflowId } }`,
      { p: period, d: today(30) },
      SG,
    );
    expect(opened.errors).toBeUndefined();

    // Kill the worker once the fan-out is under way, then start a new one.
    await eventually(async () => (await db.progressReport.count({ where: { version: { gte: 1 } } })) >= 3, 20);
    log("killing worker");
    await killWorker("SIGKILL");
    // With the worker dead, the outbox is still: a message whose lease is held and which is not marked sent was on
    // the wire to the SMTP server when the worker died. Whether the server had accepted it nobody can know, so the
    // next attempt sends it again (with the same Message-ID); only these may reach the server twice.
    const onTheWireAtKill = (
      await db.outboxMessage.findMany({ where: { sentAt: null, sendingUntil: { not: null } } })
    ).map((m) => m.idempotencyKey);
    log(`${onTheWireAtKill.length} e-mails were on the wire when the worker was killed`);
    const mirroredAtKill = await db.progressReport.count({ where: { version: { gte: 1 } } });
    log("restarting worker");
    startWorker();
    await eventually(
      async () => (await db.progressReport.count({ where: { version: { gte: 1 } } })) === leads.length,
      200,
    );
    log(`${mirroredAtKill} of ${leads.length} reports were mirrored when the worker was killed`);

    // A linkage case waits for its response while the server restarts on its persisted file.
    const alert = await db.alert.findFirstOrThrow({ where: { status: "OPEN" } });
    const lc = await gql(`mutation($id: Int!) { openLinkageCase(alertId: $id) { workflowId } }`, { id: alert.id }, SG);
    const caseId = lc.data.openLinkageCase.workflowId;
    await eventually(
      async () => (await db.linkageCase.findUniqueOrThrow({ where: { workflowId: caseId } })).version >= 1,
      100,
    );
    log("restarting server");
    await server.restart();

    const pending = await db.progressReport.findMany({ where: { cycle: { period } } });
    for (const r of pending) {
      const s = await gql(
        `mutation($id: String!) { submitProgressReport(workflowId: $id, progress: "推进中", taskStatus: "ON_TRACK") { status } }`,
        { id: r.workflowId },
        SG,
      );
      expect(s.errors).toBeUndefined();
      expect(
        (
          await gql(
            `mutation($id: String!) { reviewProgressReport(workflowId: $id, accept: true) { status } }`,
            { id: r.workflowId },
            SG,
          )
        ).data.reviewProgressReport.status,
      ).toBe("ACCEPTED");
    }
    await gql(
      `mutation($id: String!) { respondToLinkageCase(workflowId: $id, note: "出发") { status } }`,
      { id: caseId },
      SG,
    );
    await gql(
      `mutation($id: String!, $at: String!) { recordEnforcementResult(workflowId: $id, onSiteAt: $at, jointMonitoring: true, violationFound: false, actionTaken: "设备故障，已修复") { status } }`,
      { id: caseId, at: new Date().toISOString() },
      SG,
    );
    expect(
      (
        await gql(
          `mutation($id: String!) { closeLinkageCase(workflowId: $id, summary: "无违法行为") { status } }`,
          { id: caseId },
          SG,
        )
      ).data.closeLinkageCase.status,
    ).toBe("CLOSED");

    log("waiting for cycle");
    const result = await client.workflow.getHandle(`cycle-${period}`).result();
    expect(result).toEqual({ reports: leads.length });
    await client.workflow.getHandle(caseId).result();

    // Nothing duplicated: one workflow per report, each step mirrored once, each notice received
    // once unless it was on the wire at the kill.
    let started = 0;
    for await (const _ of client.workflow.list({ query: `WorkflowType = 'progressReportWorkflow'` })) started++;
    expect(started).toBe(leads.length);
    const cycle = await db.reportingCycle.findUniqueOrThrow({ where: { period } });
    expect(cycle.status).toBe("CLOSED");
    expect(cycle.consolidatedReport!.split("\n").filter((l) => /^\d\.\d /.test(l))).toHaveLength(leads.length);
    const events = await db.workflowEvent.findMany({ where: { workflowId: { startsWith: `report-${period}-` } } });
    expect(events.filter((e) => e.kind === "OPEN")).toHaveLength(leads.length);
    // Nothing lost: every outbox message reached the SMTP server.
    await eventually(async () => (await db.outboxMessage.count({ where: { sentAt: null } })) === 0);
    const outbox = await db.outboxMessage.findMany();
    const twice = duplicates(smtp.received.map((m) => m.noticeKey));
    for (const key of twice) expect(onTheWireAtKill).toContain(key);
    for (const key of new Set(twice)) {
      const copies = smtp.received.filter((m) => m.noticeKey === key);
      expect(new Set(copies.map((m) => m.parsed.messageId)).size).toBe(1);
    }
    expect(new Set(smtp.received.map((m) => m.noticeKey))).toEqual(new Set(outbox.map((m) => m.idempotencyKey)));
    expect(smtp.received.filter((m) => m.noticeKey.includes("/LINKAGE_CLOSED/")).length).toBeGreaterThan(0);

    await recordHistory(client, `cycle-${period}`, "reporting-cycle");
    await recordHistory(client, `report-${period}-1.2-water`, "progress-report");
  }, 300_000);
});
