// Builds one migrated and seeded base database per test run; each test file copies it (test/support/db.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export const BASE_DB = path.resolve("test-results/base.db");

export default async function setup() {
  mkdirSync("test-results", { recursive: true });
  rmSync(BASE_DB, { force: true });
  const env = { ...process.env, DATABASE_URL: `file:${BASE_DB}`, NODE_ENV: "test" as const };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "seed/run.ts"], { env, stdio: "pipe" });
  process.env.TEST_BASE_DB = BASE_DB;
}
