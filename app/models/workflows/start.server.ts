// Starting a process (work plan, reporting cycle, inspection, linkage case) atomically as the user sees it: the API
// writes nothing. It starts the workflow under its business-key ID (never twice for one key), and the workflow's first
// step writes the record and its change-history entry in one transaction (mirror.server.ts, once per step). The API
// then waits, bounded, for that record so the page it answers shows it. Temporal down: nothing was written, and a retry
// succeeds once it is back. Killed after the start: the workflow still writes the record. (docs/decisions/012.)
import { AppError } from "../../utils/errors";
import { startWorkflow } from "../../utils/temporal.server";

/** How long the API waits for the workflow's first step (a worker normally takes well under a second). */
const RECORD_WAIT_MS = 10_000;
const POLL_MS = 50;

export interface ProcessStart<Row> {
  /** Workflow type, as exported by workflows/index.ts */
  type: string;
  workflowId: string;
  args: unknown[];
  /** What to answer when the business key is already taken (by a record or a workflow). */
  conflict: AppError;
  /** Reads the record the workflow's first step writes. */
  find: () => Promise<Row | null>;
}

export async function startProcess<Row>(p: ProcessStart<Row>): Promise<Row> {
  if (await p.find()) throw p.conflict;
  await startWorkflow(p.type, p.workflowId, p.args, p.conflict);
  const deadline = Date.now() + RECORD_WAIT_MS;
  for (;;) {
    const row = await p.find();
    if (row) return row;
    if (Date.now() >= deadline) throw accepted(p.workflowId);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The start is durable, but no worker has written the record yet (workers down or busy): say so, with the key. */
const accepted = (workflowId: string) =>
  new AppError(
    "ACCEPTED",
    `已受理：流程 ${workflowId} 已启动，记录正在创建，请稍后刷新查看`,
    `Accepted: process ${workflowId} has started and its record is being created; refresh in a moment to see it`,
    { workflowId },
  );
