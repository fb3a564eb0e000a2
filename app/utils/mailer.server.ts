// The mailer: every message lands in the OutboxMessage table first (the local outbox an administrator reads), and
// is also sent over SMTP when SMTP_URL is set. The idempotency key makes a message one row per notice and recipient;
// a lease (sendingUntil) lets one attempt at a time send it, so a retry that starts while its timed-out predecessor
// is still talking to the SMTP server does not send it a second time. What no lease can close is a crash between the
// SMTP server's acceptance and the sentAt update: the next attempt sends again, with the same Message-ID, which a
// receiving server uses to drop the duplicate. A record that announces itself by mail (a 催报) writes its message with
// `queueMail` in its own transaction and sends it with `sendQueued` after the commit; what is never sent that way
// the worker's sweeper sends (app/utils/outbox-sweeper.server.ts).
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

/** What `sendQueued` did with one outbox row. */
export type SendOutcome = "sent" | "already-sent" | "held" | "outbox-only";

export interface Mailer {
  /** Returns false when the key was already delivered (nothing sent again). */
  deliver(mail: OutgoingMail): Promise<boolean>;
  /** Sends a row already in the outbox (written by `queueMail` in its writer's transaction) under a lease: "held"
   *  when another attempt holds the lease now; an SMTP failure gives the lease back and throws. */
  sendQueued(id: number): Promise<SendOutcome>;
  /** Whether SMTP_URL is set: without it every message stays in the outbox, by design. */
  readonly sends: boolean;
  close(): void;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const outboxRow = (mail: OutgoingMail) => ({
  idempotencyKey: mail.key,
  workflowId: mail.workflowId ?? null,
  template: mail.template,
  toEmail: mail.to.email,
  toName: mail.to.name,
  locale: mail.to.locale,
  subject: mail.subject,
  body: mail.body,
});

/** Writes a message to the outbox inside the caller's transaction, so that it exists exactly when what it announces
 *  does; it is sent after the commit (`sendQueued`), or by the worker's sweeper if the writer dies first. */
export function queueMail(tx: Tx, mail: OutgoingMail) {
  return tx.outboxMessage.create({ data: outboxRow(mail), select: { id: true } });
}

/** A stable Message-ID lets a receiving server drop the rare duplicate left by a crash between send and update. */
export const messageIdOf = (key: string) =>
  `<${createHash("sha256").update(key).digest("hex").slice(0, 32)}@eco-monitoring.daqing.local>`;

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

  /** Claims the lease of an unsent row; false when it is sent or another attempt holds it. */
  async function claim(id: number) {
    const now = new Date();
    const claimed = await db.outboxMessage.updateMany({
      where: { id, sentAt: null, OR: [{ sendingUntil: null }, { sendingUntil: { lt: now } }] },
      data: { sendingUntil: new Date(now.getTime() + LEASE_MS) },
    });
    return claimed.count === 1;
  }

  async function send(
    row: { id: number; idempotencyKey: string; workflowId: string | null } & Pick<OutgoingMail, "subject" | "body"> & {
        toEmail: string;
        toName: string;
      },
  ) {
    const info = await transport!
      .sendMail({
        from,
        to: { name: row.toName, address: row.toEmail },
        subject: row.subject,
        text: row.body,
        messageId: messageIdOf(row.idempotencyKey),
        headers: {
          "X-Notice-Key": row.idempotencyKey,
          ...(row.workflowId ? { "X-Workflow-Id": row.workflowId } : {}),
        },
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
  }

  return {
    sends: transport !== null,
    async deliver(mail) {
      let row = await db.outboxMessage.findUnique({ where: { idempotencyKey: mail.key } });
      if (row && (row.sentAt || !transport)) return false;
      if (!row) {
        row = await db.outboxMessage.create({ data: outboxRow(mail) }).catch(async (e: { code?: string }) => {
          // A concurrent attempt with the same key won the insert: it owns the sending.
          if (e.code === "P2002") return null;
          throw e;
        });
        if (!row) return false;
      }
      if (!transport) return true;
      // Another attempt holds the lease: fail this one, so that Temporal retries it after the other has finished
      // (its retry then finds sentAt and sends nothing) or its lease has run out (it crashed; the retry sends).
      if (!(await claim(row.id))) {
        const other = await db.outboxMessage.findUnique({ where: { id: row.id }, select: { sentAt: true } });
        if (other?.sentAt) return false;
        throw new Error(
          "这封邮件正由另一次尝试发送，稍后重试 / Another attempt is sending this e-mail; it is retried later",
        );
      }
      await send(row);
      return true;
    },
    async sendQueued(id) {
      if (!transport) return "outbox-only";
      if (!(await claim(id))) {
        const other = await db.outboxMessage.findUnique({ where: { id }, select: { sentAt: true } });
        return other?.sentAt ? "already-sent" : "held";
      }
      const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
      await send(row);
      return "sent";
    },
    close() {
      transport?.close();
    },
  };
}
