// Two journeys of issue 11's part E, by clicking: a signed-in user types a phrase of a report's text in the header's
// search box and opens the report from the results; the steering group pages the open alerts of 测管联动 with 下一页
// and 上一页, the page saying which rows it shows of how many. The pages pass axe-core and html-validate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "./support/app";
import { auditPage, prepareAudit } from "./support/page-audit";
import { navigated } from "./support/navigation";

let app: App;
const PHRASE = "龙凤湿地水质自动站联网验收";
beforeAll(async () => {
  app = await startApp();
  const epb = await app.db.department.findUniqueOrThrow({ where: { code: "epb" } });
  const task = await app.db.task.findFirstOrThrow({ where: { assignments: { some: { departmentId: epb.id } } } });
  const cycle = await app.db.reportingCycle.create({
    data: {
      workflowId: "cycle-2020Q1",
      period: "2020Q1",
      dueDate: new Date("2020-03-31T16:00:00Z"),
      status: "OPEN",
      openedAt: new Date("2020-01-01T00:00:00Z"),
    },
  });
  // A submitted report as a submission leaves it: its text is also its first version, which the report page shows.
  const progress = `本季度完成了${PHRASE}，数据已接入省平台。`;
  await app.db.progressReport.create({
    data: {
      workflowId: `report-2020Q1-${task.code}-epb`,
      cycleId: cycle.id,
      taskId: task.id,
      departmentId: epb.id,
      status: "SUBMITTED",
      progress,
      version: 1,
      versions: {
        create: { version: 1, progress, taskStatus: "ON_TRACK", submittedAt: new Date("2020-03-30T02:00:00Z") },
      },
    },
  });
});
afterAll(async () => {
  await app?.stop();
});

describe("search", () => {
  it("finds a report by a phrase of its text from the header's search box, and opens it", async () => {
    const { page, context } = await app.newPage();
    await prepareAudit(context);
    await app.signIn(page, "epb@daqing.example");
    await page.getByRole("searchbox", { name: "查找任务、报告、站点、问题和案件" }).fill("湿地水质自动站");
    await page.getByRole("button", { name: "查找" }).click();
    await navigated(page, /\/search\?q=/);
    const hits = page.getByTestId("search-hits");
    await hits.waitFor();
    expect(await hits.textContent()).toContain("湿地水质自动站");
    expect(await auditPage(page, context)).toEqual([]);
    await app.shot(page, "search-results");
    await hits.getByRole("link", { name: /2020年第一季度/ }).click();
    await navigated(page, /\/reports\/report-2020Q1-/);
    // Read the report page, not the results still on screen while it renders (the results quote the phrase too).
    await page.getByTestId("report-progress").waitFor();
    expect(await page.getByTestId("report-progress").textContent()).toContain(PHRASE);
    await context.close();
  });
});

describe("paging", () => {
  it("pages the open alerts of 测管联动 with 下一页 and 上一页", async () => {
    const open = await app.db.alert.count({ where: { status: "OPEN" } });
    expect(open).toBeGreaterThan(20);
    const { page, context } = await app.newPage();
    await prepareAudit(context);
    await app.signIn(page, "steering@daqing.example");
    await page.getByRole("link", { name: "测管联动" }).click();
    await navigated(page, /\/linkage$/);
    const section = page.locator("#open-alerts");
    const range = section.getByTestId("page-range");
    expect(await range.textContent()).toBe(`第1–20条，共${open}条`);
    const firstPage = await section.locator("tbody tr").allTextContents();
    await section.getByRole("link", { name: /下一页/ }).click();
    await navigated(page, /after=/);
    expect(await range.textContent()).toBe(`第21–${Math.min(40, open)}条，共${open}条`);
    const secondPage = await section.locator("tbody tr").allTextContents();
    expect(secondPage.some((row) => firstPage.includes(row))).toBe(false);
    expect(await auditPage(page, context)).toEqual([]);
    await app.shot(page, "linkage-alerts-page-2");
    await section.getByRole("link", { name: /上一页/ }).click();
    await navigated(page, /before=/);
    expect(await range.textContent()).toBe(`第1–20条，共${open}条`);
    expect(await section.locator("tbody tr").allTextContents()).toEqual(firstPage);
    await context.close();
  });
});
