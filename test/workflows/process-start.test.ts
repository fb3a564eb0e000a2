// Starting a process is atomic as the user sees it, proved the way it fails: the app, as its own process (node --import
// tsx) on the real API, is SIGKILLed just before and just after the workflow start of each of the four processes, on a
// real Temporal dev server with a real worker and a private SQLite database. Killed before: nothing is written and a
// retry succeeds. Killed after: the workflow's first step writes the record and exactly one change-history entry, and
// starting it again is a CONFLICT (never a record no one can reopen).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, Connection, WorkflowNotFoundError } from "@temporalio/client";
import { NativeConnection, type Worker } from "@temporalio/worker";
import { createTestDb } from "../support/db";
import { graphqlClient } from "../support/graphql";
import { createMailer } from "../../app/utils/mailer.server";
import { useTemporalClient } from "../../app/utils/temporal.server";
import { appProcess } from "./support/app-process";
import { auditEvents, processStarts } from "./support/starts";
import { createWorker, eventually, startDevServer } from "./support/temporal";

const { db, url } = createTestDb();
const gql = graphqlClient(db);
const taskQueue = "process-start-test";
let server: Awaited<ReturnType<typeof startDevServer>>;
let connection: Connection;
let client: Client;
let native: NativeConnection;
let worker: Worker;
let running: Promise<void>;
let alerts: number[];

beforeAll(async () => {
  server = await startDevServer(path.join(mkdtempSync(path.join(os.tmpdir(), "eco-temporal-")), "temporal.db"));
  connection = await Connection.connect({ address: server.address });
  client = new Client({ connection });
  useTemporalClient(client, taskQueue);
  native = await NativeConnection.connect({ address: server.address });
  worker = await createWorker({ connection: native, client, db, mailer: createMailer({ db }), taskQueue });
  running = worker.run();
  alerts = (
    await db.alert.findMany({ where: { status: "OPEN" }, orderBy: { id: "asc" }, take: 2, select: { id: true } })
  ).map((a) => a.id);
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  useTemporalClient(null);
  await native?.close();
  await connection?.close();
  await server?.stop();
  await db.$disconnect();
});

const app = (killAt: "before" | "after") =>
  appProcess({
    DATABASE_URL: url,
    TEMPORAL_ADDRESS: server.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    INJECT_CLIENT: "1",
    KILL_AT: killAt,
  });
const workflowExists = (id: string) =>
  client.workflow
    .getHandle(id)
    .describe()
    .then(
      () => true,
      (e: unknown) => {
        if (e instanceof WorkflowNotFoundError) return false;
        throw e;
      },
    );
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

describe("an app process killed while it starts a process", () => {
  it("killed just before the workflow start: nothing is written, and a retry succeeds", async () => {
    for (const s of processStarts(0, alerts[0])) {
      const killed = await (await app("before")).gql(s.query, s.variables, s.as);
      expect(killed.killed, s.name).toBe("SIGKILL");
      expect.soft(await s.rows(db), `${s.name}: no record`).toBe(0);
      expect.soft(await auditEvents(db, s), `${s.name}: no change-history entry`).toBe(0);
      expect(await workflowExists(s.workflowId), `${s.name}: no workflow`).toBe(false);

      const retry = await gql(s.query, s.variables, s.as);
      expect.soft(retry.errors, `${s.name}: the retry succeeds`).toBeUndefined();
      await eventually(async () => (await s.rows(db)) === 1);
      expect.soft(await auditEvents(db, s), `${s.name}: one change-history entry after the retry`).toBe(1);
    }
  }, 180_000);

  it("killed just after the workflow start: the workflow writes the record and one history entry; a second start is a CONFLICT", async () => {
    for (const s of processStarts(1, alerts[1])) {
      const killed = await (await app("after")).gql(s.query, s.variables, s.as);
      expect(killed.killed, s.name).toBe("SIGKILL");
      expect(await workflowExists(s.workflowId), `${s.name}: the workflow runs`).toBe(true);
      await eventually(async () => (await s.rows(db)) === 1 && (await auditEvents(db, s)) === 1);

      const again = await gql(s.query, s.variables, s.as);
      expect(code(again), `${s.name}: starting it again`).toBe("CONFLICT");
      expect(again.errors![0].message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
      expect(await s.rows(db)).toBe(1);
      expect(await auditEvents(db, s), `${s.name}: exactly one change-history entry`).toBe(1);
    }
  }, 180_000);
});
