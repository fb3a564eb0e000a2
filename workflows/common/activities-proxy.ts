// The activity stubs workflows call. Mirror writes and notices are idempotent, so Temporal may retry them freely.
import { proxyActivities } from "@temporalio/workflow";
import type { Activities } from "./activity-types";

// Short timeouts: a mirror write or one SMTP send takes milliseconds, and when a worker dies mid-activity the
// server only retries it once this much time has passed.
export const acts = proxyActivities<Activities>({
  startToCloseTimeout: "15 seconds",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "1 minute" },
});

/** The fan-out starts thousands of workflows: long-running, heartbeating, resumable from its last heartbeat. */
export const fanOutActs = proxyActivities<Activities>({
  startToCloseTimeout: "2 hours",
  heartbeatTimeout: "10 seconds",
  retry: { initialInterval: "1 second", maximumInterval: "1 minute" },
});
