// The PostgreSQL driver adapter for Prisma's CLI (prisma.config.ts: migrate deploy, migrate diff, migrate status).
// The app's client uses @prisma/adapter-pg as it is (app/utils/db.server.ts); the JavaScript schema engine of Prisma
// 6.19 needs two fixes to migrate through it (docs/decisions/017-two-databases.md):
// - it reads catalog columns of type `name` ("char", name[]) that the adapter cannot map and refuses
//   ("Column type 'name' could not be deserialized", prisma/orm#27403, open): they are handed over as text;
// - the adapter's executeScript splits a migration at every semicolon, which cuts a PL/pgSQL function body in pieces:
//   the whole script goes to the server as one simple-protocol query instead, which PostgreSQL runs statement by
//   statement in one implicit transaction (a failed migration leaves nothing behind).
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

/** Catalog type OIDs → the OIDs the adapter maps: name and "char" → text, name[] → text[]. */
const READ_AS = new Map([
  [19, 25],
  [18, 25],
  [1003, 1009],
]);

function catalogPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  pool.query = (async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result.fields ?? []) field.dataTypeID = READ_AS.get(field.dataTypeID) ?? field.dataTypeID;
    return result;
  }) as typeof pool.query;
  return pool;
}

export class PrismaPgForMigrate extends PrismaPg {
  constructor(url: string) {
    super(catalogPool(url), { disposeExternalPool: true });
  }

  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        // The adapter's own conversion, so the CLI reports the server's message and code as it does for a query.
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}
