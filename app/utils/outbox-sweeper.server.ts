// The outbox sweeper: sends what was written to the outbox and never sent — a 催报 whose web process died after its
// commit, a message whose SMTP server was down at the time. It runs in the worker process (worker/worker.ts), every
// OUTBOX_SWEEP_SECONDS; each message goes out under the mailer's lease, so two sweepers (two workers), or a sweeper
// and the message's own writer, never both send it (docs/decisions/022-chase-and-receipt.md).
import type { Db } from "./db.server";
import type { Mailer } from "./mailer.server";

/** Messages older than this stay in the outbox unsent: a week-old notice is news to nobody, and an installation that
 *  turns SMTP on after running without it must not mail its whole history. */
export const SWEEP_MAX_AGE_MS = 7 * 86_400_000;
const BATCH = 50;

export interface SweepResult {
  sent: number;
  /** Set when the SMTP server refused or was unreachable: the round stopped there, the rest waits for the next. */
  error?: string;
}

/**
 * One round: the unsent messages nobody holds a lease on, created at least `graceMs` ago (their writer is normally
 * sending them itself right after its commit; the grace keeps the sweeper from competing with it), oldest first.
 */
export async function sweepOutbox(db: Db, mailer: Mailer, graceMs: number, now = Date.now()): Promise<SweepResult> {
  if (!mailer.sends) return { sent: 0 };
  const due = await db.outboxMessage.findMany({
    where: {
      sentAt: null,
      createdAt: { lte: new Date(now - graceMs), gte: new Date(now - SWEEP_MAX_AGE_MS) },
      OR: [{ sendingUntil: null }, { sendingUntil: { lt: new Date(now) } }],
    },
    orderBy: { id: "asc" },
    take: BATCH,
    select: { id: true },
  });
  let sent = 0;
  for (const { id } of due) {
    try {
      if ((await mailer.sendQueued(id)) === "sent") sent++;
    } catch (e) {
      return { sent, error: e instanceof Error ? e.message : String(e) };
    }
  }
  return { sent };
}

/** Sweeps every `intervalMs` until stopped; a round never overlaps the next. Stopping waits for the round in hand. */
export function startOutboxSweeper(db: Db, mailer: Mailer, intervalMs: number, log = console) {
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    round = sweepOutbox(db, mailer, intervalMs)
      .then((r) => {
        if (r.sent) log.log(`[outbox] sent ${r.sent} queued e-mail(s)`);
        if (r.error) log.warn(`[outbox] SMTP not reachable, retrying in ${intervalMs / 1000} s: ${r.error}`);
      })
      .catch((e: unknown) => log.warn(`[outbox] sweep failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round;
    },
  };
}
