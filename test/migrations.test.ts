// Both databases' migrations are generated from the one source of the models (prisma/schema/*.prisma) by
// scripts/new-migration.sh (docs/decisions/017-two-databases.md): each committed migration must be exactly what the
// schema gives today, followed by the hand-written SQL of its database. A model edit without `npm run db:migration`
// fails here, for SQLite and for PostgreSQL alike.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const INIT = "20261129000000_init";

/** What `prisma migrate diff --from-empty` writes for a schema folder now (no database is opened). */
function diffFromEmpty(schema: string): string {
  return execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      // The SQLite configuration: its adapter needs only a file, which the diff never reads.
      env: { ...process.env, DATABASE_URL: "file:./data/dev.db" },
    },
  );
}

/** The migration as new-migration.sh writes it: the generated SQL, then each hand-written file under a header. */
function expected(schema: string, sqlDir: string): string {
  const extras = readdirSync(sqlDir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => `\n-- ${path.join(sqlDir, f)}\n${readFileSync(path.join(sqlDir, f), "utf8")}`);
  return diffFromEmpty(schema) + extras.join("");
}

describe("migrations match the models", () => {
  it("SQLite: prisma/migrations is prisma/schema plus prisma/sql/*.sql", () => {
    const committed = readFileSync(`prisma/migrations/${INIT}/migration.sql`, "utf8");
    expect(committed).toBe(expected("prisma/schema", "prisma/sql"));
  });

  it("PostgreSQL: the provider-switched copy of the schema has the same models", () => {
    const copy = "prisma/generated/schema-postgresql";
    for (const f of readdirSync("prisma/schema").filter((name) => name !== "base.prisma"))
      expect(readFileSync(path.join(copy, f), "utf8"), f).toBe(readFileSync(path.join("prisma/schema", f), "utf8"));
    expect(readFileSync(path.join(copy, "base.prisma"), "utf8")).toContain('provider = "postgresql"');
  });

  it("PostgreSQL: prisma/migrations-postgresql is that copy plus prisma/sql/postgresql/*.sql", () => {
    const committed = readFileSync(`prisma/migrations-postgresql/${INIT}/migration.sql`, "utf8");
    expect(committed).toBe(expected("prisma/generated/schema-postgresql", "prisma/sql/postgresql"));
    expect(readFileSync("prisma/migrations-postgresql/migration_lock.toml", "utf8")).toContain('"postgresql"');
  });
});
