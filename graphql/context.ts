import type { Db } from "../app/utils/db.server";
import type { Viewer } from "../app/models/viewer";

/** What every resolver receives. `db` is injectable so tests and the benchmark can point at their own file. */
export interface GraphQLContext {
  db: Db;
  viewer: Viewer | null;
}
