// The activity stubs workflows call. Mirror writes and notices are idempotent, so Temporal may retry them freely.
import { proxyActivities } from "@temporalio/workflow";
import type { Activities } from "../activities";

export const acts = proxyActivities<Activities>({
  startToCloseTimeout: "1 minute",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "1 minute" },
});

/** The fan-out starts thousands of workflows: long-running, heartbeating, resumable from its last heartbeat. */
export const fanOutActs = proxyActivities<Activities>({
  startToCloseTimeout: "2 hours",
  heartbeatTimeout: "1 minute",
  retry: { initialInterval: "1 second", maximumInterval: "1 minute" },
});
