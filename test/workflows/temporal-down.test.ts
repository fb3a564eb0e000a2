// Starting a process while Temporal is down: the app (its own process, on the real API, connecting lazily to the
// configured TEMPORAL_ADDRESS as production does) answers each of the four starts with a bilingual
// WORKFLOW_UNAVAILABLE and writes nothing, no record and no change-history entry; once a real dev server listens on that
// address (and a real worker polls it) the same request succeeds at once. Then the server goes away after the app has
// connected, and the same holds.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, Connection } from "@temporalio/client";
import { NativeConnection, type Worker } from "@temporalio/worker";
import { createTestDb } from "../support/db";
import { createMailer } from "../../app/utils/mailer.server";
import { appProcess, type DriverAnswer } from "./support/app-process";
import { auditEvents, processStarts, type ProcessStart } from "./support/starts";
import { createWorker, eventually, freePort, startDevServer } from "./support/temporal";

const { db, url } = createTestDb();
const taskQueue = "temporal-down-test";
const temporalDb = path.join(mkdtempSync(path.join(os.tmpdir(), "eco-temporal-")), "temporal.db");
let port: number;
let app: Awaited<ReturnType<typeof appProcess>>;
let server: Awaited<ReturnType<typeof startDevServer>> | null = null;
let native: NativeConnection | null = null;
let connection: Connection | null = null;
let worker: Worker | null = null;
let running: Promise<void> | null = null;
let alerts: number[];

beforeAll(async () => {
  port = await freePort(); // nothing listens here until the test starts a server on it
  app = await appProcess({ DATABASE_URL: url, TEMPORAL_ADDRESS: `127.0.0.1:${port}`, TEMPORAL_TASK_QUEUE: taskQueue });
  alerts = (
    await db.alert.findMany({ where: { status: "OPEN" }, orderBy: { id: "asc" }, take: 2, select: { id: true } })
  ).map((a) => a.id);
});
afterAll(async () => {
  await app?.close();
  worker?.shutdown();
  await running;
  await native?.close();
  await connection?.close();
  await server?.stop();
  await db.$disconnect();
});

async function startWorker() {
  connection = await Connection.connect({ address: server!.address });
  native = await NativeConnection.connect({ address: server!.address });
  worker = await createWorker({
    connection: native,
    client: new Client({ connection }),
    db,
    mailer: createMailer({ db }),
    taskQueue,
  });
  running = worker.run();
}

/** While the server is away the worker would only log its retries; it is not what this test is about. */
async function stopWorker() {
  worker!.shutdown();
  await running;
  await native!.close();
  await connection!.close();
  [worker, running, native, connection] = [null, null, null, null];
}

function expectUnavailable(s: ProcessStart, r: DriverAnswer) {
  const e = r.errors?.[0];
  expect(e?.extensions?.code, `${s.name}: ${JSON.stringify(r)}`).toBe("WORKFLOW_UNAVAILABLE");
  expect(e?.extensions?.zh).toMatch(/流程服务暂不可用/);
  expect(e?.extensions?.en).toMatch(/workflow service is unavailable/);
}

async function expectNothingWritten(s: ProcessStart) {
  expect.soft(await s.rows(db), `${s.name}: no record`).toBe(0);
  expect.soft(await auditEvents(db, s), `${s.name}: no change-history entry`).toBe(0);
}

/** A second attempt sent while the first still waits for Temporal: once the first has written anything or answered. */
async function retryWhileWaiting(s: ProcessStart) {
  const first = app.gql(s.query, s.variables, s.as);
  let answered = false;
  void first.then(() => (answered = true));
  await eventually(async () => answered || (await s.rows(db)) > 0 || (await auditEvents(db, s)) > 0, 20);
  const second = await app.gql(s.query, s.variables, s.as);
  return { first: await first, second };
}

async function expectStarted(s: ProcessStart) {
  const r = await app.gql(s.query, s.variables, s.as);
  expect(r.errors, `${s.name}: the retry succeeds`).toBeUndefined();
  expect(Object.values(r.data as Record<string, { workflowId: string }>)[0].workflowId).toBe(s.workflowId);
  await eventually(async () => (await s.rows(db)) === 1);
  expect.soft(await auditEvents(db, s), `${s.name}: one change-history entry`).toBe(1);
}

describe("starting a process while Temporal is down", () => {
  it("is refused with WORKFLOW_UNAVAILABLE and writes nothing; once Temporal is up, the same request succeeds", async () => {
    const audits = await db.auditEvent.count();
    for (const s of processStarts(0, alerts[0])) {
      expectUnavailable(s, await app.gql(s.query, s.variables, s.as));
      await expectNothingWritten(s);
      // Retried while the first attempt still waits: the same answer, never a CONFLICT with a half-made record.
      const { first, second } = await retryWhileWaiting(s);
      expectUnavailable(s, first);
      expectUnavailable(s, second);
      await expectNothingWritten(s);
    }
    expect.soft(await db.auditEvent.count(), "change-history entries written while Temporal was down").toBe(audits);

    server = await startDevServer(temporalDb, port);
    await startWorker();
    for (const s of processStarts(0, alerts[0])) await expectStarted(s);
  }, 180_000);

  it("is refused the same way when the server goes away after the app connected, and succeeds once it is back", async () => {
    await stopWorker();
    await server!.stop();
    for (const s of processStarts(1, alerts[1])) {
      expectUnavailable(s, await app.gql(s.query, s.variables, s.as));
      await expectNothingWritten(s);
    }
    await server!.restart();
    await startWorker();
    for (const s of processStarts(1, alerts[1])) await expectStarted(s);
  }, 300_000);
});
