// Signing in and out, navigation by role, and a department member refused when writing for another department:
// the API's own message on the page, nothing changed in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "./support/app";
import { settled } from "./support/navigation";

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("sign-in", () => {
  it("refuses a wrong password and signs in with the right one", async () => {
    const { page, context } = await app.newPage();
    await page.goto("/login");
    await page.getByLabel("电子邮箱").fill("steering@daqing.example");
    await page.getByLabel("密码").fill("wrong-password");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForSelector("[role=alert]:has-text('邮箱或密码不正确')");
    await app.shot(page, "login-refused");
    await app.signIn(page, "steering@daqing.example");
    expect(await page.getByTestId("signed-in-user").textContent()).toContain("专项小组 王组长");
    expect(await page.locator('nav a[href="/admin/users"]').count()).toBe(1);
    await page.goto("/admin/users");
    expect(await page.getByTestId("users").locator("tbody tr").count()).toBeGreaterThanOrEqual(9);
    await app.shot(page, "admin-users");
    await page.getByRole("button", { name: "退出" }).click();
    await page.waitForSelector("a:has-text('登录')");
    expect(await page.getByTestId("signed-in-user").count()).toBe(0);
    await context.close();
  });
});

describe("language preference", () => {
  it("signs a user who prefers English in to English pages", async () => {
    const { page, context } = await app.newPage();
    await app.signIn(page, "steering.en@daqing.example");
    await page.goto("/plan");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("The plan at a glance");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await app.shot(page, "plan-english-user");
    await context.close();
  });
});

describe("writes for another department", () => {
  it("refuses 市水务局 editing a station 市环保局 operates, and lets 市环保局 do it", async () => {
    const code = "DQ-0602-AIR-1";
    const before = await app.db.station.findUniqueOrThrow({ where: { code }, include: { operatorDepartment: true } });
    expect(before.operatorDepartment?.code).toBe("epb");

    const water = await app.newPage();
    await app.signIn(water.page, "water@daqing.example");
    await water.page.goto(`/stations/${code}`);
    await water.page.getByLabel("名称").fill("被水务局改名的站点");
    await water.page.getByRole("button", { name: "保存" }).click();
    const alert = water.page.locator("#edit [role=alert]");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("您只能为本部门提交或修改数据");
    await app.shot(water.page, "refused-other-department");
    expect((await app.db.station.findUniqueOrThrow({ where: { code } })).name).toBe(before.name);
    // Nor may they open the steering group's pages.
    const res = await water.page.goto("/admin/users");
    expect(res?.status()).toBe(403);
    expect(await water.page.getByRole("alert").textContent()).toContain("您无权执行此操作");
    // An item that is not there (or not theirs to read) is a 404 that says so and names it, in the reader's language.
    for (const path of [
      "/reports/report-nope",
      "/inspections/inspection-nope",
      "/linkage/linkage-nope",
      "/work-plans/workplan-nope",
      "/reports/cycles/1999-01",
    ]) {
      const key = path.split("/").pop()!;
      const missing = await water.page.goto(`${path}?lang=zh`);
      expect(missing?.status()).toBe(404);
      expect(await water.page.getByRole("alert").textContent()).toMatch(new RegExp(`未找到\\S*：${key}`));
      await water.page.goto(`${path}?lang=en`);
      expect(await water.page.getByRole("alert").textContent()).toMatch(new RegExp(`not found: ${key}`));
    }
    await water.context.close();

    const epb = await app.newPage();
    await app.signIn(epb.page, "epb@daqing.example");
    await epb.page.goto(`/stations/${code}`);
    await epb.page.getByLabel("名称").fill("萨尔图区空气自动站（更名）");
    await Promise.all([epb.page.waitForURL(/saved=1/), epb.page.getByRole("button", { name: "保存" }).click()]);
    await settled(epb.page);
    expect((await app.db.station.findUniqueOrThrow({ where: { code } })).name).toBe("萨尔图区空气自动站（更名）");
    const history = epb.page.getByTestId("change-history");
    expect(await history.textContent()).toContain("市环保局 李科长 修改了站点");
    expect(await history.textContent()).toContain(`站点名称：${before.name} → 萨尔图区空气自动站（更名）`);
    await app.shot(epb.page, "station-edited-by-operator");
    await epb.context.close();
  });
});
