// The one database client. SQLite through the better-sqlite3 driver adapter; WAL so readers never wait for writers.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../prisma/generated/client/client";
import { databaseFile, env } from "./env.server";

export type Db = PrismaClient;

export function createDb(url = env.DATABASE_URL): PrismaClient {
  // The web server and the Temporal worker write to the same file: wait for a lock rather than fail at once.
  const adapter = new PrismaBetterSQLite3({ url: `file:${databaseFile(url)}`, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

/** Shared across Remix dev rebuilds so a reload does not open a new connection each time. */
export const db: PrismaClient = globalForDb.__db ?? (globalForDb.__db = createDb());
