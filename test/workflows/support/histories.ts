// Recorded workflow histories for the replay test. `RECORD_HISTORIES=1 npx vitest run test/workflows` rewrites them
// from the end-to-end runs; commit the result whenever a workflow changes on purpose.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Client } from "@temporalio/client";
import { temporal } from "@temporalio/proto";

export const HISTORIES_DIR = path.resolve("test/workflows/histories");

export async function recordHistory(client: Client, workflowId: string, name: string) {
  if (!process.env.RECORD_HISTORIES) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  mkdirSync(HISTORIES_DIR, { recursive: true });
  const json = temporal.api.history.v1.History.toObject(temporal.api.history.v1.History.fromObject(history), {
    longs: String,
    bytes: String,
  });
  writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), `${JSON.stringify(json)}\n`);
}

/** Histories are stored as protobufjs objects (longs and bytes as strings): the SDK's historyToJSON fails with the
 * protobufjs versions npm installs beside @temporalio 1.24 ("type must be a Type"). */
export const loadHistory = (json: unknown) => temporal.api.history.v1.History.fromObject(json as object);
