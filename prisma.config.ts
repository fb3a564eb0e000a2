import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The CLI uses the JavaScript schema engine through the same better-sqlite3 adapter as the app, so nothing is
// downloaded (docs/decisions/001-prisma-6-sqlite-offline.md). The database file comes from DATABASE_URL.
const url = process.env.DATABASE_URL ?? "file:./data/dev.db";

export default defineConfig({
  schema: path.join("prisma", "schema"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
