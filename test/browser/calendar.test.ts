// The calendar as a department uses it, by clicking only: 日历 in the header, the next month by its link, an entry to
// its item; then on the account page a subscription link is made, fetched as a calendar app would (no session) and
// parsed, and revoked, after which the same link is 404. The calendar page passes axe-core and html-validate.
import ical, { type VEvent } from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage, prepareAudit } from "./support/page-audit";
import { startApp, type App } from "./support/app";
import { settled } from "./support/navigation";

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

/** The month after the one the server is in now (Asia/Shanghai), and a day in it. */
const shanghaiToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const [year, month] = shanghaiToday.split("-").map(Number);
const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
const DAY = `${next}-15`;
const WORKFLOW_ID = `inspection-${DAY}-epb`;

/** An inspection of 市环保局 on the 15th of next month, as its workflow mirrors it. */
async function scheduleInspection() {
  const epb = await app.db.department.findUniqueOrThrow({ where: { code: "epb" } });
  const inspector = await app.db.user.findUniqueOrThrow({ where: { email: "inspector@daqing.example" } });
  const unit = { departmentId: epb.id, areaId: null, code: "epb", name: { zh: epb.name, en: epb.nameEn } };
  const title = "空气自动站运维专项督导";
  await app.db.inspection.create({
    data: {
      workflowId: WORKFLOW_ID,
      title,
      inspectorId: inspector.id,
      inspectedDepartmentId: epb.id,
      taskCodes: "1.1",
      scheduledFor: new Date(`${DAY}T00:00:00+08:00`),
      status: "SCHEDULED",
      state: JSON.stringify({
        title,
        inspectorId: inspector.id,
        unit,
        taskCodes: ["1.1"],
        date: DAY,
        recurrence: "NONE",
        repeatUntil: null,
        seriesStart: DAY,
        occurrence: 1,
        leadDays: 3,
        status: "SCHEDULED",
        findings: [],
      }),
    },
  });
}

describe("a department's calendar", () => {
  it("reaches next month's inspection from the header by clicking, and subscribes to the feed", async () => {
    await scheduleInspection();
    const { page, context } = await app.newPage();
    await prepareAudit(context);
    await app.signIn(page, "epb@daqing.example");

    await Promise.all([page.waitForURL("**/calendar"), page.getByRole("link", { name: "日历", exact: true }).click()]);
    await settled(page);
    await page.locator("caption", { hasText: `${year}年${month}月` }).waitFor();
    // Today is marked, for eyes and for screen readers.
    expect(await page.locator("td.is-today [aria-current=date]").count()).toBe(1);
    expect(await page.getByRole("columnheader").allTextContents()).toEqual(["一", "二", "三", "四", "五", "六", "日"]);
    expect(await auditPage(page, context)).toEqual([]);

    await Promise.all([
      page.waitForURL(`**/calendar?month=${next}`),
      page.getByRole("link", { name: /^下个月/ }).click(),
    ]);
    await settled(page);
    const [nextYear, nextMonth] = next.split("-").map(Number);
    await page.locator("caption", { hasText: `${nextYear}年${nextMonth}月` }).waitFor();
    await app.shot(page, "calendar-next-month");
    const entry = page.getByRole("link", { name: "督导检查：空气自动站运维专项督导 · 市环保局" });
    // The entry sits in the 15th's cell, with its light in words.
    expect(await page.locator("td", { has: entry }).locator(".calendar-day").innerText()).toBe("15");
    expect(await page.locator("li", { has: entry }).locator(".calendar-light").innerText()).toBe("（正常）");
    await Promise.all([page.waitForURL(`**/inspections/${WORKFLOW_ID}`), entry.click()]);
    await settled(page);
    await page.getByRole("heading", { level: 1 }).filter({ hasText: "市环保局" }).waitFor();

    await Promise.all([page.waitForURL("**/account"), page.getByRole("link", { name: "我的账号" }).click()]);
    await settled(page);
    await page.getByText("尚未生成订阅链接").waitFor();
    await page.getByRole("button", { name: "生成订阅链接" }).click();
    const link = await page.getByTestId("calendar-feed-url").inputValue();
    expect(link).toMatch(new RegExp(`^${app.baseUrl}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    await app.shot(page, "account-calendar-feed");

    // A calendar app fetches the link without a session.
    const feed = await fetch(link);
    expect(feed.status).toBe(200);
    const events = Object.values(ical.sync.parseICS(await feed.text())).filter(
      (c): c is VEvent => c?.type === "VEVENT",
    );
    const inspection = events.find((e) => e.uid === `${WORKFLOW_ID}@daqing-eco-monitoring`);
    // Its deadline light as of the fetch: next month's 15th is more than 3 working days away.
    expect(inspection?.summary).toBe("督导检查：空气自动站运维专项督导 · 市环保局（正常）");
    expect(inspection?.start.dateOnly).toBe(true);
    const start = inspection!.start;
    expect(`${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, "0")}-${start.getDate()}`).toBe(DAY);
    // The same feed by its query-string form.
    expect((await fetch(link.replace(/\/calendar\/(.*)\.ics$/, "/calendar.ics?token=$1"))).status).toBe(200);

    await page.getByRole("button", { name: "撤销订阅链接" }).click();
    await page.getByRole("status").filter({ hasText: "订阅链接已撤销" }).waitFor();
    expect((await fetch(link)).status).toBe(404);
    await context.close();
  });
});
