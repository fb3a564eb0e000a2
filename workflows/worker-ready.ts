// Exits 0 once a worker polls the task queue (used by scripts/start.sh to wait for the worker), 1 otherwise.
import { Connection } from "@temporalio/client";
import { env } from "../app/utils/env.server";

try {
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS, connectTimeout: "2s" });
  const { pollers } = await connection.workflowService.describeTaskQueue({
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: { name: env.TEMPORAL_TASK_QUEUE },
    taskQueueType: 1, // workflow tasks
  });
  await connection.close();
  process.exit(pollers && pollers.length > 0 ? 0 : 1);
} catch {
  process.exit(1);
}
