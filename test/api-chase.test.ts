// 催报 and 签收 through /graphql: a chase is recorded in the item's log, e-mailed to the department's members over a
// real SMTP server on 127.0.0.1, refused a second time the same working day (saying when the next is possible) and
// refused to a department; a request is signed for only by the department it is addressed to, once, and the board
// and the item's own page (itemReceipts) then show it signed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useClock } from "../app/utils/clock.server";
import { createMailer, type Mailer } from "../app/utils/mailer.server";
import { createTestDb } from "./support/db";
import { graphqlClient, type GqlResult } from "./support/graphql";
import { officeFacts } from "./support/office-facts";
import { startSmtpServer } from "./workflows/support/smtp";

const { db } = createTestDb();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailer: Mailer;
let gql: ReturnType<typeof graphqlClient>;
let facts: Awaited<ReturnType<typeof officeFacts>>;
const SG = "steering@daqing.example";
const CHASE = `mutation($w: String!, $f: Int) { chase(workflowId: $w, finding: $f) { chasedAt recipients mailed queued } }`;
const RECEIPTS = `query($w: String!) { itemReceipts(workflowId: $w) { finding signedAt canSignFor } }`;
const SIGN = `mutation($w: String!, $f: Int) { signFor(workflowId: $w, finding: $f) { workflowId finding signedAt } }`;
const error = (r: GqlResult) => r.errors?.[0]?.extensions;

beforeAll(async () => {
  smtp = await startSmtpServer();
  mailer = createMailer({ db, smtpUrl: smtp.url });
  gql = graphqlClient(db, { mailer });
  facts = await officeFacts(db);
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await db.$disconnect();
});

