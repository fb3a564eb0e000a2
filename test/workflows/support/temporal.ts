// Real Temporal servers for tests, from the binaries scripts/install-temporal.sh puts in .tools/ (ADR 004):
// the Java SDK's time-skipping test server for workflow logic at production durations, and the CLI's dev server on
// a free port, persisted to a SQLite file, for end-to-end and durability tests. Nothing here is a fake.
import path from "node:path";
import type { Client } from "@temporalio/client";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import {
  bundleWorkflowCode,
  NativeConnection,
  Runtime,
  Worker,
  DefaultLogger,
  type WorkflowBundleWithSourceMap,
} from "@temporalio/worker";
import type { Db } from "../../../app/utils/db.server";
import { env } from "../../../app/utils/env.server";
import type { Mailer } from "../../../app/utils/mailer.server";
import { createActivities } from "../../../worker/activities";
import { workflowsPath } from "../../../worker/worker";

export { freePort, startDevServer, waitForServer } from "../../../worker/dev-server";
export const TEST_SERVER = path.resolve(env.TEMPORAL_TEST_SERVER);

// The SDK's per-task logging drowns the test output; warnings and errors still show.
try {
  Runtime.install({ logger: new DefaultLogger("WARN") });
} catch {
  /* already installed in this process */
}

export function timeSkippingEnv() {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: "existing-path", path: TEST_SERVER } },
  });
}

let bundle: Promise<WorkflowBundleWithSourceMap> | null = null;
/** Bundled once per test file: the same code the worker process runs. */
export const workflowBundle = () =>
  (bundle ??= bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger("WARN") }));

export async function createWorker(o: {
  connection: NativeConnection;
  client: Client;
  db: Db;
  mailer: Mailer;
  taskQueue: string;
}) {
  return Worker.create({
    connection: o.connection,
    taskQueue: o.taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities({
      db: o.db,
      mailer: o.mailer,
      temporal: { client: o.client, taskQueue: o.taskQueue },
    }),
  });
}

/** Polls until `check` returns a truthy value (a throw counts as not yet); the test's own timeout bounds the wait. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, intervalMs = 100): Promise<T> {
  for (;;) {
    const v = await check().catch(() => null);
    if (v) return v;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
