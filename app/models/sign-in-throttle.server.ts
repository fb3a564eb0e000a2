// Sign-in throttling (ASVS 2.2.1): failed attempts are counted per account and per client address in a fixed
// window, in the database (rate-limiter-flexible's Prisma store on the SignInThrottle table), so every app instance
// sees the same count. Only failures count; a successful sign-in clears the account's count. Unknown addresses are
// counted like known ones, so the throttle says nothing about which accounts exist.
// A locked account is a denial of service its owner can suffer; the window is short (15 minutes) for that reason.
import { RateLimiterPrisma } from "rate-limiter-flexible";
import type { Db } from "../utils/db.server";
import { AppError } from "../utils/errors";

export const WINDOW_SECONDS = 15 * 60;
/** Failures per account in a window: a password guesser gets 5 tries per 15 minutes (480 a day at most). */
export const ACCOUNT_MAX_FAILURES = 5;
/** Failures per client address: higher, since one office may sit behind one address. */
export const CLIENT_MAX_FAILURES = 30;

export interface ThrottleKeys {
  account: string;
  client?: string;
}

const limiters = new WeakMap<Db, { account: RateLimiterPrisma; client: RateLimiterPrisma }>();

function limitersFor(db: Db) {
  let l = limiters.get(db);
  if (!l) {
    const common = { storeClient: db, tableName: "signInThrottle", duration: WINDOW_SECONDS };
    l = {
      account: new RateLimiterPrisma({ ...common, keyPrefix: "account", points: ACCOUNT_MAX_FAILURES }),
      client: new RateLimiterPrisma({ ...common, keyPrefix: "client", points: CLIENT_MAX_FAILURES }),
    };
    limiters.set(db, l);
  }
  return l;
}

function checks(db: Db, keys: ThrottleKeys): [RateLimiterPrisma, string, number][] {
  const l = limitersFor(db);
  const list: [RateLimiterPrisma, string, number][] = [[l.account, keys.account, ACCOUNT_MAX_FAILURES]];
  if (keys.client) list.push([l.client, keys.client, CLIENT_MAX_FAILURES]);
  return list;
}

/** Seconds until the account or the client may try again, or 0 when they may try now. */
export async function throttleWait(db: Db, keys: ThrottleKeys): Promise<number> {
  let waitMs = 0;
  for (const [limiter, key, max] of checks(db, keys)) {
    const res = await limiter.get(key);
    if (res && res.consumedPoints >= max) waitMs = Math.max(waitMs, res.msBeforeNext);
  }
  return Math.ceil(waitMs / 1000);
}

/** Counts one failure for the account and the client; returns the wait in seconds if this one reached a limit. */
export async function recordSignInFailure(db: Db, keys: ThrottleKeys): Promise<number> {
  let waitMs = 0;
  for (const [limiter, key, max] of checks(db, keys)) {
    const res = await limiter.penalty(key, 1);
    if (res.consumedPoints >= max) waitMs = Math.max(waitMs, res.msBeforeNext);
  }
  return Math.ceil(waitMs / 1000);
}

export async function clearAccountFailures(db: Db, account: string): Promise<void> {
  await limitersFor(db).account.delete(account);
}

export function tooManyAttempts(waitSeconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(waitSeconds / 60));
  return new AppError(
    "TOO_MANY_REQUESTS",
    `登录尝试过多，请${minutes}分钟后再试`,
    `Too many sign-in attempts; try again in ${minutes} minute${minutes === 1 ? "" : "s"}`,
    { retryAfterSeconds: Math.max(1, waitSeconds) },
  );
}
