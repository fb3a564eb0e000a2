// The mailer: every message lands in the OutboxMessage table first (the local outbox an administrator reads), and
// is also sent over SMTP when SMTP_URL is set. The idempotency key makes a message one row per notice and recipient;
// a lease (sendingUntil) lets one attempt at a time send it, so a retry that starts while its timed-out predecessor
// is still talking to the SMTP server does not send it a second time. What no lease can close is a crash between the
// SMTP server's acceptance and the sentAt update: the next attempt sends again, with the same Message-ID, which a
// receiving server uses to drop the duplicate.
import { createHash } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "./db.server";
import { env } from "./env.server";

/** Longer than an SMTP exchange may take with the timeouts below, so a lease never runs out under a live attempt. */
const LEASE_MS = 60_000;

export interface OutgoingMail {
  key: string;
  workflowId?: string | null;
  template: string;
  to: { email: string; name: string; locale: string };
  subject: string;
  body: string;
}

export interface Mailer {
  /** Returns false when the key was already delivered (nothing sent again). */
  deliver(mail: OutgoingMail): Promise<boolean>;
  close(): void;
}

export function createMailer(options: { db: Db; smtpUrl?: string | null; from?: string }): Mailer {
  const { db } = options;
  const from = options.from ?? env.MAIL_FROM;
  // Plain local relays (and the test server) offer no usable TLS: only smtps:// URLs use it.
  const transport: Transporter | null = options.smtpUrl
    ? nodemailer.createTransport({
        url: options.smtpUrl,
        ignoreTLS: options.smtpUrl.startsWith("smtp:"),
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      } as never)
    : null;

  return {
    async deliver(mail) {
      let row = await db.outboxMessage.findUnique({ where: { idempotencyKey: mail.key } });
      if (row && (row.sentAt || !transport)) return false;
      if (!row) {
        row = await db.outboxMessage
          .create({
            data: {
              idempotencyKey: mail.key,
              workflowId: mail.workflowId ?? null,
              template: mail.template,
              toEmail: mail.to.email,
              toName: mail.to.name,
              locale: mail.to.locale,
              subject: mail.subject,
              body: mail.body,
            },
          })
          .catch(async (e: { code?: string }) => {
            // A concurrent attempt with the same key won the insert: it owns the sending.
            if (e.code === "P2002") return null;
            throw e;
          });
        if (!row) return false;
      }
      if (!transport) return true;
      const now = new Date();
      const claimed = await db.outboxMessage.updateMany({
        where: { id: row.id, sentAt: null, OR: [{ sendingUntil: null }, { sendingUntil: { lt: now } }] },
        data: { sendingUntil: new Date(now.getTime() + LEASE_MS) },
      });
      // Another attempt holds the lease: fail this one, so that Temporal retries it after the other has finished
      // (its retry then finds sentAt and sends nothing) or its lease has run out (it crashed; the retry sends).
      if (claimed.count === 0) {
        const other = await db.outboxMessage.findUnique({ where: { id: row.id }, select: { sentAt: true } });
        if (other?.sentAt) return false;
        throw new Error(
          "这封邮件正由另一次尝试发送，稍后重试 / Another attempt is sending this e-mail; it is retried later",
        );
      }
      // A stable Message-ID lets a receiving server drop the rare duplicate left by a crash between send and update.
      const messageId = `<${createHash("sha256").update(mail.key).digest("hex").slice(0, 32)}@eco-monitoring.daqing.local>`;
      const info = await transport
        .sendMail({
          from,
          to: { name: mail.to.name, address: mail.to.email },
          subject: mail.subject,
          text: mail.body,
          messageId,
          headers: { "X-Notice-Key": mail.key, ...(mail.workflowId ? { "X-Workflow-Id": mail.workflowId } : {}) },
        })
        .catch(async (e: unknown) => {
          // Not sent: give the lease back so that the retry need not wait for it to run out.
          await db.outboxMessage.update({ where: { id: row.id }, data: { sendingUntil: null } });
          throw e;
        });
      await db.outboxMessage.update({
        where: { id: row.id },
        data: { sentAt: new Date(), smtpMessageId: info.messageId, sendingUntil: null },
      });
      return true;
    },
    close() {
      transport?.close();
    },
  };
}
