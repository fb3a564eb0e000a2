// The private ICS feed (app/models/calendar-feed.server.ts, served by app/utils/calendar-feed.server.ts): made and
// revoked through the API, read as a calendar app reads it, parsed by a real ICS parser (node-ical): the right days as
// all-day events, UIDs that stay the same across fetches (also when a projected occurrence gets its row), the read
// rules at fetch time, and 404 — the same answer — for a revoked, replaced, unknown or deactivated user's token.
import ical, { type VEvent } from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedResponse } from "../app/utils/calendar-feed.server";
import { createTestDb } from "./support/db";
import { EPB_SECOND, writeCalendarFacts } from "./support/calendar-facts";
import { graphqlClient } from "./support/graphql";

const { db } = createTestDb();
const gql = graphqlClient(db);
afterAll(() => db.$disconnect());
beforeAll(() => writeCalendarFacts(db));

const EPB = "epb@daqing.example";
const MAKE = `mutation { createCalendarFeed }`;
const REVOKE = `mutation { revokeCalendarFeed }`;

async function makeToken(as: string): Promise<string> {
  const r = await gql<{ createCalendarFeed: string }>(MAKE, {}, as);
  expect(r.errors).toBeUndefined();
  return r.data!.createCalendarFeed;
}

async function events(token: string): Promise<{ text: string; byUid: Map<string, VEvent> }> {
  const res = await feedResponse(token, db);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  const text = await res.text();
  const parsed = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");
  return { text, byUid: new Map(parsed.map((e) => [e.uid, e])) };
}

/** An all-day event's day as written (node-ical makes a date-only value a local midnight). */
const dayOf = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
/** node-ical gives a URL written with VALUE=URI as { params, val }. */
const urlOf = (e: VEvent) => {
  const url = e.url as unknown as string | { val: string };
  return typeof url === "string" ? url : url.val;
};
const uid = (key: string) => `${key}@daqing-eco-monitoring`;

describe("a department's feed", () => {
  let token = "";
  beforeAll(async () => {
    token = await makeToken(EPB);
  });

  it("is a random token of at least 128 bits, stored only as its hash", async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.calendarFeedToken.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
    const me = await gql(`{ myCalendarFeed { createdAt } }`, {}, EPB);
    expect(me.data.myCalendarFeed.createdAt).toBe(rows[0].createdAt.toISOString());
  });

  it("holds its dated items as all-day events on the right days, with Chinese summaries and the item's URL", async () => {
    const { text, byUid } = await events(token);
    expect(text).toContain("X-WR-TIMEZONE:Asia/Shanghai");
    const expected: [string, string, string][] = [
      ["report-2027Q1-1.1-epb", "2027-03-10", "/reports/report-2027Q1-1.1-epb"],
      ["workplan-2027-epb-milestone-1", "2027-03-15", "/work-plans/workplan-2027-epb"],
      ["inspection-2027-01-31-epb-finding-1", "2027-03-25", "/inspections/inspection-2027-01-31-epb"],
      ["inspection-2027-02-28-epb", "2027-02-28", `/inspections/${EPB_SECOND}`],
      ["inspection-2027-03-31-epb", "2027-03-31", `/inspections/${EPB_SECOND}`],
      ["inspection-2027-06-30-epb", "2027-06-30", `/inspections/${EPB_SECOND}`],
    ];
    for (const [key, day, path] of expected) {
      const e = byUid.get(uid(key));
      expect(e, key).toBeDefined();
      expect(e!.start.dateOnly, key).toBe(true);
      expect(dayOf(e!.start), key).toBe(day);
      expect(urlOf(e!), key).toBe(`http://localhost:3000${path}`);
      expect(text).toContain(`DTSTART;VALUE=DATE:${day.replaceAll("-", "")}`);
    }
    expect(byUid.get(uid("report-2027Q1-1.1-epb"))!.summary).toBe(
      "报告截止：2027年第一季度 · 1.1 " +
        (await db.task.findUniqueOrThrow({ where: { code: "1.1" } })).title +
        " · 市环保局（正常）",
    );
    // The drafting deadline of the department's work plan is in it too.
    expect(byUid.get(uid("workplan-2027-epb-due"))!.summary).toMatch(
      /^工作计划编制截止：市环保局2027年度工作计划（(正常|临期|逾期)）$/,
    );
    // Another department's items are not in it.
    expect(byUid.has(uid("report-2027Q1-1.2-water"))).toBe(false);
    expect(byUid.has(uid("inspection-2027-03-05-water"))).toBe(false);
  });

  it("keeps its UIDs across fetches, also when a projected occurrence gets its row", async () => {
    const before = [...(await events(token)).byUid.keys()].sort();
    expect([...(await events(token)).byUid.keys()].sort()).toEqual(before);
    // The second occurrence starts, as the workflow does: the third is written under the ID the feed already used.
    const second = await db.inspection.findUniqueOrThrow({ where: { workflowId: EPB_SECOND } });
    const third = "inspection-2027-03-31-epb";
    const state = { ...JSON.parse(second.state), date: "2027-03-31", occurrence: 3, status: "SCHEDULED" };
    await db.inspection.update({ where: { id: second.id }, data: { status: "IN_PROGRESS", nextWorkflowId: third } });
    const { id: _id, ...row } = second;
    await db.inspection.create({
      data: {
        ...row,
        workflowId: third,
        scheduledFor: new Date("2027-03-31T00:00:00+08:00"),
        occurrence: 3,
        state: JSON.stringify(state),
      },
    });
    const after = (await events(token)).byUid;
    expect([...after.keys()].sort()).toEqual(before);
    expect(urlOf(after.get(uid(third))!)).toBe(`http://localhost:3000/inspections/${third}`);
  });

  it("follows the user's read rules at fetch time", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: EPB } });
    const water = await db.department.findUniqueOrThrow({ where: { code: "water" } });
    await db.user.update({ where: { id: user.id }, data: { departmentId: water.id } });
    try {
      const { byUid } = await events(token);
      expect(byUid.has(uid("report-2027Q1-1.2-water"))).toBe(true);
      expect(byUid.has(uid("report-2027Q1-1.1-epb"))).toBe(false);
    } finally {
      await db.user.update({ where: { id: user.id }, data: { departmentId: user.departmentId } });
    }
  });
});

