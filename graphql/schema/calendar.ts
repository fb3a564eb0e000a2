// The calendar: dated entries under the read rules (app/models/calendar.server.ts), and the viewer's private feed link
// (app/models/calendar-feed.server.ts). The feed itself is served at /calendar/<token>.ics, not through the API.
import { builder } from "../builder";
import { CALENDAR_KINDS, calendarEntries, checkRange, type LitCalendarEntry } from "../../app/models/calendar.server";
import { createFeedToken, feedTokenCreatedAt, revokeFeedToken } from "../../app/models/calendar-feed.server";
import { requireViewer } from "../../app/models/viewer";
import { labelled } from "./enums";
import { now } from "../../app/utils/clock.server";
import { DeadlineLightEnum } from "./office";
import { BilingualRef } from "./process";

export const CalendarEntryKindEnum = labelled("CalendarEntryKind", CALENDAR_KINDS, "What a dated calendar entry is");

const CalendarEntryRef = builder.objectRef<LitCalendarEntry>("CalendarEntry").implement({
  description: "A dated item: a target's deadline, a report due, a work-plan milestone, an inspection, a rectification",
  fields: (t) => ({
    uid: t.exposeString("uid", { description: "Stable across reads: the feed's event UID" }),
    kind: t.field({ type: CalendarEntryKindEnum, resolve: (e) => e.kind }),
    date: t.field({ type: "Date", resolve: (e) => new Date(`${e.date}T00:00:00+08:00`) }),
    title: t.field({ type: BilingualRef, resolve: (e) => e.title }),
    path: t.exposeString("path", { description: "The page of the item" }),
    light: t.field({
      type: DeadlineLightEnum,
      nullable: true,
      description: "The deadline's light today, in working days; null when the thing is done",
      resolve: (e) => e.light,
    }),
    lightWords: t.field({
      type: BilingualRef,
      nullable: true,
      description: "The light in words: 正常 / 临期 / 逾期",
      resolve: (e) => e.lightWords,
    }),
  }),
});

const CalendarFeedRef = builder.objectRef<{ createdAt: Date }>("CalendarFeed").implement({
  description: "The viewer's private calendar-feed link (the token itself is shown only when made)",
  fields: (t) => ({ createdAt: t.expose("createdAt", { type: "DateTime" }) }),
});

builder.queryFields((t) => ({
  calendar: t.field({
    type: [CalendarEntryRef],
    description:
      "What is dated between two days (inclusive, at most 366 days) that the viewer may read, by date: the plan's targets for everyone; reporting deadlines, milestones, inspections and rectification deadlines by role",
    args: { from: t.arg({ type: "Date", required: true }), to: t.arg({ type: "Date", required: true }) },
    resolve: async (_root, args, ctx) => {
      checkRange(args.from, args.to);
      return calendarEntries(ctx.db, ctx.viewer, args.from, args.to, new Date(await now()));
    },
  }),
  myCalendarFeed: t.field({
    type: CalendarFeedRef,
    nullable: true,
    authScopes: { signedIn: true },
    description: "The viewer's live calendar-feed link, if they have made one",
    resolve: async (_root, _args, ctx) => {
      const createdAt = await feedTokenCreatedAt(ctx.db, requireViewer(ctx.viewer));
      return createdAt ? { createdAt } : null;
    },
  }),
}));

builder.mutationFields((t) => ({
  createCalendarFeed: t.string({
    description:
      "Makes a new private calendar-feed token (revoking the old one) and returns it once; the feed is at /calendar/<token>.ics",
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => createFeedToken(ctx.db, ctx.viewer),
  }),
  revokeCalendarFeed: t.boolean({
    description: "Revokes the viewer's calendar-feed token; true when there was one",
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => revokeFeedToken(ctx.db, ctx.viewer),
  }),
}));
