// Issue 11's lists, by clicking: the steering group opens 年度工作计划 from the header, narrows it to one department
// with the GET filter form, pages forward and back with 下一页 / 上一页 (the filter kept in the URL), and clears the
// filters; a URL with a cursor that is not one and filter values that are not valid shows the list's first page with a
// bilingual notice for each, never the error page. A department opens its workspace from the header's 待办 link and
// pages and filters what waits for it the same way. The pages pass axe-core and html-validate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "./support/app";
import { auditPage, prepareAudit } from "./support/page-audit";
import { navigated, settled } from "./support/navigation";

let app: App;
const PLANS = 27;
const WAITING = 23;
beforeAll(async () => {
  app = await startApp();
  const epb = await app.db.department.findUniqueOrThrow({ where: { code: "epb" } });
  // Plans of years no seed uses, each due on its own day of 2001, created out of date order.
  for (let i = 0; i < PLANS; i++)
    await app.db.annualWorkPlan.create({
      data: {
        workflowId: `workplan-${1900 + i}-epb`,
        departmentId: epb.id,
        year: 1900 + i,
        dueDate: new Date(Date.UTC(2001, 0, 1 + ((i * 5) % PLANS), 4)),
        status: "DRAFTING",
        openedAt: new Date("2000-12-01T00:00:00Z"),
      },
    });
  // What waits for the water department: inspections' rectifications due in 2001, created out of date order.
  await app.db.waitingItem.createMany({
    data: Array.from({ length: WAITING }, (_, i) => ({
      workflowId: `inspection-t-${i}`,
      process: "INSPECTION",
      what: `RECTIFY:${i}`,
      who: "dept:water",
      zh: "整改",
      en: "Rectify",
      titleZh: `督查${String(i).padStart(2, "0")}`,
      titleEn: `Inspection ${i}`,
      deadline: new Date(Date.UTC(2001, 0, 1 + ((i * 7) % WAITING), 4)),
    })),
  });
  // And two reports to submit, one with no deadline (listed last).
  await app.db.waitingItem.createMany({
    data: [new Date(Date.UTC(2001, 5, 1, 4)), null].map((deadline, i) => ({
      workflowId: `report-t-${i}`,
      process: "REPORT",
      what: "SUBMIT_REPORT",
      who: "dept:water",
      zh: "报送",
      en: "Submit",
      titleZh: `报告${i}`,
      titleEn: `Report ${i}`,
      deadline,
    })),
  });
});
afterAll(async () => {
  await app?.stop();
});

