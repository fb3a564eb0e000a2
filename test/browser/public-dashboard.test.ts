// The public release page 信息统一发布 in real Chromium: reachable without signing in, figures that match the
// database, drill-down from an area to its stations and alerts, CSV export, nothing private, no client JavaScript.
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

const PERIOD = { from: "2025-12", to: "2026-11" };
const FROM = "2025-11-30T16:00:00+00:00"; // 2025-12-01 00:00 in Asia/Shanghai, as the adapter stores it
const TO = "2026-11-30T16:00:00+00:00"; // 2026-12-01 00:00 in Asia/Shanghai

async function dbCoverage() {
  const rows = await app.db.$queryRawUnsafe<{ code: string; element: string; active: bigint; automatic: bigint }[]>(
    `SELECT a.code AS code, s.element AS element,
            SUM(CASE WHEN s.status = 'ACTIVE' THEN 1 ELSE 0 END) AS active,
            SUM(CASE WHEN s.status = 'ACTIVE' AND s.mode = 'AUTOMATIC' THEN 1 ELSE 0 END) AS automatic
       FROM Station s JOIN Area a ON a.id = s.areaId WHERE a.cityCode = '2306' GROUP BY a.code, s.element`,
  );
  return new Map(
    rows.map((r) => [`${r.code}:${r.element}`, { active: Number(r.active), automatic: Number(r.automatic) }]),
  );
}

