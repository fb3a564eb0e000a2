// A real SMTP server on 127.0.0.1 that keeps every message it receives, parsed. No TLS and no AUTH: the server's
// built-in certificate has expired (see ENVIRONMENT.md), and the mailer uses ignoreTLS for smtp:// URLs.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  noticeKey: string;
  parsed: ParsedMail;
}

/** `delayMs`: how long the server takes to accept each message (a slow server, to overlap two sending attempts).
 *  `port`: listen there (a server coming back where it was down); a free port by default. */
export async function startSmtpServer({ delayMs = 0, port: wanted = 0 }: { delayMs?: number; port?: number } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          for (const rcpt of session.envelope.rcptTo)
            received.push({
              to: rcpt.address,
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              noticeKey: String(parsed.headers.get("x-notice-key") ?? ""),
              parsed,
            });
          setTimeout(() => callback(), delayMs);
        })
        .catch(callback);
    },
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(wanted, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port)),
  );
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
