import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPgForMigrate } from "./prisma/postgresql-cli-adapter";

// The CLI uses the JavaScript schema engine through the same driver adapters as the app, so nothing is downloaded
// (docs/decisions/001-prisma-6-sqlite-offline.md). DATABASE_URL picks the database: file: → SQLite (prisma/schema,
// prisma/migrations), postgresql:// → PostgreSQL (the provider-switched copy of the same schema that
// scripts/generate-clients.sh writes, prisma/migrations-postgresql); docs/decisions/017-two-databases.md.
const url = process.env.DATABASE_URL ?? "file:./data/dev.db";
const postgresql = /^postgres(ql)?:\/\//.test(url);

export default defineConfig(
  postgresql
    ? {
        schema: path.join("prisma", "generated", "schema-postgresql"),
        migrations: { path: path.join("prisma", "migrations-postgresql") },
        engine: "js",
        experimental: { adapter: true },
        adapter: async () => new PrismaPgForMigrate(url),
      }
    : {
        schema: path.join("prisma", "schema"),
        migrations: { path: path.join("prisma", "migrations") },
        engine: "js",
        experimental: { adapter: true },
        adapter: async () => new PrismaBetterSQLite3({ url }),
      },
);
