// One test file's world: a private seeded database, a real SMTP server, the time-skipping Temporal server, a real
// worker running this project's workflows and activities, and the GraphQL API pointed at that server.
import { randomUUID } from "node:crypto";
import { createTestDb } from "../../support/db";
import { graphqlClient } from "../../support/graphql";
import { createMailer } from "../../../app/utils/mailer.server";
import { useTemporalClient } from "../../../app/utils/temporal.server";
import { useClock } from "../../../app/utils/clock.server";
import { createWorker, timeSkippingEnv } from "./temporal";
import { startSmtpServer } from "./smtp";

const DAY = 24 * 3600_000;

export async function timeSkippingHarness() {
  const { db } = createTestDb();
  const smtp = await startSmtpServer();
  const mailer = createMailer({ db, smtpUrl: smtp.url });
  const env = await timeSkippingEnv();
  const taskQueue = `test-${randomUUID()}`;
  useTemporalClient(env.client, taskQueue);
  // Process rules judge time by the server's clock, which this server moves ahead of the wall clock.
  useClock(() => env.currentTimeMs());
  const worker = await createWorker({ connection: env.nativeConnection, client: env.client, db, mailer, taskQueue });
  const running = worker.run();
  const gql = graphqlClient(db);
  /** A YYYY-MM-DD day in Asia/Shanghai, `days` after the server's current time. */
  const dayFromNow = async (days: number) =>
    new Date((await env.currentTimeMs()) + days * DAY + 8 * 3600_000).toISOString().slice(0, 10);
  /** Mail the SMTP server received for one address, optionally of one template (by its notice key). */
  const mailTo = (email: string, template?: string) =>
    smtp.received.filter((m) => m.to === email && (!template || m.noticeKey.includes(`/${template}/`)));
  return {
    db,
    smtp,
    env,
    gql,
    taskQueue,
    dayFromNow,
    mailTo,
    async close() {
      worker.shutdown();
      await running;
      useTemporalClient(null);
      useClock(null);
      await env.teardown();
      await smtp.close();
      mailer.close();
      await db.$disconnect();
    },
  };
}

/** Every notice key the SMTP server saw once at most: no notice sent twice. */
export function duplicates(keys: string[]) {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
}
