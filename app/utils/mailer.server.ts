// The mailer: every message lands in the OutboxMessage table first (the local outbox an administrator reads), and
// is also sent over SMTP when SMTP_URL is set. The idempotency key makes delivery at-most-once per notice and
// recipient, so an activity that Temporal retries never sends the same notice twice.
import { createHash } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "./db.server";
import { env } from "./env.server";

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
    ? nodemailer.createTransport({ url: options.smtpUrl, ignoreTLS: options.smtpUrl.startsWith("smtp:") } as never)
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
      // A stable Message-ID lets a receiving server drop the rare duplicate left by a crash between send and update.
      const messageId = `<${createHash("sha256").update(mail.key).digest("hex").slice(0, 32)}@eco-monitoring.daqing.local>`;
      const info = await transport.sendMail({
        from,
        to: { name: mail.to.name, address: mail.to.email },
        subject: mail.subject,
        text: mail.body,
        messageId,
        headers: { "X-Notice-Key": mail.key, ...(mail.workflowId ? { "X-Workflow-Id": mail.workflowId } : {}) },
      });
      await db.outboxMessage.update({ where: { id: row.id }, data: { sentAt: new Date(), smtpMessageId: info.messageId } });
      return true;
    },
    close() {
      transport?.close();
    },
  };
}
