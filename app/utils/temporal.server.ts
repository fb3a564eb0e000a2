// The Temporal client used by the API: connects lazily (pages that touch no workflow never need the server), and
// turns workflow refusals and outages into bilingual AppErrors. Tests and the benchmark hand in their own client.
import { Client, Connection, WorkflowUpdateFailedError, type WorkflowHandle } from "@temporalio/client";
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type UpdateDefinition,
} from "@temporalio/common";
import { env } from "./env.server";
import { AppError, type ErrorCode } from "./errors";

let current: { client: Client; taskQueue: string; own?: Connection } | null = null;
let connecting: Promise<Client> | null = null;

/** How long one workflow start may take before the API answers WORKFLOW_UNAVAILABLE (the SDK retries within it). */
const START_DEADLINE_MS = 10_000;

/**
 * gRPC's shared subchannel pool keeps an unreachable address in exponential reconnect backoff (up to two minutes), so a
 * new connection made right after Temporal comes back would still fail: each connection gets its own pool, and a short
 * backoff, so that an immediate retry once Temporal is back succeeds.
 */
const CHANNEL_ARGS = {
  "grpc.use_local_subchannel_pool": 1,
  "grpc.initial_reconnect_backoff_ms": 200,
  "grpc.max_reconnect_backoff_ms": 2000,
};

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
  connecting ??= Connection.connect({ address: env.TEMPORAL_ADDRESS, connectTimeout: "5s", channelArgs: CHANNEL_ARGS })
    .then((connection) => {
      const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
      current = { client, taskQueue: env.TEMPORAL_TASK_QUEUE, own: connection };
      return client;
    })
    .catch((e) => {
      connecting = null;
      throw unavailable(e);
    });
  return connecting;
}

/** After an outage, drop the connection this module made, so the next request connects afresh. */
function forgetConnection(client: Client) {
  if (current?.client !== client || !current.own) return;
  const connection = current.own;
  current = null;
  connecting = null;
  void connection.close().catch(() => {});
}

const unavailable = (e: unknown) =>
  new AppError(
    "WORKFLOW_UNAVAILABLE",
    "流程服务暂不可用，请稍后再试",
    "The workflow service is unavailable; please try again later",
    {
      reason: e instanceof Error ? e.message : String(e),
    },
  );

/**
 * Starts a workflow under its business-key ID, never a second time for the same key (REJECT_DUPLICATE, even after the
 * first has finished): an ID already used is a CONFLICT (`conflict`, or a generic one). Bounded by START_DEADLINE_MS.
 */
export async function startWorkflow(
  type: string,
  workflowId: string,
  args: unknown[],
  conflict?: AppError,
): Promise<void> {
  const client = await temporal();
  try {
    await client.withDeadline(Date.now() + START_DEADLINE_MS, () =>
      client.workflow.start(type, {
        workflowId,
        taskQueue: taskQueue(),
        args,
        workflowIdReusePolicy: "REJECT_DUPLICATE",
      }),
    );
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError)
      throw (
        conflict ??
        new AppError("CONFLICT", `该流程已存在：${workflowId}`, `This workflow already exists: ${workflowId}`, {
          workflowId,
        })
      );
    const error = asAppError(e);
    if (error.code === "WORKFLOW_UNAVAILABLE") forgetConnection(client);
    throw error;
  }
}

export async function handle(workflowId: string): Promise<WorkflowHandle> {
  return (await temporal()).workflow.getHandle(workflowId);
}

/** Runs an update and waits for its result; a validator's refusal becomes the AppError it describes. */
export async function update<Ret, Args extends unknown[]>(
  workflowId: string,
  def: UpdateDefinition<Ret, Args>,
  ...args: Args
): Promise<Ret> {
  const client = await temporal();
  try {
    const h = client.workflow.getHandle(workflowId);
    return await (h.executeUpdate as (d: unknown, o: { args: unknown[] }) => Promise<Ret>)(def, { args });
  } catch (e) {
    const error = asAppError(e);
    if (error.code === "WORKFLOW_UNAVAILABLE") forgetConnection(client);
    throw error;
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
    return new AppError(
      "INVALID_STATE",
      "该流程已结束，不能再操作",
      "This workflow has finished; no further step is possible",
    );
  if (e instanceof WorkflowUpdateFailedError)
    return new AppError("INVALID_STATE", "流程拒绝了此操作", "The workflow refused this step", {
      reason: String(cause),
    });
  return unavailable(e);
}
