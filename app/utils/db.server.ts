// The one database client, on SQLite or PostgreSQL as DATABASE_URL says (docs/decisions/017-two-databases.md):
// file: → the better-sqlite3 driver adapter (WAL, so readers never wait for writers); postgresql:// → the pg driver
// adapter. Both Prisma clients are generated from the same models; the SQLite client's type is the app's `Db`.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaClient } from "../../prisma/generated/client/client";
import { PrismaClient as PostgresqlClient } from "../../prisma/generated/client-postgresql/client";
import { databaseFile, databaseProvider, env, type DatabaseProvider } from "./env.server";

export type Db = PrismaClient;
export type Dialect = DatabaseProvider;

export interface DbOptions {
  /** Called with every SQL statement run on the database, by Prisma or by the read path (tests count them). */
  onStatement?: (sql: string) => void;
}

/** A connection beside Prisma for hot read-only aggregations (docs/decisions/006-coverage-read-path.md). */
export type ReadOnlySql = { dialect: "sqlite"; conn: Database.Database } | { dialect: "postgresql"; pool: pg.Pool };

interface Client {
  url: string;
  dialect: Dialect;
  options: DbOptions;
  read?: ReadOnlySql;
}

const clients = new WeakMap<object, Client>();

/** Reports every statement a pg pool's connections run (Prisma's and the read path's alike). */
function countStatements(pool: pg.Pool, onStatement: (sql: string) => void) {
  pool.on("connect", (conn) => {
    const query = conn.query.bind(conn) as (...args: unknown[]) => unknown;
    conn.query = ((...args: unknown[]) => {
      const first = args[0] as string | { text?: string };
      onStatement(typeof first === "string" ? first : String(first?.text));
      return query(...args);
    }) as typeof conn.query;
  });
}

function postgresqlPool(url: string, options: DbOptions, extra: pg.PoolConfig = {}) {
  const pool = new pg.Pool({ connectionString: url, ...extra });
  if (options.onStatement) countStatements(pool, options.onStatement);
  return pool;
}

export function createDb(url = env.DATABASE_URL, options: DbOptions = {}): PrismaClient {
  const dialect = databaseProvider(url);
  let client: PrismaClient;
  if (dialect === "postgresql") {
    // Our own pool, so statements can be counted; Prisma ends it on $disconnect().
    const adapter = new PrismaPg(postgresqlPool(url, options), { disposeExternalPool: true });
    // The same models and model API from the same schema; only the SQL each client writes differs.
    // Every statement of an interactive transaction is a round trip to the server here (in-process with SQLite): the
    // seed's plan transaction outlives Prisma's 5 s default on a busy machine, so the limit is wider.
    client = new PostgresqlClient({
      adapter,
      transactionOptions: { maxWait: 10_000, timeout: 30_000 },
    }) as unknown as PrismaClient;
  } else {
    // The web server and the Temporal worker write to the same file: wait for a lock rather than fail at once.
    const adapter = new PrismaBetterSQLite3({
      url: `file:${databaseFile(url)}`,
      timeout: 10_000,
      ...(options.onStatement ? { verbose: (sql?: unknown) => options.onStatement!(String(sql)) } : {}),
    });
    client = new PrismaClient({ adapter });
  }
  clients.set(client, { url, dialect, options });
  return client;
}

/**
 * Which SQL a client (or an interactive transaction's client) speaks, for the raw SQL that differs between the two
 * (app/utils/sql.ts). Prisma keeps the provider on the client, and a transaction's client passes it through.
 */
export function dialectOf(db: Db): Dialect {
  const known = clients.get(db);
  if (known) return known.dialect;
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "postgresql" || provider === "sqlite") return provider;
  throw new Error(`unknown database provider: ${String(provider)}`);
}

/**
 * A second connection to the client's database, read-only, for hot aggregations whose rows would otherwise pass
 * through Prisma's raw-query result mapping one by one (docs/decisions/006-coverage-read-path.md). `null` for a client
 * that createDb did not make, such as an interactive transaction's: callers then go through Prisma and see its writes.
 */
export function readOnlySql(db: Db): ReadOnlySql | null {
  const client = clients.get(db);
  if (!client) return null;
  if (!client.read) {
    const onStatement = client.options.onStatement;
    if (client.dialect === "postgresql") {
      const pool = postgresqlPool(client.url, client.options, {
        max: 2,
        options: "-c default_transaction_read_only=on",
      });
      client.read = { dialect: "postgresql", pool };
    } else {
      // Opened read-write but query_only: a read-only handle cannot create the -shm file of a WAL database.
      const conn = new Database(databaseFile(client.url), {
        timeout: 10_000,
        ...(onStatement ? { verbose: (sql?: unknown) => onStatement(String(sql)) } : {}),
      });
      conn.pragma("query_only = ON");
      client.read = { dialect: "sqlite", conn };
    }
  }
  return client.read;
}

/** Closes the read path's connection, if one was opened; Prisma's own is closed by $disconnect(). */
export function closeReadOnlySql(db: Db): void {
  const client = clients.get(db);
  const read = client?.read;
  if (!client || !read) return;
  client.read = undefined;
  if (read.dialect === "sqlite") read.conn.close();
  else void read.pool.end();
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

/** Shared across Remix dev rebuilds so a reload does not open a new connection each time. */
export const db: PrismaClient = globalForDb.__db ?? (globalForDb.__db = createDb());
