// The chase board in real Chromium, by clicks and forms: the steering group opens a cycle's board from the cycle
// page, sees who is late and has not signed for, clicks 催报 and the department's mailbox on a real SMTP server
// receives it; a second 催报 the same working day is refused in words. The department sees its count in the header, follows
// it to the workspace and signs for its report, and the board shows it signed. The cycle's rows are written
// directly (test/support/office-facts.ts), as the workflows mirror them: no workflow runs here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startApp, type App } from "./support/app";
import { officeFacts } from "../support/office-facts";
import { startSmtpServer } from "../workflows/support/smtp";
import { navigated, settled } from "./support/navigation";

let app: App;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let facts: Awaited<ReturnType<typeof officeFacts>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startApp({ smtpUrl: smtp.url });
  facts = await officeFacts(app.db);
  // What the report's workflow would mirror: it waits for 市水务局's submission.
  await app.db.waitingItem.create({
    data: {
      workflowId: facts.missing.workflowId,
      process: "REPORT",
      what: "SUBMIT_REPORT",
      who: "dept:water",
      zh: "市水务局报送推进落实情况",
      en: "Water Affairs Bureau to submit its progress report",
      titleZh: "2026年第一季度 · 2.1 · 市水务局",
      titleEn: "Q1 2026 · 2.1 · Water Affairs Bureau",
      deadline: new Date("2026-04-10T16:00:00Z"),
    },
  });
}, 240_000);
afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

const as = async (email: string) => {
  const s = await app.newPage();
  await app.signIn(s.page, email);
  return s;
};
async function submit(page: Page, name: RegExp | string) {
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name }).first().click();
  await posted;
  await settled(page);
}
const waterRow = (page: Page) => page.getByTestId("chase-board").locator("tbody tr", { hasText: "市水务局" });

describe("the chase board, 催报 and 签收", () => {
  it("chases a late department by mail and lets it sign for its report", { timeout: 180_000 }, async () => {
    const steering = await as("steering@daqing.example");
    const page = steering.page;
    await page.getByRole("link", { name: "定期报送", exact: true }).first().click();
    await page
      .getByRole("link", { name: /2026年第一季度/ })
      .first()
      .click();
    await page.getByTestId("chase-board-link").click();
    await navigated(page, /\/reports\/cycles\/2026Q1\/chase$/);
    // Who is late, in words: 市水务局's report is pending, overdue and not signed for.
    const row = waterRow(page);
    expect(await row.textContent()).toMatch(/待报送.*逾期.*未签收/);
    expect(await page.getByTestId("board-summary").textContent()).toBe("共3项，未办结1项，逾期1项，未签收1项");
    await app.shot(page, "chase-1-board");

    await submit(page, /^催报 · 市水务局$/);
    expect(await page.getByRole("status").first().textContent()).toMatch(/^已催报：市水务局 · 2\.1 .+（发出邮件1封）$/);
    const mail = smtp.received.find((m) => m.to === "water@daqing.example");
    expect(mail?.subject).toMatch(/^【催报】2026年第一季度 · 2\.1 /);
    expect(mail?.text).toContain("/reports/report-2026Q1-2.1-water");
    // Chased once this working day: a second click is refused in words, and nothing more is sent.
    await submit(page, /^催报 · 市水务局$/);
    expect(await page.getByRole("alert").textContent()).toMatch(
      /^本工作日（\d{4}-\d\d-\d\d）已催报过.+下一次可在\d{4}-\d\d-\d\d（下一个工作日）催报$/,
    );
    expect(smtp.received.filter((m) => m.to === "water@daqing.example")).toHaveLength(1);
    await app.shot(page, "chase-2-refused-second");

    // The department: its count in the header, then the workspace, then 签收.
    const water = await as("water@daqing.example");
    const count = water.page.getByTestId("waiting-count");
    expect(await count.getAttribute("aria-label")).toBe("待办 1 项，打开工作台");
    expect(await count.textContent()).toBe("待办 1");
    await count.click();
    await navigated(water.page, /\/workspace/);
    await submit(water.page, "签收");
    expect(await water.page.getByTestId("signed-for").textContent()).toMatch(/^已签收 \d{4}-\d\d-\d\d \d\d:\d\d$/);
    await app.shot(water.page, "chase-3-signed-for");

    await page.reload();
    expect(await waterRow(page).textContent()).not.toContain("未签收");
    expect(await page.getByTestId("board-summary").textContent()).toBe("共3项，未办结1项，逾期1项，未签收0项");
    await Promise.all([steering.context.close(), water.context.close()]);
  });
});
