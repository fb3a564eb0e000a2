// Server-side sessions, read by pages and by /graphql alike (docs/decisions/010-web-server-and-sessions.md).
// The cookie carries a random 32-byte token (signed with SESSION_SECRET, so a forged one is dropped before any
// database work); the Session table keeps only its SHA-256, the user, and when it was made, last used and must end.
// Over HTTPS the cookie is `__Host-…` and Secure: a sibling subdomain cannot set or overwrite it.
import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { db as defaultDb, type Db } from "./db.server";
import { env } from "./env.server";
import type { Viewer } from "../models/viewer";

const TOUCH_EVERY_MS = 60_000;
const idleMs = () => env.SESSION_IDLE_MINUTES * 60_000;
const maxAgeMs = () => env.SESSION_MAX_HOURS * 3_600_000;

const cookieOptions = { httpOnly: true, path: "/", sameSite: "lax" as const, secrets: [env.SESSION_SECRET] };
const cookies = {
  https: createCookie("__Host-eco_session", { ...cookieOptions, secure: true }),
  http: createCookie("eco_session", { ...cookieOptions, secure: false }),
};

/** HTTPS when APP_URL says so, or when the request arrived over https (behind TRUST_PROXY: X-Forwarded-Proto). */
export function servedOverHttps(request?: Request): boolean {
  return env.APP_URL.startsWith("https:") || (request ? new URL(request.url).protocol === "https:" : false);
}

const cookieFor = (request?: Request) => (servedOverHttps(request) ? cookies.https : cookies.http);

export const hashSessionToken = (token: string) => createHash("sha256").update(token).digest("hex");

async function sessionIdFrom(request: Request): Promise<string | null> {
  const token: unknown = await cookieFor(request).parse(request.headers.get("Cookie"));
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token) ? hashSessionToken(token) : null;
}

const viewerFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  departmentId: true,
  areaId: true,
  locale: true,
  active: true,
} as const;

/** The live session of this request, or null (none, expired, idle too long, or the user was deactivated). */
export async function currentSession(
  request: Request,
  db: Db = defaultDb,
): Promise<{ id: string; viewer: Viewer } | null> {
  const id = await sessionIdFrom(request);
  if (!id) return null;
  const row = await db.session.findUnique({
    where: { id },
    select: { lastSeenAt: true, expiresAt: true, user: { select: viewerFields } },
  });
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + idleMs() <= now || !row.user.active) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  // lastSeenAt moves at most once a minute: one write per active minute, not one per request.
  if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS)
    await db.session.updateMany({ where: { id, lastSeenAt: row.lastSeenAt }, data: { lastSeenAt: new Date(now) } });
  const { active: _active, ...viewer } = row.user;
  return { id, viewer: viewer as Viewer };
}

/** Whether the request carries a session cookie at all (no database work): pages use it to skip signed-in queries. */
export function hasSessionCookie(request: Request): boolean {
  return /(?:^|;\s*)(?:__Host-)?eco_session=[^;]/.test(request.headers.get("Cookie") ?? "");
}

export async function getViewer(request: Request, db: Db = defaultDb): Promise<Viewer | null> {
  return (await currentSession(request, db))?.viewer ?? null;
}

/** A new session row for the user, and the Set-Cookie header that hands its token to this browser. */
export async function createSession(db: Db, userId: number, request?: Request): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + maxAgeMs());
  // Sessions nobody came back to are swept here, at the rare moment a new one starts.
  await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - idleMs()) } }] },
  });
  await db.session.create({
    data: { id: hashSessionToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt },
  });
  return cookieFor(request).serialize(token, { expires: expiresAt });
}

/** Signing in: the browser's previous session (if any) is deleted and a NEW session ID issued (no fixation). */
export async function createUserSession(
  request: Request,
  userId: number,
  redirectTo: string,
  db: Db = defaultDb,
): Promise<Response> {
  const previous = await sessionIdFrom(request);
  if (previous) await db.session.deleteMany({ where: { id: previous } });
  return redirect(redirectTo, { headers: { "Set-Cookie": await createSession(db, userId, request) } });
}

/** For tests and scripts: a signed-in cookie for a user (a real session row in `db`). */
export async function sessionCookieFor(userId: number, db: Db = defaultDb): Promise<string> {
  return createSession(db, userId);
}

/** Signing out deletes the session row, so the old cookie is worthless even if it was copied. */
export async function logout(request: Request, db: Db = defaultDb): Promise<Response> {
  const id = await sessionIdFrom(request);
  if (id) await db.session.deleteMany({ where: { id } });
  return redirect("/", { headers: { "Set-Cookie": await cookieFor(request).serialize("", { expires: new Date(0) }) } });
}