describe("a filtered list, a page at a time", () => {
  it("filters 年度工作计划 by department, pages forward and back keeping the filter, and clears it", async () => {
    const epb = await app.db.annualWorkPlan.count({ where: { department: { code: "epb" } } });
    const all = await app.db.annualWorkPlan.count();
    expect(epb).toBeGreaterThan(20);
    const { page, context } = await app.newPage();
    await prepareAudit(context);
    await app.signIn(page, "steering@daqing.example");
    await page.locator('header a[href="/work-plans"]').click();
    await navigated(page, /\/work-plans$/);
    const section = page.locator("#plans");
    const range = section.getByTestId("page-range");
    expect(await range.textContent()).toBe(`第1–${Math.min(20, all)}条，共${all}条`);

    await section.getByLabel("部门").selectOption({ label: "市环保局" });
    await section.getByRole("button", { name: "筛选" }).click();
    await navigated(page, /departmentCode=epb/);
    expect(await range.textContent()).toBe(`第1–20条，共${epb}条`);
    const firstPage = await section.locator("tbody tr").allTextContents();
    expect(firstPage).toHaveLength(20);
    // Soonest due first: the 2001 plans, 1 January first.
    expect(firstPage[0]).toContain("1900");
    expect(await auditPage(page, context)).toEqual([]);
    await app.shot(page, "work-plans-filtered");

    await section.getByRole("link", { name: /下一页/ }).click();
    await navigated(page, (u) => u.searchParams.has("after") && u.searchParams.get("departmentCode") === "epb");
    expect(await range.textContent()).toBe(`第21–${Math.min(40, epb)}条，共${epb}条`);
    const secondPage = await section.locator("tbody tr").allTextContents();
    expect(secondPage.some((row) => firstPage.includes(row))).toBe(false);
    expect(await section.getByLabel("部门").inputValue()).toBe("epb");

    await section.getByRole("link", { name: /上一页/ }).click();
    await navigated(page, (u) => u.searchParams.has("before") && u.searchParams.get("departmentCode") === "epb");
    expect(await range.textContent()).toBe(`第1–20条，共${epb}条`);
    expect(await section.locator("tbody tr").allTextContents()).toEqual(firstPage);

    await section.getByRole("link", { name: "清除筛选" }).click();
    await navigated(page, (u) => u.pathname === "/work-plans" && u.search === "");
    expect(await range.textContent()).toBe(`第1–${Math.min(20, all)}条，共${all}条`);
    await context.close();
  });

  it("shows the first page with a notice in both languages for a bad cursor and bad filter values", async () => {
    const { page, context } = await app.newPage();
    await prepareAudit(context);
    await app.signIn(page, "steering@daqing.example");
    const res = await page.goto("/work-plans?after=garbage&status=NOPE&dueFrom=2026-13-40");
    await settled(page);
    expect(res?.status()).toBe(200);
    const notices = await page.locator("#plans .notice-error").allTextContents();
    expect(notices).toEqual([
      "筛选条件“状态”的值“NOPE”无效，已忽略",
      "筛选条件“截止日期自”的值“2026-13-40”无效，已忽略",
      "分页游标无效：请使用上一页结果中的 endCursor（已显示第一页）",
    ]);
    expect(await page.locator("#plans").getByTestId("page-range").textContent()).toMatch(/^第1–20条/);
    expect(await auditPage(page, context)).toEqual([]);
    await page.goto("/inspections?after=R1BDOk46OTk5OTk5&lang=en");
    await settled(page);
    expect(await page.locator("#list .notice-error").allTextContents()).toEqual([
      "The page position is stale: the cursor's row is no longer in this list (deleted, or outside these filters); start again from the first page (showing the first page)",
    ]);
    expect(await page.locator("#list").getByTestId("inspection-list").count()).toBe(1);
    await context.close();
  });

  it("pages and filters the workspace a department opens from the header's 待办 link", async () => {
    const all = await app.db.waitingItem.count({ where: { who: { in: ["dept:water", "role:DEPARTMENT_MEMBER"] } } });
    const inspections = await app.db.waitingItem.count({
      where: { who: { in: ["dept:water", "role:DEPARTMENT_MEMBER"] }, process: "INSPECTION" },
    });
    expect(all).toBeGreaterThan(inspections);
    const { page, context } = await app.newPage();
    await prepareAudit(context);
    await app.signIn(page, "water@daqing.example");
    await page.getByTestId("waiting-count").click();
    await navigated(page, /\/workspace/);
    const mine = page.locator("#waiting-mine");
    const range = mine.getByTestId("page-range");
    expect(await range.textContent()).toBe(`第1–20条，共${all}条`);

    await page.getByLabel("流程").selectOption({ label: "专项督导检查" });
    await page.getByRole("button", { name: "筛选" }).click();
    await navigated(page, /process=INSPECTION/);
    expect(await range.textContent()).toBe(`第1–20条，共${inspections}条`);
    const firstPage = await mine.locator("tbody tr").allTextContents();
    // Soonest deadline first: the 2001 rectifications, 1 January first.
    expect(firstPage[0]).toContain("督查00");
    expect(await auditPage(page, context)).toEqual([]);

    await mine.getByRole("link", { name: /下一页/ }).click();
    await navigated(page, (u) => u.searchParams.has("after") && u.searchParams.get("process") === "INSPECTION");
    expect(await range.textContent()).toBe(`第21–${inspections}条，共${inspections}条`);
    const secondPage = await mine.locator("tbody tr").allTextContents();
    expect(secondPage.some((row) => firstPage.includes(row))).toBe(false);

    await page.getByRole("link", { name: "清除筛选" }).click();
    await navigated(page, (u) => u.pathname === "/workspace" && u.search === "");
    expect(await range.textContent()).toBe(`第1–20条，共${all}条`);
    await context.close();
  });
});
