// The worker process: runs every workflow and activity on the task queue. Started by `npm start` (scripts/start.sh)
// or on its own with `npx tsx worker/worker.ts`. Exits cleanly on SIGINT/SIGTERM (the SDK drains in-flight tasks).
import { fileURLToPath } from "node:url";
import { Client, Connection } from "@temporalio/client";
import { DefaultLogger, NativeConnection, Runtime, Worker } from "@temporalio/worker";
import { createDb } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";
import { createMailer } from "../app/utils/mailer.server";
import { startOutboxSweeper } from "../app/utils/outbox-sweeper.server";
import { createActivities } from "./activities";

export const workflowsPath = fileURLToPath(new URL("../workflows/index.ts", import.meta.url));

async function main() {
  // INFO logs every worker state change and the bundler's statistics: useful in production, noise in tests.
  Runtime.install({ logger: new DefaultLogger(env.NODE_ENV === "test" ? "WARN" : "INFO") });
  const db = createDb();
  const mailer = createMailer({ db, smtpUrl: env.SMTP_URL });
  // Mail written to the outbox and never sent (its writer died, or SMTP was down) goes out from here.
  const sweeper = env.SMTP_URL ? startOutboxSweeper(db, mailer, env.OUTBOX_SWEEP_SECONDS * 1000) : null;
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  // The fan-out activity starts workflows itself, through an ordinary client.
  const clientConnection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const client = new Client({ connection: clientConnection, namespace: env.TEMPORAL_NAMESPACE });
  const worker = await Worker.create({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    workflowsPath,
    activities: createActivities({ db, mailer, temporal: { client, taskQueue: env.TEMPORAL_TASK_QUEUE } }),
  });
  console.log(
    `[worker] polling ${env.TEMPORAL_TASK_QUEUE} on ${env.TEMPORAL_ADDRESS}${env.SMTP_URL ? `, mail via ${new URL(env.SMTP_URL).host}` : ", mail to the outbox only"}`,
  );
  try {
    await worker.run();
  } finally {
    await sweeper?.stop();
    mailer.close();
    await clientConnection.close();
    await connection.close();
    await db.$disconnect();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error("[worker] failed:", e);
    process.exit(1);
  });
}
