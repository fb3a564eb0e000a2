// A private copy of the seeded base database for one test file: real SQLite (a copied file) or, when the run is on
// PostgreSQL (TEST_DATABASE=postgresql, scripts/test.sh), a real database made by CREATE DATABASE … TEMPLATE from the
// migrated and seeded base (test/support/global-setup.ts). Nothing is shared between files.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createDb, type Db } from "../../app/utils/db.server";

import { testDatabase, withDatabase } from "./test-database";

export { testDatabase };

/**
 * CREATE DATABASE, synchronously (test files make their database at import time), in a child process: a second
 * template copy cannot start while the template has a session open, so it is retried for a while.
 */
function createDatabase(serverUrl: string, name: string, template: string) {
  const script = `
    const pg = require("pg");
    const [url, name, template] = process.argv.slice(1);
    (async () => {
      for (let attempt = 0; ; attempt++) {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try { await c.query('CREATE DATABASE "' + name + '" TEMPLATE "' + template + '"'); return; }
        catch (e) { if (e.code !== "55006" || attempt > 100) throw e; }
        finally { await c.end(); }
        await new Promise((r) => setTimeout(r, 100));
      }
    })().catch((e) => { console.error(e.message); process.exit(1); });`;
  execFileSync(process.execPath, ["-e", script, serverUrl, name, template], { stdio: "pipe" });
}

export function createTestDb(): { db: Db; file: string; url: string } {
  const base = inject("baseDb");
  if (testDatabase === "postgresql") {
    const name = `eco_test_${randomBytes(6).toString("hex")}`;
    createDatabase(base.serverUrl, name, base.name);
    const url = withDatabase(base.serverUrl, name);
    // `file` is a SQLite notion; a PostgreSQL test file has none.
    return { db: createDb(url), file: "", url };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "eco-test-"));
  const file = path.join(dir, "test.db");
  copyFileSync(base.file, file);
  const url = `file:${file}`;
  return { db: createDb(url), file, url };
}
