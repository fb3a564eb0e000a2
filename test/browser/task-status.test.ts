// A task's status as people read it in real Chromium: 方案总览 and the task page show the status derived from the
// facts with its reasons, never 正常推进 beside a 2020 target past due and unmet; the steering group overrides it with a
// reason on the task page with JavaScript off (a plain form post), the public then reads the override beside the
// derived status, and the override is withdrawn (docs/decisions/014-task-status-from-facts.md).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startApp, type App } from "./support/app";
import { settled } from "./support/navigation";

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const REASON = "林甸县空气自动站已建成，待验收后录入站点名录";
const row = (page: Page, code: string) => page.locator(`tr[data-task="${code}"]`);
const summary = (page: Page) => page.locator("#task-status-why [data-testid=task-status-summary]");

describe("task status on the pages", () => {
  it("the public reads the derived status and its reasons on 方案总览 and the task page", async () => {
    const { page, context } = await app.newPage();
    await page.goto("/plan");
    const r11 = row(page, "1.1").getByTestId("task-status-summary");
    expect(await r11.getAttribute("data-derived")).toBe("OVERDUE");
    expect(await r11.textContent()).toContain("逾期");
    expect(await r11.textContent()).not.toContain("正常推进");
    expect(await r11.getByTestId("status-reasons").textContent()).toContain(
      "目标“四个县空气质量自动监测站”期限2020-12-31，逾期未达成",
    );
    // A task whose every one-off target is met reads 已完成, with why.
    expect(await row(page, "1.2").getByTestId("task-status-summary").textContent()).toContain("全部1项目标已达成");
    await app.shot(page, "task-status-plan");

    await page.goto("/tasks/1.1");
    expect(await page.getByTestId("task-status").textContent()).toContain("逾期");
    expect(await summary(page).getByTestId("status-reasons").locator("li").count()).toBe(2);
    expect(await page.locator("#override-status").count()).toBe(0);
    await context.close();
  });

  it("the steering group overrides it with a reason without JavaScript; everyone reads both", async () => {
    const context = await app.browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: false, locale: "zh-CN" });
    const page = await context.newPage();
    await app.signIn(page, "steering@daqing.example");
    await page.goto("/tasks/1.1");
    const form = page.locator("#override-status");
    await form.getByLabel("调整为").selectOption("ON_TRACK");
    await form.getByLabel("原因").fill(REASON);
    await Promise.all([page.waitForURL(/\/tasks\/1\.1/), form.getByRole("button", { name: "保存调整" }).click()]);
    await settled(page);
    const line = summary(page).getByTestId("status-override");
    await line.waitFor();
    expect(await line.textContent()).toContain(`专项小组调整为 ● 正常推进：${REASON}`);
    expect(await summary(page).getAttribute("data-derived")).toBe("OVERDUE");
    expect((await app.db.task.findUniqueOrThrow({ where: { code: "1.1" } })).statusOverrideReason).toBe(REASON);
    await app.shot(page, "task-status-overridden");

    const pub = await app.newPage();
    await pub.page.goto("/plan");
    const r11 = row(pub.page, "1.1").getByTestId("task-status-summary");
    expect(await r11.getAttribute("data-derived")).toBe("OVERDUE");
    expect(await r11.getByTestId("status-override").textContent()).toContain(`正常推进：${REASON}`);
    await pub.page.goto("/tasks/1.1");
    expect(await pub.page.getByTestId("task-status").textContent()).toMatch(/逾期.*专项小组调整为.*正常推进/);
    await pub.context.close();

    await Promise.all([page.waitForURL(/\/tasks\/1\.1/), page.getByRole("button", { name: /撤销调整/ }).click()]);
    await settled(page);
    // Without JavaScript the form posts a whole page to the same URL; the old page is gone once the line is.
    await summary(page).getByTestId("status-override").waitFor({ state: "detached" });
    await page.locator("#override-status").waitFor();
    expect(await summary(page).getByTestId("status-override").count()).toBe(0);
    expect((await app.db.task.findUniqueOrThrow({ where: { code: "1.1" } })).statusOverride).toBeNull();
    await context.close();
  });

  it("reads in English", async () => {
    const { page, context } = await app.newPage();
    await page.goto("/plan?lang=en");
    const r11 = row(page, "1.1").getByTestId("task-status-summary");
    expect(await r11.textContent()).toContain("Overdue");
    expect(await r11.textContent()).toMatch(/was due 2020-12-31 and is not met/);
    await context.close();
  });
});
