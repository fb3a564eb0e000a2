// The HTTP answer of a private calendar feed (/calendar/<token>.ics, /calendar.ics?token=…), for calendar apps, which
// fetch it without a session. An unknown, revoked or deactivated user's token is 404, the same answer for each.
import { calendarFeed } from "../models/calendar-feed.server";
import { db as defaultDb, type Db } from "./db.server";
import { env } from "./env.server";

export async function feedResponse(token: string, db: Db = defaultDb): Promise<Response> {
  const ics = token ? await calendarFeed(db, token, env.APP_URL) : null;
  if (ics === null)
    return new Response("没有这个日历订阅 / No such calendar feed\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="calendar.ics"',
      // The link is private: no shared cache may keep it.
      "Cache-Control": "private, no-store",
    },
  });
}
