// A private calendar feed per user (ICS, read by people's own calendar apps). The link carries a random 32-byte token;
// only its SHA-256 is stored (CalendarFeedToken). A new link revokes the old one. At every fetch the token's user is
// looked up afresh, so the feed shows what the user may read now, and stops when the user is deactivated; an unknown,
// revoked or deactivated user's token answers the same "no such feed", so a link tells nothing about why.
import { createHash, randomBytes } from "node:crypto";
import ical from "ical-generator";
import type { Db } from "../utils/db.server";
import { shanghaiDay } from "../utils/time";
import { addDays } from "../../workflows/common/calendar";
import { calendarEntries } from "./calendar.server";
import { requireViewer, type Viewer } from "./viewer";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A new feed token for the viewer (the old one, if any, is revoked); the token itself is shown once and not kept. */
export async function createFeedToken(db: Db, viewer: Viewer | null): Promise<string> {
  const v = requireViewer(viewer);
  const token = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.calendarFeedToken.updateMany({ where: { userId: v.id, revokedAt: null }, data: { revokedAt: new Date() } }),
    db.calendarFeedToken.create({ data: { userId: v.id, tokenHash: hash(token) } }),
  ]);
  return token;
}

/** Revokes the viewer's feed token; true when there was one. */
export async function revokeFeedToken(db: Db, viewer: Viewer | null): Promise<boolean> {
  const v = requireViewer(viewer);
  const r = await db.calendarFeedToken.updateMany({
    where: { userId: v.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return r.count > 0;
}

/** When the viewer's live feed token was made, or null when they have none. */
export async function feedTokenCreatedAt(db: Db, viewer: Viewer): Promise<Date | null> {
  const row = await db.calendarFeedToken.findFirst({
    where: { userId: viewer.id, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}

/** The user a live token belongs to, as a viewer; null for a malformed, unknown or revoked token or an inactive user. */
export async function viewerOfFeedToken(db: Db, token: string): Promise<Viewer | null> {
  if (!TOKEN.test(token)) return null;
  const row = await db.calendarFeedToken.findUnique({ where: { tokenHash: hash(token) } });
  if (!row || row.revokedAt) return null;
  const user = await db.user.findUnique({
    where: { id: row.userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      departmentId: true,
      areaId: true,
      locale: true,
      active: true,
    },
  });
  if (!user?.active) return null;
  const { active: _active, ...viewer } = user;
  return viewer as Viewer;
}

/** The feed covers the plan from its year (its 2020 targets included) to two years ahead. */
export const FEED_FROM = "2018-01-01";
export const feedUntil = (now: Date) => addDays(shanghaiDay(now), 731);

/**
 * The ICS text of a token's feed, or null when there is no such feed. All-day events (DTSTART;VALUE=DATE), each with
 * the entry's stable uid, its Chinese summary with its deadline light (正常/临期/逾期) as of the fetch (the English after
 * it) and the item's URL. The calendar's time zone
 * (Asia/Shanghai) is stated as X-WR-TIMEZONE and not set in ical-generator, which would then write dates by the
 * process's own time zone: the dates are Shanghai days already, written as such.
 */
export async function calendarFeed(db: Db, token: string, origin: string, now = new Date()): Promise<string | null> {
  const viewer = await viewerOfFeedToken(db, token);
  if (!viewer) return null;
  const entries = await calendarEntries(db, viewer, FEED_FROM, feedUntil(now), now);
  const calendar = ical({
    name: `大庆监测网络建设日历 · ${viewer.name}`,
    description:
      "大庆市生态环境监测网络建设工作方案：截止日期、工作计划节点与督导检查 / Deadlines, milestones and inspections",
    prodId: { company: "daqing-eco-monitoring", product: "calendar", language: "ZH" },
    ttl: 3600,
  });
  calendar.x("X-WR-TIMEZONE", "Asia/Shanghai");
  for (const e of entries) {
    calendar.createEvent({
      id: `${e.uid}@daqing-eco-monitoring`,
      allDay: true,
      start: new Date(`${e.date}T00:00:00Z`),
      end: new Date(`${addDays(e.date, 1)}T00:00:00Z`),
      stamp: now,
      // The light as of this fetch (calendar apps re-read the feed hourly): in the summary and the description.
      summary: e.lightWords ? `${e.title.zh}（${e.lightWords.zh}）` : e.title.zh,
      description: e.lightWords
        ? `${e.title.zh}\n期限状态：${e.lightWords.zh}\n${e.title.en}\nDeadline: ${e.lightWords.en}`
        : `${e.title.zh}\n${e.title.en}`,
      url: new URL(e.path, origin).toString(),
    });
  }
  return calendar.toString();
}