describe("public dashboard", () => {
  it("shows coverage and linkage figures that match the database, without signing in", async () => {
    const { page, context } = await app.newPage();
    const res = await page.goto(`/?from=${PERIOD.from}&to=${PERIOD.to}`);
    expect(res?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("信息统一发布");

    // Every cell of the area × element matrix against a GROUP BY on the registry.
    const expected = await dbCoverage();
    const cells = await page.$$eval("[data-testid=coverage-matrix] tr[data-area] td[data-element]", (tds) =>
      tds.map((td) => ({
        area: td.closest("tr")!.getAttribute("data-area")!,
        element: td.getAttribute("data-element")!,
        stations: Number(td.getAttribute("data-stations")),
        status: td.getAttribute("data-status"),
      })),
    );
    expect(cells.length).toBe(11 * 9);
    for (const c of cells)
      expect(c.stations, `${c.area} ${c.element}`).toBe(expected.get(`${c.area}:${c.element}`)?.active ?? 0);
    const totalActive = [...expected.values()].reduce((n, v) => n + v.active, 0);
    const totalAuto = [...expected.values()].reduce((n, v) => n + v.automatic, 0);
    expect(Number(await page.getByTestId("total-stations").textContent())).toBe(totalActive);
    expect(Number(await page.getByTestId("total-automatic").textContent())).toBe(totalAuto);
    expect(await page.getByTestId("automatic-share").textContent()).toBe(
      `${Math.round((totalAuto / totalActive) * 1000) / 10}%`,
    );
    // The seed's deliberate gaps: 林甸县's automatic air station is only planned (at risk), 杜尔伯特 has no soil point.
    expect(cells.find((c) => c.area === "230623" && c.element === "AIR")?.status).toBe("AT_RISK");
    expect(cells.find((c) => c.area === "230624" && c.element === "SOIL")?.status).toBe("NOT_MET");

    // The linkage loop over the same period, against the alerts table.
    const byStatus = await app.db.$queryRawUnsafe<{ status: string; n: bigint }[]>(
      `SELECT status, COUNT(*) AS n FROM Alert WHERE occurredAt >= ? AND occurredAt < ? GROUP BY status`,
      FROM,
      TO,
    );
    const n = (s?: string) => byStatus.filter((r) => !s || r.status === s).reduce((a, r) => a + Number(r.n), 0);
    expect(Number(await page.getByTestId("alerts-total").textContent())).toBe(n());
    expect(Number(await page.getByTestId("alerts-open").textContent())).toBe(n("OPEN"));
    expect(Number(await page.getByTestId("alerts-closed").textContent())).toBe(n("CLOSED"));
    const months = await page.$$eval("[data-testid=alert-trend] tbody tr", (trs) =>
      trs.map((tr) => [tr.querySelector("th")!.textContent, Number(tr.querySelectorAll("td")[0].textContent)] as const),
    );
    expect(months.reduce((a, [, v]) => a + v, 0)).toBe(n());

    // Chart and map are server-rendered SVG; the page needs no JavaScript.
    expect(await page.locator("[data-testid=coverage-map] svg path").count()).toBeGreaterThan(5);
    expect(await page.locator("[data-testid=stations-chart] svg").count()).toBe(1);
    expect(await page.locator("script").count()).toBe(0);
    await app.shot(page, "dashboard-public");

    // Nothing private: no user data, no history, no administration link.
    const html = await page.content();
    expect(html).not.toMatch(/@daqing\.example/);
    expect(await page.locator('a[href="/admin/users"]').count()).toBe(0);
    await context.close();
  });

  it("says a rate has no cases rather than showing 0 of 0 as a percentage, on the page and in the CSV", async () => {
    const { page, context } = await app.newPage();
    const empty = "from=2018-01&to=2018-02";
    expect(await app.db.alert.count({ where: { occurredAt: { lt: new Date("2018-03-01T00:00:00+08:00") } } })).toBe(0);
    await page.goto(`/?${empty}`);
    expect(await page.getByTestId("cases-on-time").textContent()).toBe("暂无案件");
    expect(await page.getByTestId("alerts-closed-share").textContent()).toBe("暂无报警");
    await page.goto(`/?${empty}&lang=en`);
    expect(await page.getByTestId("cases-on-time").textContent()).toBe("No cases yet");
    const csv = await page.request.get(`/export/linkage-cases.csv?${empty}`);
    expect(await csv.text()).toContain("Answered within deadline,No cases yet");
    await context.close();
  });

  it("drills down from an area to its stations and alerts", async () => {
    const { page, context } = await app.newPage();
    await page.goto("/");
    await Promise.all([
      page.waitForURL(/\/areas\/230623/),
      page.locator("[data-testid=coverage-matrix] a", { hasText: "林甸县" }).click(),
    ]);
    await settled(page);
    const [stations] = await app.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT COUNT(*) AS n FROM Station WHERE areaId = (SELECT id FROM Area WHERE code = '230623')`,
    );
    const [alerts] = await app.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT COUNT(*) AS n FROM Alert WHERE areaId = (SELECT id FROM Area WHERE code = '230623')`,
    );
    expect(Number(await page.getByTestId("area-stations-total").textContent())).toBe(Number(stations.n));
    expect(Number(await page.getByTestId("area-alerts-total").textContent())).toBe(Number(alerts.n));
    expect(await page.locator("[data-testid=stations] tbody tr").count()).toBe(Math.min(25, Number(stations.n)));
    await app.shot(page, "dashboard-drilldown-linxian");

    // Filter the area's alerts to the open ones.
    await page.getByLabel("报警 · 状态").selectOption("OPEN");
    await Promise.all([page.waitForURL(/alertStatus=OPEN/), page.getByRole("button", { name: "筛选" }).click()]);
    await settled(page);
    const [open] = await app.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT COUNT(*) AS n FROM Alert WHERE status = 'OPEN' AND areaId = (SELECT id FROM Area WHERE code = '230623')`,
    );
    // With JavaScript the form navigates on the client; wait for the new figures to render.
    await expect
      .poll(async () => Number(await page.getByTestId("area-alerts-total").textContent()))
      .toBe(Number(open.n));

    // Each table exports as CSV.
    const csv = await page.request.get("/export/stations.csv?areaCode=230623");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).trim().split("\r\n").length).toBe(Number(stations.n) + 1);
    const coverage = await page.request.get("/export/coverage.csv");
    expect((await coverage.text()).trim().split("\r\n").length).toBe(11 * 9 + 1);
    await context.close();
  });

  it("keeps private pages and data behind sign-in", async () => {
    const { page, context } = await app.newPage();
    const users = await page.goto("/admin/users");
    expect(users?.status()).toBe(401);
    expect(await page.getByRole("alert").textContent()).toContain("请先登录");
    expect((await page.request.get("/export/users.csv")).status()).toBe(401);
    await page.goto("/tasks/1.1");
    expect(await page.getByText("登录后可查看变更记录").count()).toBe(1);
    expect(await page.getByTestId("change-history").count()).toBe(0);
    await app.shot(page, "task-public");
    await context.close();
  });

  it("switches to English and back", async () => {
    const { page, context } = await app.newPage();
    await page.goto("/plan");
    await Promise.all([page.waitForURL(/\/plan/), page.getByRole("button", { name: "English" }).click()]);
    await settled(page);
    await page.waitForSelector("h1:has-text('The plan at a glance')");
    await page.goto("/");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Public release");
    await app.shot(page, "dashboard-english");
    await page.getByRole("button", { name: "中文" }).click();
    await page.waitForSelector("h1:has-text('信息统一发布')");
    await context.close();
  });
});
