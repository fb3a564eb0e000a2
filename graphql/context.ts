import type { Db } from "../app/utils/db.server";
import type { Viewer } from "../app/models/viewer";
import type { Mailer } from "../app/utils/mailer.server";

/** What every resolver receives. `db` is injectable so tests and the benchmark can point at their own file. */
export interface GraphQLContext {
  db: Db;
  viewer: Viewer | null;
  /** The HTTP request (Yoga puts it in every context): a resolver that sets a cookie needs it. */
  request: Request;
  /** What a mutation that e-mails (催报) sends with: the outbox, and SMTP when configured. */
  mailer: Mailer;
}