describe("催报", () => {
  it("records the chase in the report's log and mails the department's members", async () => {
    const id = facts.missing.workflowId;
    const r = await gql(CHASE, { w: id }, SG);
    expect(r.errors).toBeUndefined();
    const water = await db.user.findMany({ where: { department: { code: "water" }, role: "DEPARTMENT_MEMBER" } });
    expect(r.data.chase).toMatchObject({ recipients: water.length, mailed: water.length, queued: 0 });
    expect(water.length).toBeGreaterThan(0);
    const mails = smtp.received.filter((m) => m.noticeKey.startsWith("chase/"));
    expect(mails.map((m) => m.to).sort()).toEqual(water.map((u) => u.email).sort());
    expect(mails[0].subject).toMatch(/^【催报】2026年第一季度 · 2\.1 .+ · 市水务局$/);
    expect(mails[0].text).toMatch(/期限2026-04-10，已逾期\d+个工作日/);
    const outbox = await db.outboxMessage.findMany({ where: { template: "CHASE", workflowId: id } });
    expect(outbox.every((m) => m.sentAt !== null)).toBe(true);
    const log = await gql(
      `query($w: String!) { workflowEvents(workflowId: $w) { kind sentence { zh en } } }`,
      { w: id },
      SG,
    );
    expect(log.data.workflowEvents.at(-1).sentence.zh).toMatch(/ 向市水务局催报，邮件通知\d+人$/);
    expect(log.data.workflowEvents.at(-1).sentence.en).toMatch(/ chased Water Affairs Bureau; e-mailed \d+ members?$/);
  });

  it("refuses a second chase of the same item the same working day, in both languages, and sends nothing", async () => {
    const before = smtp.received.length;
    const r = await gql(CHASE, { w: facts.missing.workflowId }, SG);
    expect(error(r)).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      zh: expect.stringMatching(/^本工作日（\d{4}-\d\d-\d\d）已催报过.+下一次可在\d{4}-\d\d-\d\d（下一个工作日）催报$/),
    });
    expect(error(r)?.en).toMatch(/already chased on working day .+ again on \d{4}-\d\d-\d\d, the next working day$/);
    expect(smtp.received.length).toBe(before);
    expect(await db.chase.count({ where: { workflowId: facts.missing.workflowId } })).toBe(1);
  });

  it("is the steering group's: a department is refused, and nothing is recorded", async () => {
    const r = await gql(CHASE, { w: facts.drafting.workflowId }, "epb@daqing.example");
    expect(error(r)?.code).toBe("FORBIDDEN");
    expect(await db.chase.count({ where: { workflowId: facts.drafting.workflowId } })).toBe(0);
  });

  it("refuses an item no longer owed, and chases a finding's rectification to the inspected department", async () => {
    expect(error(await gql(CHASE, { w: facts.onTime.workflowId }, SG))).toMatchObject({ code: "INVALID_STATE" });
    const r = await gql(CHASE, { w: facts.inspection.workflowId, f: 3 }, SG);
    expect(r.errors).toBeUndefined();
    expect(smtp.received.some((m) => m.to === "epb@daqing.example" && m.subject.includes("问题3"))).toBe(true);
    const board = await gql(`{ rectificationChaseBoard { finding lastChasedAt chaseCount } }`, {}, SG);
    expect(board.data.rectificationChaseBoard.find((x: { finding: number }) => x.finding === 3)).toMatchObject({
      chaseCount: 1,
    });
  });

  it("counts one chase per working day: a holiday's chase counts toward the next working day", async () => {
    // 2026: 10-01…10-07 National Day holiday, 10-08 (Thu) the first working day after it, 10-10 (Sat) a 调休 working day.
    const at = (iso: string) => useClock(() => new Date(iso).getTime());
    const w = facts.drafting.workflowId;
    try {
      at("2026-10-03T02:00:00Z");
      expect((await gql(CHASE, { w }, SG)).errors).toBeUndefined();
      expect((await db.chase.findFirstOrThrow({ where: { workflowId: w } })).day).toBe("2026-10-08");
      at("2026-10-08T02:00:00Z");
      expect(error(await gql(CHASE, { w }, SG))).toMatchObject({
        code: "TOO_MANY_REQUESTS",
        zh: expect.stringMatching(/^本工作日（2026-10-08）已催报过.+下一次可在2026-10-09（下一个工作日）催报$/),
        en: expect.stringMatching(
          /on working day 2026-10-08; it can be chased again on 2026-10-09, the next working day$/,
        ),
      });
      at("2026-10-09T02:00:00Z");
      expect((await gql(CHASE, { w }, SG)).errors).toBeUndefined();
      at("2026-10-10T02:00:00Z");
      expect((await gql(CHASE, { w }, SG)).errors).toBeUndefined();
      at("2026-10-11T02:00:00Z"); // Sunday: counts toward Monday 10-12, a new working day
      expect((await gql(CHASE, { w }, SG)).errors).toBeUndefined();
      at("2026-10-12T09:00:00Z");
      expect(error(await gql(CHASE, { w }, SG))?.zh).toContain("下一次可在2026-10-13");
      expect(await db.chase.count({ where: { workflowId: w } })).toBe(4);
    } finally {
      useClock(null);
    }
  });
});

