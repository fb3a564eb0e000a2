// 催报 and 签收 through /graphql: a chase is recorded in the item's log, e-mailed to the department's members over a
// real SMTP server on 127.0.0.1, refused a second time the same day and refused to a department; a request is signed
// for only by the department it is addressed to, and the board then shows it signed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
const CHASE = `mutation($w: String!, $f: Int) { chase(workflowId: $w, finding: $f) { chasedAt recipients mailed } }`;
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
    expect(r.data.chase).toMatchObject({ recipients: water.length, mailed: water.length });
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
    expect(log.data.workflowEvents.at(-1).sentence.zh).toMatch(/ 向市水务局催报，发出邮件\d+封$/);
    expect(log.data.workflowEvents.at(-1).sentence.en).toMatch(/ chased Water Affairs Bureau; \d+ e-mails? sent$/);
  });

  it("refuses a second chase of the same item the same day, in both languages, and sends nothing", async () => {
    const before = smtp.received.length;
    const r = await gql(CHASE, { w: facts.missing.workflowId }, SG);
    expect(error(r)).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      zh: expect.stringMatching(/^今天（\d{4}-\d\d-\d\d）已催报过/),
    });
    expect(error(r)?.en).toMatch(/already chased today/);
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
    const r = await gql(SIGN, { w: facts.inspection.workflowId, f: 4 }, "epb@daqing.example");
    expect(r.data.signFor).toMatchObject({ finding: 4 });
    expect(error(await gql(SIGN, { w: facts.inspection.workflowId, f: 5 }, "epb@daqing.example"))?.code).toBe(
      "NOT_FOUND",
    );
  });
});
