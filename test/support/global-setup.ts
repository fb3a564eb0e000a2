// Builds one migrated and seeded base database per test run, in a directory of its own (so concurrent runs in one
// tree never share it); each test file copies it (test/support/db.ts).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseDb: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "eco-base-"));
  const baseDb = path.join(dir, "base.db");
  const env = { ...process.env, DATABASE_URL: `file:${baseDb}`, NODE_ENV: "test" as const };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "seed/run.ts"], { env, stdio: "pipe" });
  // The seed leaves the file in WAL mode with everything checkpointed on close: a plain copy is complete.
  project.provide("baseDb", baseDb);
  process.env.TEST_BASE_DB = baseDb;
  return () => rmSync(dir, { recursive: true, force: true });
}
