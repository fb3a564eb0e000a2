// The Temporal client used by the API: connects lazily (pages that touch no workflow never need the server), and
// turns workflow refusals and outages into bilingual AppErrors. Tests and the benchmark hand in their own client.
import { Client, Connection, WorkflowUpdateFailedError, type WorkflowHandle } from "@temporalio/client";
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type UpdateDefinition } from "@temporalio/common";
import { env } from "./env.server";
import { AppError, type ErrorCode } from "./errors";

let current: { client: Client; taskQueue: string } | null = null;
let connecting: Promise<Client> | null = null;

/** Points the API at another server (tests, benchmark). Passing null returns to the configured one. */
export function useTemporalClient(client: Client | null, taskQueue = env.TEMPORAL_TASK_QUEUE) {
  current = client ? { client, taskQueue } : null;
  connecting = null;
}

export function taskQueue(): string {
  return current?.taskQueue ?? env.TEMPORAL_TASK_QUEUE;
}

export async function temporal(): Promise<Client> {
  if (current) return current.client;
  connecting ??= Connection.connect({ address: env.TEMPORAL_ADDRESS, connectTimeout: "5s" })
    .then((connection) => {
      const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
      current = { client, taskQueue: env.TEMPORAL_TASK_QUEUE };
      return client;
    })
    .catch((e) => {
      connecting = null;
      throw unavailable(e);
    });
  return connecting;
}

const unavailable = (e: unknown) =>
  new AppError("WORKFLOW_UNAVAILABLE", "流程服务暂不可用，请稍后再试", "The workflow service is unavailable; please try again later", {
    reason: e instanceof Error ? e.message : String(e),
  });

/** Starts a workflow; starting one whose ID (business key) is already running is a CONFLICT. */
export async function startWorkflow(type: string, workflowId: string, args: unknown[]): Promise<void> {
  const client = await temporal();
  try {
    await client.workflow.start(type, { workflowId, taskQueue: taskQueue(), args });
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError)
      throw new AppError("CONFLICT", `该流程已存在：${workflowId}`, `This workflow already exists: ${workflowId}`, { workflowId });
    throw asAppError(e);
  }
}

export async function handle(workflowId: string): Promise<WorkflowHandle> {
  return (await temporal()).workflow.getHandle(workflowId);
}

/** Runs an update and waits for its result; a validator's refusal becomes the AppError it describes. */
export async function update<Ret, Args extends unknown[]>(workflowId: string, def: UpdateDefinition<Ret, Args>, ...args: Args): Promise<Ret> {
  try {
    const h = await handle(workflowId);
    return await (h.executeUpdate as (d: unknown, o: { args: unknown[] }) => Promise<Ret>)(def, { args });
  } catch (e) {
    throw asAppError(e);
  }
}

export function asAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const cause = e instanceof WorkflowUpdateFailedError ? e.cause : e;
  if (cause instanceof ApplicationFailure && Array.isArray(cause.details) && cause.details.length === 2) {
    const [zh, en] = cause.details as [string, string];
    return new AppError((cause.type ?? "INVALID_STATE") as ErrorCode, zh, en);
  }
  if (e instanceof WorkflowNotFoundError || (e as { name?: string })?.name === "WorkflowNotFoundError")
    // The API looks the record up in SQL first, so a workflow Temporal no longer has is one that has finished.
    return new AppError("INVALID_STATE", "该流程已结束，不能再操作", "This workflow has finished; no further step is possible");
  if (e instanceof WorkflowUpdateFailedError)
    return new AppError("INVALID_STATE", "流程拒绝了此操作", "The workflow refused this step", { reason: String(cause) });
  return unavailable(e);
}
