// Deadlines on working days in Chromium, reached by clicking: the steering group opens a reporting cycle due on a
// Saturday, is told it moved to the Monday (顺延), clicks through to the cycle and to one report, and sees the deadline
// light in words (正常 / 临期 / 逾期), counted in working days, with the moved date's note.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "./support/app";
import { previousMonthPeriod } from "../../app/utils/time";
import { workCalendar } from "../../app/models/work-calendar.server";
import { addDays } from "../../workflows/common/calendar";
import * as w from "../../workflows/common/working-days";
import { navigated, settled, submitted } from "./support/navigation";
import { auditPage, prepareAudit } from "./support/page-audit";

let app: App;
beforeAll(async () => {
  app = await startApp({ workflows: true });
}, 240_000);
afterAll(async () => {
  await app?.stop();
});

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** The first Saturday at least 10 days ahead: more than 3 working days away, so its light is green. */
function saturdayAhead() {
  let d = addDays(today, 10);
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 6) d = addDays(d, 1);
  return d;
}

describe("a deadline's light", () => {
  it(
    "shows the moved due date and a light in words on the pages reached by clicking",
    { timeout: 180_000 },
    async () => {
      const cal = workCalendar();
      const period = previousMonthPeriod();
      const requested = saturdayAhead();
      const due = w.workingDayOnOrAfter(cal, requested);
      const { page } = await app.newPage();
      await app.signIn(page, "steering@daqing.example");
      await page.getByRole("navigation").getByRole("link", { name: "定期报送" }).click();
      await page.getByLabel("报送期").fill(period);
      await page.getByLabel("期限").fill(requested);
      const posted = page.waitForResponse((r) => r.request().method() === "POST");
      await page.getByRole("button", { name: "启动报送周期", exact: true }).click();
      await posted;
      await settled(page);
      await expect
        .poll(() => page.locator("#open-cycle [role=status]").allTextContents())
        .toContain(`原定${requested}为${w.isHoliday(cal, requested) ? "节假日" : "周末"}，顺延至${due}`);

      // The cycles table: the moved date, its light and its note.
      const row = page.getByTestId("cycles").locator("tr", { hasText: due });
      await expect.poll(() => row.locator("[data-light]").getAttribute("data-light")).toBe("GREEN");
      expect(await row.locator("[data-light]").textContent()).toMatch(/正常（剩\d+个工作日）/);

      // Click through to the cycle, then to a report (the workflow writes the reports a moment after opening).
      await row.getByRole("link").click();
      await settled(page);
      const light = page.locator(".stats [data-light]");
      expect(await light.getAttribute("data-light")).toBe("GREEN");
      expect(await light.textContent()).toContain(`剩${w.workingDaysBetween(cal, today, due)}个工作日`);
      expect(await page.locator(".stats .deadline-note").textContent()).toContain(`顺延至${due}`);
      const reportLink = page.getByTestId("cycle-reports").getByRole("link").first();
      for (let i = 0; i < 40 && !(await reportLink.count()); i++) {
        await page.waitForTimeout(500);
        await page.reload();
      }
      await reportLink.click();
      await settled(page);
      expect(await page.locator(".page-header [data-light]").getAttribute("data-light")).toBe("GREEN");
      expect(await page.getByTestId("waiting-for").locator("[data-light]").first().textContent()).toMatch(
        /^\S*\s*正常/,
      );
      await app.shot(page, "working-days-report-light");
    },
  );

  it(
    "a work plan due on a weekend shows the moved due date, its note and its light on the plan's page",
    { timeout: 180_000 },
    async () => {
      const cal = workCalendar();
      const requested = saturdayAhead();
      const due = w.workingDayOnOrAfter(cal, requested);
      const { page, context } = await app.newPage();
      await prepareAudit(context);
      await app.signIn(page, "steering@daqing.example");
      await page.getByRole("navigation").getByRole("link", { name: "年度工作计划" }).click();
      await navigated(page, /\/work-plans$/);
      const form = page.locator("#open-plan");
      await form.getByLabel("部门").selectOption("forestry");
      await form.getByLabel("年度").fill(requested.slice(0, 4));
      await form.getByLabel("期限").fill(requested);
      await submitted(page, () => form.getByRole("button", { name: "要求部门编制年度工作计划", exact: true }).click());
      const link = page.getByTestId("work-plans").getByRole("link", { name: /市林业局|林业/ });
      for (let i = 0; i < 40 && !(await link.count()); i++) {
        await page.waitForTimeout(500);
        await page.reload();
        await settled(page);
      }
      await link.click();
      await navigated(page, /\/work-plans\/workplan-/);
      const header = page.locator(".page-header");
      expect(await header.locator(".due-date").textContent()).toContain(due);
      expect(await header.locator(".deadline-note").textContent()).toBe(
        `原定${requested}为${w.isHoliday(cal, requested) ? "节假日" : "周末"}，顺延至${due}`,
      );
      expect(await header.locator("[data-light]").getAttribute("data-light")).toBe("GREEN");
      expect(await auditPage(page, context)).toEqual([]);
      await app.shot(page, "working-days-work-plan");
    },
  );
});
