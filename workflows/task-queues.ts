// Task-queue names. The worker and the API read the deployed name from TEMPORAL_TASK_QUEUE, whose default is this.
export const WORKFLOW_TASK_QUEUE = "eco-monitoring";
/** Where the benchmark's trivial floor workflows run, so they never mix with real ones. */
export const BENCH_TASK_QUEUE = "eco-monitoring-bench";
