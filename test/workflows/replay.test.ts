// Replays recorded histories (test/workflows/histories/*.json) through today's workflow code: a change that would
// break determinism for workflows already running in production fails here. Re-record on purpose only
// (RECORD_HISTORIES=1 npx vitest run test/workflows), and then think about workflow versioning (patched()).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Worker } from "@temporalio/worker";
import { HISTORIES_DIR, loadHistory } from "./support/histories";
import { workflowBundle } from "./support/temporal";

const files = readdirSync(HISTORIES_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort();

describe("replay of recorded histories", () => {
  it("has a history for every workflow type", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "annual-work-plan.json",
        "reporting-cycle.json",
        "progress-report.json",
        "inspection.json",
        "linkage-case.json",
      ]),
    );
  });

  it("replays every history without non-determinism", async () => {
    const histories = files.map((f) => ({
      workflowId: path.basename(f, ".json"),
      history: loadHistory(JSON.parse(readFileSync(path.join(HISTORIES_DIR, f), "utf8"))),
    }));
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories)) {
      replayed++;
      if (result.error) failures.push(`${result.workflowId}: ${result.error}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(files.length);
  });
});
