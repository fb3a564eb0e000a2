// Exits 0 once a worker polls the task queue (used by scripts/start.sh to wait for the worker), 1 otherwise.
// With --this-host, only a worker on this host counts (its identity is pid@hostname), and only one that polled in the
// last two minutes (an idle worker polls again at least every 70 s): the container health check of
// deploy/Dockerfile.worker, where every worker has a host name of its own.
import os from "node:os";
import { Connection } from "@temporalio/client";
import { tsToMs } from "@temporalio/common";
import { env } from "../app/utils/env.server";

const thisHost = process.argv.includes("--this-host");
const RECENT_MS = 2 * 60_000;

try {
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS, connectTimeout: "2s" });
  const { pollers } = await connection.workflowService.describeTaskQueue({
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: { name: env.TEMPORAL_TASK_QUEUE },
    taskQueueType: 1, // workflow tasks
  });
  await connection.close();
  const counted = (pollers ?? []).filter(
    (p) =>
      !thisHost || (p.identity?.endsWith(`@${os.hostname()}`) && Date.now() - tsToMs(p.lastAccessTime) < RECENT_MS),
  );
  process.exit(counted.length > 0 ? 0 : 1);
} catch {
  process.exit(1);
}
