// Exit 1 when the database (argv[2]: a SQLite file, or a postgresql:// URL) recorded a migration whose SQL has since
// changed (checksum differs). Each database's migrations are its own folder (docs/decisions/017-two-databases.md).
const { createHash } = require("node:crypto");
const { readFileSync, existsSync } = require("node:fs");
const path = require("node:path");

const QUERY = "SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL";

async function appliedPostgresql(url) {
  const pg = require("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(QUERY)).rows;
  } catch {
    return []; // not migrated yet
  } finally {
    await client.end();
  }
}

function appliedSqlite(file) {
  const Database = require("better-sqlite3");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(QUERY).all();
  } catch {
    return []; // not migrated yet
  } finally {
    db.close();
  }
}

async function main() {
  const target = process.argv[2];
  const postgresql = /^postgres(ql)?:\/\//.test(target);
  const rows = postgresql ? await appliedPostgresql(target) : appliedSqlite(target);
  const dir = postgresql ? "migrations-postgresql" : "migrations";
  for (const { migration_name, checksum } of rows) {
    const file = path.join("prisma", dir, migration_name, "migration.sql");
    if (!existsSync(file)) continue;
    const now = createHash("sha256").update(readFileSync(file)).digest("hex");
    if (now !== checksum) {
      console.error(`migration ${migration_name} changed since it was applied`);
      process.exit(1);
    }
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(2);
});
