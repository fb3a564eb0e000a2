// The one database client. SQLite through the better-sqlite3 driver adapter; WAL so readers never wait for writers.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "../../prisma/generated/client/client";
import { databaseFile, env } from "./env.server";

export type Db = PrismaClient;

export interface DbOptions {
  /** Called with every SQL statement run on the file, by Prisma or by the read path (tests count them). */
  onStatement?: (sql: string) => void;
}

interface ReadPath {
  file: string;
  options: DbOptions;
  conn?: Database.Database;
}

const readPaths = new WeakMap<PrismaClient, ReadPath>();

export function createDb(url = env.DATABASE_URL, options: DbOptions = {}): PrismaClient {
  const file = databaseFile(url);
  // The web server and the Temporal worker write to the same file: wait for a lock rather than fail at once.
  const adapter = new PrismaBetterSQLite3({
    url: `file:${file}`,
    timeout: 10_000,
    ...(options.onStatement ? { verbose: (sql?: unknown) => options.onStatement!(String(sql)) } : {}),
  });
  const client = new PrismaClient({ adapter });
  readPaths.set(client, { file, options });
  return client;
}

/**
 * A second connection to the client's file, for hot read-only aggregations whose rows would otherwise pass through
 * Prisma's raw-query result mapping one by one (docs/decisions/006-coverage-read-path.md). `null` for a client that
 * createDb did not make, such as an interactive transaction's: callers then go through Prisma and see its writes.
 */
export function readOnlySql(db: Db): Database.Database | null {
  const path = readPaths.get(db);
  if (!path) return null;
  if (!path.conn) {
    const onStatement = path.options.onStatement;
    // Opened read-write but query_only: a read-only handle cannot create the -shm file of a WAL database.
    path.conn = new Database(path.file, { timeout: 10_000, ...(onStatement ? { verbose: (sql?: unknown) => onStatement(String(sql)) } : {}) });
    path.conn.pragma("query_only = ON");
  }
  return path.conn;
}

/** Closes the read path's connection, if one was opened; Prisma's own is closed by $disconnect(). */
export function closeReadOnlySql(db: Db): void {
  const path = readPaths.get(db);
  path?.conn?.close();
  if (path) path.conn = undefined;
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

/** Shared across Remix dev rebuilds so a reload does not open a new connection each time. */
export const db: PrismaClient = globalForDb.__db ?? (globalForDb.__db = createDb());
