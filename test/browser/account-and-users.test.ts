// The account pages as people use them: the steering group changes a user's unit and deactivates a user at
// /admin/users with JavaScript off (plain form posts), and the user's open browser is signed out at once; a user
// changes their password at /account and stays signed in only in the browser they used.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { PASSWORD, startApp, type App } from "./support/app";
import { settled } from "./support/navigation";

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

async function signedIn(page: Page): Promise<boolean> {
  await page.goto("/plan");
  return (await page.getByTestId("signed-in-user").count()) === 1;
}

describe("user administration without JavaScript", () => {
  it("changes a user's unit and deactivates a user; their open sessions end", async () => {
    const finance = await app.newPage();
    await app.signIn(finance.page, "finance@daqing.example");
    const water = await app.newPage();
    await app.signIn(water.page, "water@daqing.example");

    const context = await app.browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: false, locale: "zh-CN" });
    const page = await context.newPage();
    await app.signIn(page, "steering@daqing.example");
    await page.goto("/admin/users");

    const waterRow = page.locator("tbody tr", { hasText: "water@daqing.example" });
    await waterRow.getByLabel(/所属单位/).selectOption("department:land");
    await waterRow.getByRole("button", { name: "保存" }).click();
    await page.getByRole("status").filter({ hasText: "water@daqing.example" }).waitFor();
    expect(
      (await app.db.user.findUniqueOrThrow({ where: { email: "water@daqing.example" }, include: { department: true } }))
        .department?.code,
    ).toBe("land");

    const financeRow = page.locator("tbody tr", { hasText: "finance@daqing.example" });
    await financeRow.getByRole("button", { name: "停用" }).click();
    await page.locator("tbody tr", { hasText: "finance@daqing.example" }).getByText("已停用").waitFor();
    await app.shot(page, "admin-users-deactivated");

    expect(await signedIn(water.page)).toBe(false);
    expect(await signedIn(finance.page)).toBe(false);
    await finance.page.goto("/login");
    await finance.page.getByLabel("电子邮箱").fill("finance@daqing.example");
    await finance.page.getByLabel("密码").fill(PASSWORD);
    await finance.page.getByRole("button", { name: "登录" }).click();
    await finance.page.waitForSelector("[role=alert]:has-text('邮箱或密码不正确')");

    // The steering group cannot lock itself out.
    const selfRow = page.locator("tbody tr", { hasText: "steering@daqing.example" });
    await selfRow.getByRole("button", { name: "停用" }).click();
    await page.getByRole("alert").filter({ hasText: "不能更改自己" }).waitFor();
    expect((await app.db.user.findUniqueOrThrow({ where: { email: "steering@daqing.example" } })).active).toBe(true);

    await page.locator("tbody tr", { hasText: "finance@daqing.example" }).getByRole("button", { name: "恢复" }).click();
    await page.locator("tbody tr", { hasText: "finance@daqing.example" }).getByText("正常").waitFor();
    for (const c of [finance.context, water.context, context]) await c.close();
  });
});

describe("changing one's password", () => {
  it("refuses a mismatch, then changes it and signs out the user's other browsers", async () => {
    const other = await app.newPage();
    await app.signIn(other.page, "zhaozhou@daqing.example");
    const { page, context } = await app.newPage();
    await app.signIn(page, "zhaozhou@daqing.example");
    await Promise.all([page.waitForURL("**/account"), page.getByRole("link", { name: "我的账号" }).click()]);
    await settled(page);

    await page.getByLabel("当前密码").fill(PASSWORD);
    await page.getByLabel(/^新密码/).fill("zhaozhou-new-secret");
    await page.getByLabel("再次输入新密码").fill("zhaozhou-other-secret");
    await page.getByRole("button", { name: "修改密码" }).click();
    await page.getByRole("alert").filter({ hasText: "两次输入的新密码不一致" }).waitFor();

    await page.getByLabel("当前密码").fill(PASSWORD);
    await page.getByLabel(/^新密码/).fill("zhaozhou-new-secret");
    await page.getByLabel("再次输入新密码").fill("zhaozhou-new-secret");
    await Promise.all([page.waitForURL(/changed=1/), page.getByRole("button", { name: "修改密码" }).click()]);
    await settled(page);
    await page.getByRole("status").filter({ hasText: "密码已修改" }).waitFor();
    await app.shot(page, "account-password-changed");

    expect(await signedIn(page)).toBe(true);
    expect(await signedIn(other.page)).toBe(false);
    await context.close();
    await other.context.close();
  });
});
