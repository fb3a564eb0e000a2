// The app as a separate process for the process-start tests: it runs GraphQL operations through the real API (Yoga,
// models, the Temporal client module) against a copy of the test database, on request over IPC. With KILL_AT=before
// or after it SIGKILLs itself at exactly that point of the first workflow start, by wrapping the client it injects with
// useTemporalClient: to everything else this looks like the app crashing there. Without INJECT_CLIENT it uses the
// configured TEMPORAL_ADDRESS through the module's own lazy connection (the path production takes).
import { Client, Connection } from "@temporalio/client";
import { createDb } from "../../../app/utils/db.server";
import { env } from "../../../app/utils/env.server";
import { useTemporalClient } from "../../../app/utils/temporal.server";
import { graphqlClient } from "../../support/graphql";

export interface DriverRequest {
  id: number;
  query: string;
  variables?: Record<string, unknown>;
  as?: string;
}

const killAt = process.env.KILL_AT;
const db = createDb(env.DATABASE_URL);

if (process.env.INJECT_CLIENT) {
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
  const start = client.workflow.start.bind(client.workflow);
  client.workflow.start = (async (...args: Parameters<typeof start>) => {
    if (killAt === "before") process.kill(process.pid, "SIGKILL");
    const handle = await start(...args);
    if (killAt === "after") process.kill(process.pid, "SIGKILL");
    return handle;
  }) as typeof start;
  useTemporalClient(client, env.TEMPORAL_TASK_QUEUE);
}

const gql = graphqlClient(db);
process.on("message", (m: DriverRequest) => {
  gql(m.query, m.variables, m.as).then(
    (result) => process.send!({ id: m.id, result }),
    (e: unknown) =>
      process.send!({ id: m.id, result: { errors: [{ message: String(e), extensions: { code: "DRIVER_FAILED" } }] } }),
  );
});
process.on("disconnect", () => process.exit(0));
process.send!({ ready: true });
