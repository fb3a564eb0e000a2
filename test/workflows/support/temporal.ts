// Real Temporal servers for tests, from the binaries scripts/install-temporal.sh puts in .tools/ (ADR 004):
// the Java SDK's time-skipping test server for workflow logic at production durations, and the CLI's dev server on
// a free port, persisted to a SQLite file, for end-to-end and durability tests. Nothing here is a fake.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { Client, Connection } from "@temporalio/client";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { bundleWorkflowCode, NativeConnection, Runtime, Worker, DefaultLogger, type WorkflowBundleWithSourceMap } from "@temporalio/worker";
import type { Db } from "../../../app/utils/db.server";
import type { Mailer } from "../../../app/utils/mailer.server";
import { createActivities } from "../../../workflows/activities";
import { workflowsPath } from "../../../workflows/worker";

export const TEMPORAL_CLI = process.env.TEMPORAL_CLI ?? path.resolve(".tools/python/bin/temporal");
export const TEST_SERVER = process.env.TEMPORAL_TEST_SERVER ?? path.resolve(".tools/python/bin/temporal-test-server");

// The SDK's per-task logging drowns the test output; warnings and errors still show.
try {
  Runtime.install({ logger: new DefaultLogger("WARN") });
} catch {
  /* already installed in this process */
}

export function timeSkippingEnv() {
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: "existing-path", path: TEST_SERVER } } });
}

let bundle: Promise<WorkflowBundleWithSourceMap> | null = null;
/** Bundled once per test file: the same code the worker process runs. */
export const workflowBundle = () => (bundle ??= bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger("WARN") }));

export async function createWorker(o: { connection: NativeConnection; client: Client; db: Db; mailer: Mailer; taskQueue: string }) {
  return Worker.create({
    connection: o.connection,
    taskQueue: o.taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities({ db: o.db, mailer: o.mailer, temporal: { client: o.client, taskQueue: o.taskQueue } }),
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** `temporal server start-dev` on free ports with a SQLite file, restartable on the same file. */
export async function startDevServer(dbFile: string) {
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  let proc: ChildProcess | null = null;
  const start = async () => {
    const uiPort = await freePort();
    proc = spawn(TEMPORAL_CLI, ["server", "start-dev", "--headless", "--ip", "127.0.0.1", "--port", String(port), "--ui-port", String(uiPort), "--db-filename", dbFile, "--log-level", "error"], { stdio: "ignore" });
    await waitForServer(address);
  };
  const stop = async () => {
    const p = proc;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once("exit", () => resolve());
      p.kill("SIGTERM");
    });
  };
  await start();
  return { address, port, stop, restart: async () => (await stop(), await start()) };
}

/** Ready when the frontend answers a real RPC, not merely when the port opens. */
export async function waitForServer(address: string) {
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: "1s" });
      try {
        await connection.workflowService.getSystemInfo({});
        await connection.workflowService.describeNamespace({ namespace: "default" });
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Polls until `check` returns a value (or stops throwing); the test's own timeout bounds the wait. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, intervalMs = 100): Promise<T> {
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
    if (last && (last as { fatal?: boolean }).fatal) throw last;
  }
}
