// A private copy of the seeded base database for one test file: real SQLite, nothing shared between files.
import { copyFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createDb, type Db } from "../../app/utils/db.server";

export function createTestDb(): { db: Db; file: string; url: string } {
  const base = inject("baseDb");
  const dir = mkdtempSync(path.join(os.tmpdir(), "eco-test-"));
  const file = path.join(dir, "test.db");
  copyFileSync(base, file);
  const url = `file:${file}`;
  return { db: createDb(url), file, url };
}
