// The outbox sweeper in the real worker process (worker/worker.ts, with the Temporal dev server it connects to): a 催报
// committed by a web process that never sent its e-mails (it had no SMTP, as one killed right after its commit) is
// delivered by the worker once it starts, exactly once; and a 催报 clicked while the SMTP server is down goes out
// when the server comes back on its port, with the worker running throughout.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "../../app/utils/mailer.server";
import { createTestDb } from "../support/db";
import { graphqlClient } from "../support/graphql";
import { officeFacts } from "../support/office-facts";
import { startSmtpServer } from "./support/smtp";
import { eventually, freePort, startDevServer } from "./support/temporal";

const SG = "steering@daqing.example";
const CHASE = `mutation($w: String!, $f: Int) { chase(workflowId: $w, finding: $f) { recipients mailed queued } }`;
const { db, url } = createTestDb();
let server: Awaited<ReturnType<typeof startDevServer>>;
let facts: Awaited<ReturnType<typeof officeFacts>>;
const smtpServers: { close(): Promise<void> }[] = [];

function startWorker(smtpUrl: string) {
  const worker = spawn("npx", ["tsx", "worker/worker.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_TASK_QUEUE: "outbox-sweeper-test",
      SMTP_URL: smtpUrl,
      OUTBOX_SWEEP_SECONDS: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true, // its own process group, so the signal reaches tsx's child node process too
  });
  const alive = () => {
    try {
      process.kill(-worker.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    // npx exits before the node process it runs has drained: wait until the whole process group is gone.
    async stop() {
      if (alive()) process.kill(-worker.pid!, "SIGTERM");
      await eventually(async () => !alive());
    },
  };
}
const chaseMails = (workflowId: string) =>
  db.outboxMessage.findMany({ where: { template: "CHASE", workflowId }, orderBy: { id: "asc" } });

beforeAll(async () => {
  server = await startDevServer(path.join(mkdtempSync(path.join(os.tmpdir(), "eco-temporal-")), "temporal.db"));
  facts = await officeFacts(db);
});
afterAll(async () => {
  await server?.stop();
  for (const s of smtpServers) await s.close();
  await db.$disconnect();
});

describe("the worker's outbox sweeper", () => {
  it("delivers a chase whose web process never sent it, exactly once", { timeout: 120_000 }, async () => {
    // The web process: it commits the chase (and its outbox rows) and dies before sending — it never sends here.
    const web = graphqlClient(db, { mailer: createMailer({ db }) });
    const r = await web(CHASE, { w: facts.missing.workflowId }, SG);
    expect(r.errors).toBeUndefined();
    const queued = await chaseMails(facts.missing.workflowId);
    expect(queued.length).toBe(r.data.chase.recipients);
    expect(queued.every((m) => m.sentAt === null)).toBe(true);

    const smtp = await startSmtpServer();
    smtpServers.push(smtp);
    const worker = startWorker(smtp.url);
    try {
      await eventually(async () =>
        (await chaseMails(facts.missing.workflowId)).every((m) => m.sentAt !== null) ? true : null,
      );
    } finally {
      await worker.stop();
    }
    // Stopped after every row was marked sent: nothing can be sent again, and each arrived once.
    for (const m of queued) expect(smtp.received.filter((x) => x.noticeKey === m.idempotencyKey)).toHaveLength(1);
    expect(smtp.received).toHaveLength(queued.length);
  });

  it(
    "SMTP down at the 催报: queued, and sent by the running worker when the server is back",
    { timeout: 120_000 },
    async () => {
      const port = await freePort();
      const smtpUrl = `smtp://127.0.0.1:${port}`;
      const mailer = createMailer({ db, smtpUrl });
      const r = await graphqlClient(db, { mailer })(CHASE, { w: facts.inspection.workflowId, f: 3 }, SG);
      mailer.close();
      expect(r.errors).toBeUndefined();
      expect(r.data.chase.mailed).toBe(0);
      expect(r.data.chase.queued).toBe(r.data.chase.recipients);
      const worker = startWorker(smtpUrl);
      try {
        const smtp = await startSmtpServer({ port });
        smtpServers.push(smtp);
        await eventually(async () =>
          (await chaseMails(facts.inspection.workflowId)).every((m) => m.sentAt !== null) ? true : null,
        );
        await worker.stop();
        const keys = (await chaseMails(facts.inspection.workflowId)).map((m) => m.idempotencyKey).sort();
        expect(smtp.received.map((m) => m.noticeKey).sort()).toEqual(keys);
      } finally {
        await worker.stop();
      }
    },
  );
});
