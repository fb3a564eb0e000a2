// Recorded workflow histories for the replay test. `RECORD_HISTORIES=1 npx vitest run test/workflows` rewrites them
// from the end-to-end runs; commit the result whenever a workflow changes on purpose.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Client } from "@temporalio/client";
import { historyToJSON } from "@temporalio/common/lib/proto-utils";

export const HISTORIES_DIR = path.resolve("test/workflows/histories");

export async function recordHistory(client: Client, workflowId: string, name: string) {
  if (!process.env.RECORD_HISTORIES) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), `${historyToJSON(history)}\n`);
}
