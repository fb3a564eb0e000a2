// Exit 1 when the database at argv[2] recorded a migration whose SQL has since changed (checksum differs).
const { createHash } = require("node:crypto");
const { readFileSync, existsSync } = require("node:fs");
const path = require("node:path");
const Database = require("better-sqlite3");

const db = new Database(process.argv[2], { readonly: true, fileMustExist: true });
let rows = [];
try {
  rows = db.prepare("SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL").all();
} catch {
  process.exit(0); // not migrated yet
} finally {
  db.close();
}
for (const { migration_name, checksum } of rows) {
  const file = path.join("prisma", "migrations", migration_name, "migration.sql");
  if (!existsSync(file)) continue;
  const now = createHash("sha256").update(readFileSync(file)).digest("hex");
  if (now !== checksum) {
    console.error(`migration ${migration_name} changed since it was applied`);
    process.exit(1);
  }
}
