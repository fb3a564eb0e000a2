// 签收 on the item's own page, in real Chromium, reached by clicks: 市水务局 follows its header count to the workspace
// and on to its report's page, signs for it there, and sees when it did; 市环保局 opens its inspection from the
// workspace and signs for one finding's rectification in the findings table, the other still offered. (That only
// the addressee is offered it, and the signed time everyone sees, is test/api-chase.test.ts.) The rows are written directly
// (test/support/office-facts.ts), as the workflows mirror them: no workflow runs here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "./support/app";
import { officeFacts } from "../support/office-facts";
import { navigated, submitted } from "./support/navigation";
import { auditPage, prepareAudit } from "./support/page-audit";

let app: App;
let facts: Awaited<ReturnType<typeof officeFacts>>;
const SIGNED = /^已签收 \d{4}-\d\d-\d\d \d\d:\d\d$/;

beforeAll(async () => {
  app = await startApp();
  facts = await officeFacts(app.db);
  const waiting = (workflowId: string, process: string, what: string, who: string, title: string) =>
    app.db.waitingItem.create({
      data: { workflowId, process, what, who, zh: title, en: title, titleZh: title, titleEn: title },
    });
  await waiting(facts.missing.workflowId, "REPORT", "SUBMIT_REPORT", "dept:water", "2026年第一季度 · 2.1 · 市水务局");
  await waiting(
    facts.inspection.workflowId,
    "INSPECTION",
    "RECTIFY:3",
    "dept:epb",
    "2026-03-02 对市环保局的专项督导检查",
  );
}, 240_000);
afterAll(async () => {
  await app?.stop();
});

const as = async (email: string) => {
  const s = await app.newPage();
  await prepareAudit(s.context);
  await app.signIn(s.page, email);
  return s;
};

describe("签收 on the item's page", () => {
  it(
    "the addressed department signs for its report and a finding where it works on them",
    { timeout: 180_000 },
    async () => {
      const water = await as("water@daqing.example");
      await water.page.getByTestId("waiting-count").click();
      await navigated(water.page, /\/workspace/);
      await water.page.getByRole("link", { name: "2026年第一季度 · 2.1 · 市水务局" }).click();
      await navigated(water.page, /\/reports\/report-2026Q1-2\.1-water$/);
      expect(await water.page.getByTestId("signed-for").count()).toBe(0);
      expect(await auditPage(water.page, water.context)).toEqual([]);
      await submitted(water.page, () => water.page.getByRole("button", { name: "签收", exact: true }).click());
      expect(water.page.url()).toMatch(/\/reports\/report-2026Q1-2\.1-water$/);
      expect(await water.page.getByTestId("signed-for").textContent()).toMatch(SIGNED);
      expect(await water.page.getByRole("button", { name: "签收", exact: true }).count()).toBe(0);
      expect(await water.page.locator("#timeline").textContent()).toContain("签收了交办事项");
      await app.shot(water.page, "sign-for-1-report");
      expect(await app.db.receipt.count({ where: { workflowId: facts.missing.workflowId } })).toBe(1);

      const epb = await as("epb@daqing.example");
      await epb.page.getByTestId("waiting-count").click();
      await navigated(epb.page, /\/workspace/);
      await epb.page.getByRole("link", { name: "2026-03-02 对市环保局的专项督导检查" }).first().click();
      await navigated(epb.page, /\/inspections\/inspection-2026-03-02-epb$/);
      // Findings 3 and 4 are owed: 签收 is offered on each; 1 and 2 are closed.
      expect(await epb.page.getByTestId("findings").getByRole("button", { name: "签收", exact: true }).count()).toBe(2);
      expect(await auditPage(epb.page, epb.context)).toEqual([]);
      const third = epb.page.getByRole("form", { name: /^问题3/ });
      await submitted(epb.page, () => third.getByRole("button", { name: "签收", exact: true }).click());
      expect(await epb.page.getByTestId("findings").getByTestId("signed-for").textContent()).toMatch(SIGNED);
      expect(await epb.page.getByTestId("findings").getByRole("button", { name: "签收", exact: true }).count()).toBe(1);
      expect(await app.db.receipt.findMany({ select: { workflowId: true, item: true } })).toEqual(
        expect.arrayContaining([{ workflowId: facts.inspection.workflowId, item: "finding:3" }]),
      );
      await app.shot(epb.page, "sign-for-2-finding");
      await Promise.all([water.context.close(), epb.context.close()]);
    },
  );
});