describe("签收", () => {
  it("is refused to another department and to the steering group", async () => {
    for (const as of ["epb@daqing.example", SG])
      expect(error(await gql(SIGN, { w: facts.missing.workflowId }, as))?.code).toBe("FORBIDDEN");
    expect(await db.receipt.count()).toBe(0);
  });

  it("is taken by the addressed department once, shown on the board and in its waiting item", async () => {
    const water = "water@daqing.example";
    await db.waitingItem.create({
      data: {
        workflowId: facts.missing.workflowId,
        process: "REPORT",
        what: "SUBMIT_REPORT",
        who: "dept:water",
        zh: "市水务局报送报告",
        en: "Water Affairs Bureau to submit the report",
        titleZh: "报告",
        titleEn: "Report",
      },
    });
    const mine = async () =>
      (await gql(`{ waitingItems(first: 10) { edges { node { signFor { signedAt } } } } }`, {}, water)).data
        .waitingItems.edges[0].node.signFor;
    expect(await mine()).toEqual({ signedAt: null });
    const first = await gql(SIGN, { w: facts.missing.workflowId }, water);
    expect(first.errors).toBeUndefined();
    const again = await gql(SIGN, { w: facts.missing.workflowId }, water);
    expect(again.data.signFor.signedAt).toBe(first.data.signFor.signedAt);
    const board = await gql(`{ cycleChaseBoard(period: "2026Q1") { workflowId signedAt } }`, {}, SG);
    const row = board.data.cycleChaseBoard.find(
      (x: { workflowId: string }) => x.workflowId === facts.missing.workflowId,
    );
    expect(row.signedAt).toBe(first.data.signFor.signedAt);
    expect(await mine()).toEqual({ signedAt: first.data.signFor.signedAt });
    const log = await gql(
      `query($w: String!) { workflowEvents(workflowId: $w) { sentence { zh } } }`,
      { w: facts.missing.workflowId },
      SG,
    );
    expect(log.data.workflowEvents.at(-1).sentence.zh).toMatch(/签收了交办事项$/);
  });

  it("lets the inspected department sign for a finding's rectification", async () => {
    const epb = "epb@daqing.example";
    const w = facts.inspection.workflowId;
    // The inspection's page: one entry per finding asked to rectify; 签收 offered to epb for the open ones only.
    expect((await gql(RECEIPTS, { w }, epb)).data.itemReceipts).toEqual([
      { finding: 1, signedAt: null, canSignFor: false },
      { finding: 2, signedAt: null, canSignFor: false },
      { finding: 3, signedAt: null, canSignFor: true },
      { finding: 4, signedAt: null, canSignFor: true },
    ]);
    expect((await gql(RECEIPTS, { w }, "water@daqing.example")).data.itemReceipts[3].canSignFor).toBe(false);
    const r = await gql(SIGN, { w, f: 4 }, epb);
    expect(r.data.signFor).toMatchObject({ finding: 4 });
    expect((await gql(RECEIPTS, { w }, SG)).data.itemReceipts[3]).toEqual({
      finding: 4,
      signedAt: r.data.signFor.signedAt,
      canSignFor: false,
    });
    expect(error(await gql(SIGN, { w, f: 5 }, epb))?.code).toBe("NOT_FOUND");
  });

  it("on a work plan's page: offered to its department only, and two 签收 at once record one", async () => {
    const w = facts.drafting.workflowId;
    const epb = "epb@daqing.example";
    expect((await gql(RECEIPTS, { w }, epb)).data.itemReceipts).toEqual([
      { finding: null, signedAt: null, canSignFor: true },
    ]);
    for (const as of ["water@daqing.example", SG])
      expect((await gql(RECEIPTS, { w }, as)).data.itemReceipts[0].canSignFor).toBe(false);
    const [a, b] = await Promise.all([gql(SIGN, { w }, epb), gql(SIGN, { w }, epb)]);
    expect(a.errors ?? b.errors).toBeUndefined();
    expect(a.data.signFor.signedAt).toBe(b.data.signFor.signedAt);
    expect(await db.receipt.count({ where: { workflowId: w } })).toBe(1);
    expect(await db.workflowEvent.count({ where: { workflowId: w, kind: "SIGNED_FOR" } })).toBe(1);
    expect((await gql(RECEIPTS, { w }, epb)).data.itemReceipts).toEqual([
      { finding: null, signedAt: a.data.signFor.signedAt, canSignFor: false },
    ]);
  });

  it("is nothing to sign for on a workflow with no such request", async () => {
    expect((await gql(RECEIPTS, { w: "linkage-2026-0001" }, SG)).data.itemReceipts).toEqual([]);
    expect((await gql(RECEIPTS, { w: "report-2026Q9-9.9-nobody" }, SG)).data.itemReceipts).toEqual([]);
    expect(error(await gql(RECEIPTS, { w: facts.drafting.workflowId }))?.code).toBe("UNAUTHENTICATED");
  });
});
