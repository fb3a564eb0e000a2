// One signed session cookie, read by pages and by /graphql alike.
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { db as defaultDb, type Db } from "./db.server";
import { env } from "./env.server";
import type { Viewer } from "../models/viewer";

export const sessionStorage = createCookieSessionStorage({
  cookie: {
    name: "__eco_session",
    httpOnly: true,
    path: "/",
    sameSite: "lax",
    secrets: [env.SESSION_SECRET],
    secure: env.NODE_ENV === "production" && env.APP_URL.startsWith("https:"),
    maxAge: 60 * 60 * 24 * 7,
  },
});

const USER_KEY = "userId";

export async function getViewer(request: Request, db: Db = defaultDb): Promise<Viewer | null> {
  const session = await sessionStorage.getSession(request.headers.get("Cookie"));
  const userId = session.get(USER_KEY);
  if (typeof userId !== "number") return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, departmentId: true, areaId: true, locale: true },
  });
  return user as Viewer | null;
}

export async function createUserSession(userId: number, redirectTo: string): Promise<Response> {
  const session = await sessionStorage.getSession();
  session.set(USER_KEY, userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionStorage.commitSession(session) } });
}

export async function sessionCookieFor(userId: number): Promise<string> {
  const session = await sessionStorage.getSession();
  session.set(USER_KEY, userId);
  return sessionStorage.commitSession(session);
}

export async function logout(request: Request): Promise<Response> {
  const session = await sessionStorage.getSession(request.headers.get("Cookie"));
  return redirect("/", { headers: { "Set-Cookie": await sessionStorage.destroySession(session) } });
}
