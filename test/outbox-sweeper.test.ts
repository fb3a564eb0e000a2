// The 催报's e-mails go through the outbox written in the chase's own transaction, so nothing is lost when the web
// process never gets to send them: here the "web process" is one without SMTP (it commits the chase and sends
// nothing, as one killed right after its commit would), and the sweeper, with a real SMTP server on 127.0.0.1, sends
// each message exactly once, under its lease, even with two sweepers at once. Then the SMTP server is down when the
// office clicks 催报: the chase stands, the answer says the mail is queued, and it goes out when the server is back.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, messageIdOf } from "../app/utils/mailer.server";
import { sweepOutbox } from "../app/utils/outbox-sweeper.server";
import { createTestDb } from "./support/db";
import { graphqlClient } from "./support/graphql";
import { officeFacts } from "./support/office-facts";
import { startSmtpServer } from "./workflows/support/smtp";

const { db } = createTestDb();
let facts: Awaited<ReturnType<typeof officeFacts>>;
const SG = "steering@daqing.example";
const CHASE = `mutation($w: String!, $f: Int) { chase(workflowId: $w, finding: $f) { recipients mailed queued } }`;
const servers: { close(): Promise<void> }[] = [];

/** A port nobody listens on (taken from the OS, then released): an SMTP server that is down. */
async function freePort() {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  facts = await officeFacts(db);
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await db.$disconnect();
});

describe("the outbox sweeper", () => {
  it("delivers a committed chase the web process never sent, once, with its Message-ID", async () => {
    const web = graphqlClient(db, { mailer: createMailer({ db }) });
    const r = await web(CHASE, { w: facts.missing.workflowId }, SG);
    expect(r.errors).toBeUndefined();
    const queued = await db.outboxMessage.findMany({
      where: { template: "CHASE", workflowId: facts.missing.workflowId },
    });
    expect(queued.length).toBe(r.data.chase.recipients);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((m) => m.sentAt === null)).toBe(true);

    // Two sweepers (two worker processes) at once against a slow server: each message is leased by one of them.
    const smtp = await startSmtpServer({ delayMs: 300 });
    servers.push(smtp);
    const [a, b] = [createMailer({ db, smtpUrl: smtp.url }), createMailer({ db, smtpUrl: smtp.url })];
    const rounds = await Promise.all([sweepOutbox(db, a, 0), sweepOutbox(db, b, 0)]);
    expect(rounds.map((x) => x.error)).toEqual([undefined, undefined]);
    expect(rounds[0].sent + rounds[1].sent).toBe(queued.length);
    for (const m of queued) {
      const got = smtp.received.filter((x) => x.noticeKey === m.idempotencyKey);
      expect(got).toHaveLength(1);
      expect(got[0].parsed.messageId).toBe(messageIdOf(m.idempotencyKey));
    }
    // A later round finds nothing left to send.
    expect(await sweepOutbox(db, a, 0)).toEqual({ sent: 0 });
    expect(smtp.received.filter((x) => x.noticeKey.startsWith("chase/"))).toHaveLength(queued.length);
    a.close();
    b.close();
  });

  it("leaves alone a message whose lease another attempt holds, and one still within its writer's grace", async () => {
    const smtp = await startSmtpServer();
    servers.push(smtp);
    const mailer = createMailer({ db, smtpUrl: smtp.url });
    const row = (key: string) =>
      db.outboxMessage.create({
        data: {
          idempotencyKey: key,
          template: "CHASE",
          toEmail: "x@daqing.example",
          toName: "x",
          locale: "zh",
          subject: "s",
          body: "b",
        },
      });
    const held = await row("lease/held");
    await db.outboxMessage.update({ where: { id: held.id }, data: { sendingUntil: new Date(Date.now() + 60_000) } });
    await row("lease/fresh");
    expect(await sweepOutbox(db, mailer, 60_000)).toEqual({ sent: 0 });
    expect(smtp.received).toHaveLength(0);
    // The lease runs out (its attempt crashed): the next round sends it, and the fresh one once its grace is over.
    await db.outboxMessage.update({ where: { id: held.id }, data: { sendingUntil: new Date(Date.now() - 1) } });
    expect(await sweepOutbox(db, mailer, 0)).toEqual({ sent: 2 });
    expect(smtp.received.map((m) => m.noticeKey).sort()).toEqual(["lease/fresh", "lease/held"]);
    mailer.close();
  });

  it("SMTP down at the click: the chase stands, the mail is queued, and it goes out when the server is back", async () => {
    const port = await freePort();
    const mailer = createMailer({ db, smtpUrl: `smtp://127.0.0.1:${port}` });
    const gql = graphqlClient(db, { mailer });
    const w = facts.inspection.workflowId;
    const r = await gql(CHASE, { w, f: 3 }, SG);
    expect(r.errors).toBeUndefined();
    expect(r.data.chase).toMatchObject({ mailed: 0, queued: r.data.chase.recipients });
    expect(await db.chase.count({ where: { workflowId: w, item: "finding:3" } })).toBe(1);
    // Still down: a round stops at the first refusal, gives its lease back, and sends nothing.
    const down = await sweepOutbox(db, mailer, 0);
    expect(down.sent).toBe(0);
    expect(down.error).toBeTruthy();
    const keys = (await db.outboxMessage.findMany({ where: { workflowId: w, template: "CHASE" } })).map(
      (m) => m.idempotencyKey,
    );
    expect(await db.outboxMessage.count({ where: { workflowId: w, sendingUntil: { not: null } } })).toBe(0);

    const smtp = await startSmtpServer({ port });
    servers.push(smtp);
    expect(await sweepOutbox(db, mailer, 0)).toEqual({ sent: keys.length });
    expect(smtp.received.map((m) => m.noticeKey).sort()).toEqual(keys.sort());
    expect(smtp.received[0].subject).toMatch(/^【催报】.+问题3/);
    expect(await db.outboxMessage.count({ where: { workflowId: w, sentAt: null } })).toBe(0);
    mailer.close();
  });
});