describe("a feed that is no more", () => {
  const gone = async (token: string) => {
    const res = await feedResponse(token, db);
    return [res.status, await res.text()];
  };
  const NOT_FOUND = [404, "没有这个日历订阅 / No such calendar feed\n"];

  it("a replaced token is 404; the new one works", async () => {
    const old = await makeToken("water@daqing.example");
    const next = await makeToken("water@daqing.example");
    expect(await gone(old)).toEqual(NOT_FOUND);
    expect((await feedResponse(next, db)).status).toBe(200);
  });

  it("a revoked token is 404, the same answer as an unknown one", async () => {
    const token = await makeToken("land@daqing.example");
    expect((await feedResponse(token, db)).status).toBe(200);
    expect((await gql(REVOKE, {}, "land@daqing.example")).data).toEqual({ revokeCalendarFeed: true });
    expect(await gone(token)).toEqual(NOT_FOUND);
    expect(await gone("A".repeat(43))).toEqual(NOT_FOUND);
    expect(await gone("not-a-token")).toEqual(NOT_FOUND);
    expect((await gql(`{ myCalendarFeed { createdAt } }`, {}, "land@daqing.example")).data).toEqual({
      myCalendarFeed: null,
    });
  });

  it("a deactivated user's feed is 404 at once, and works again when the user is reactivated", async () => {
    const token = await makeToken("finance@daqing.example");
    const email = "finance@daqing.example";
    const setActive = `mutation ($email: String!, $active: Boolean!) { setUserActive(email: $email, active: $active) { active } }`;
    const off = await gql(setActive, { email, active: false }, "steering@daqing.example");
    expect(off.errors).toBeUndefined();
    expect(await gone(token)).toEqual(NOT_FOUND);
    await gql(setActive, { email, active: true }, "steering@daqing.example");
    expect((await feedResponse(token, db)).status).toBe(200);
  });

  it("the public cannot make or revoke a feed", async () => {
    expect((await gql(MAKE)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect((await gql(REVOKE)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});
