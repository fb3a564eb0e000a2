// Builds one migrated and seeded base database per test run; each test file copies it (test/support/db.ts).
// SQLite (the default): a file in a directory of its own, so concurrent runs in one tree never share it.
// PostgreSQL (TEST_DATABASE=postgresql): a database on the server TEST_POSTGRESQL_URL names (scripts/test.sh starts a
// throwaway cluster), or, without it, on a throwaway cluster started here and removed afterwards.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { testDatabase, withDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** SQLite: the base file. PostgreSQL: the server's URL (its `postgres` database) and the base database's name. */
    baseDb: { file: string; serverUrl: string; name: string };
  }
}

function migrateAndSeed(url: string) {
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "test" as const };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "seed/run.ts"], { env, stdio: "pipe" });
}

function sqlOn(url: string, sql: string) {
  const script = `const pg = require("pg"); const c = new pg.Client({ connectionString: process.argv[1] });
    c.connect().then(() => c.query(process.argv[2])).then(() => c.end(), (e) => { console.error(e.message); process.exit(1); });`;
  execFileSync(process.execPath, ["-e", script, url, sql], { stdio: "pipe" });
}

export default function setup(project: TestProject) {
  if (testDatabase === "postgresql") {
    let serverUrl = process.env.TEST_POSTGRESQL_URL;
    let cluster: string | undefined;
    if (!serverUrl) {
      [cluster, serverUrl] = execFileSync("bash", ["scripts/postgres.sh", "start"], { encoding: "utf8" })
        .trim()
        .split(" ");
    }
    const name = `eco_base_${randomBytes(6).toString("hex")}`;
    try {
      sqlOn(serverUrl, `CREATE DATABASE "${name}"`);
      migrateAndSeed(withDatabase(serverUrl, name));
    } catch (error) {
      if (cluster) execFileSync("bash", ["scripts/postgres.sh", "stop", cluster]);
      throw error;
    }
    project.provide("baseDb", { file: "", serverUrl, name });
    return () => {
      if (cluster) execFileSync("bash", ["scripts/postgres.sh", "stop", cluster]);
      // On a shared server the test databases stay until the cluster goes: each holds one file's leftovers.
      else sqlOn(serverUrl, `DROP DATABASE IF EXISTS "${name}"`);
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "eco-base-"));
  const file = path.join(dir, "base.db");
  migrateAndSeed(`file:${file}`);
  // The seed leaves the file in WAL mode with everything checkpointed on close: a plain copy is complete.
  project.provide("baseDb", { file, serverUrl: "", name: "" });
  process.env.TEST_BASE_DB = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
