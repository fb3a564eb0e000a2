// The mailer against a real SMTP server on 127.0.0.1: one message per notice and recipient, whatever the attempts.
// The case that matters: a retry starting while its predecessor (timed out, still running) is talking to a slow
// server — before the lease, both sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, type OutgoingMail } from "../app/utils/mailer.server";
import { createTestDb } from "./support/db";
import { startSmtpServer } from "./workflows/support/smtp";

const { db } = createTestDb();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer({ delayMs: 1500 });
});
afterAll(async () => {
  await smtp.close();
  await db.$disconnect();
});

const mail = (key: string): OutgoingMail => ({
  key,
  workflowId: "report-2026Q4-1.1-epb",
  template: "REPORT_REMINDER",
  to: { email: "epb@example.org", name: "市环保局", locale: "zh" },
  subject: "提醒",
  body: "请按时报送",
});
const received = (key: string) => smtp.received.filter((m) => m.noticeKey === key).length;
/** A mailer whose SMTP server refuses connections: the message is recorded, not sent. */
const deadServer = () => createMailer({ db, smtpUrl: "smtp://127.0.0.1:9" });

describe("the mailer", () => {
  it("sends a message once when two attempts overlap, and a later retry sends nothing", async () => {
    const key = "overlap/epb@example.org";
    const [a, b] = [createMailer({ db, smtpUrl: smtp.url }), createMailer({ db, smtpUrl: smtp.url })];
    await expect(deadServer().deliver(mail(key))).rejects.toThrow(); // the row exists, unsent, as after a failure
    const results = await Promise.allSettled([a.deliver(mail(key)), b.deliver(mail(key))]);
    expect(received(key)).toBe(1);
    expect(results.filter((r) => r.status === "fulfilled" && r.value === true)).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(refused.reason.message)).toContain("另一次尝试");
    expect(await a.deliver(mail(key))).toBe(false);
    expect(received(key)).toBe(1);
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(row.sentAt).not.toBeNull();
    expect(row.sendingUntil).toBeNull();
    a.close();
    b.close();
  });

  it("gives the lease back when the server cannot be reached, so the retry sends at once", async () => {
    const key = "unreachable/epb@example.org";
    await expect(deadServer().deliver(mail(key))).rejects.toThrow();
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: key } })).sendingUntil).toBeNull();
    const m = createMailer({ db, smtpUrl: smtp.url });
    expect(await m.deliver(mail(key))).toBe(true);
    expect(received(key)).toBe(1);
    m.close();
  });

  it("leaves a message alone while another attempt's lease runs, and sends it once a crashed attempt's has run out", async () => {
    const key = "crashed/epb@example.org";
    await expect(deadServer().deliver(mail(key))).rejects.toThrow();
    const m = createMailer({ db, smtpUrl: smtp.url });
    // An attempt claimed it and is still within its lease: nothing is sent now.
    await db.outboxMessage.update({
      where: { idempotencyKey: key },
      data: { sendingUntil: new Date(Date.now() + 60_000) },
    });
    await expect(m.deliver(mail(key))).rejects.toThrow("Another attempt");
    expect(received(key)).toBe(0);
    // That attempt crashed: its lease runs out and the next attempt sends.
    await db.outboxMessage.update({ where: { idempotencyKey: key }, data: { sendingUntil: new Date(Date.now() - 1) } });
    expect(await m.deliver(mail(key))).toBe(true);
    expect(received(key)).toBe(1);
    m.close();
  });
});
