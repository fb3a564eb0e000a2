// The workflow journeys in real Chromium against a real Temporal dev server and the project's worker process:
// a report submitted, returned with a reason, resubmitted and accepted (and refused to another department); an
// annual work plan drafted, saved, submitted and approved; an inspection scheduled, a finding recorded, its
// rectification reported by the unit and verified by the inspector.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startApp, type App } from "./support/app";

let app: App;
beforeAll(async () => {
  app = await startApp({ workflows: true });
}, 240_000);
afterAll(async () => {
  await app?.stop();
});

const day = (plus: number) => new Date(Date.now() + 8 * 3600_000 + plus * 86400_000).toISOString().slice(0, 10);
const as = async (email: string) => {
  const s = await app.newPage();
  await app.signIn(s.page, email);
  return s;
};
/** Reloads until the selector shows up: workflows mirror their state into SQL a moment after they act. */
async function eventually(page: Page, url: string, selector: string, tries = 40) {
  for (let i = 0; i < tries; i++) {
    await page.goto(url);
    if ((await page.locator(selector).count()) > 0) return;
    await page.waitForTimeout(500);
  }
  throw new Error(`${selector} never appeared on ${url}`);
}
/** Clicks a submit button and waits until the post and the reload after it are done (the layout marks <main>
 *  aria-busy while a navigation is under way). */
async function submitIntent(page: Page, name: string) {
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name, exact: true }).click();
  await posted;
  await page.waitForSelector('main[aria-busy="false"]');
}
const statusOf = (page: Page) => page.locator(".page-header [data-status]").first().getAttribute("data-status");

describe("progress report: submit, return with a reason, resubmit, accept", () => {
  it("runs through the pages", { timeout: 180_000 }, async () => {
    const period = "2026Q4";
    const id = `report-${period}-1.4-epb`;
    const steering = await as("steering@daqing.example");
    await steering.page.goto("/reports");
    await steering.page.getByLabel("报送期").fill(period);
    await steering.page.getByLabel("期限").fill(day(14));
    await submitIntent(steering.page, "启动报送周期");
    await eventually(steering.page, `/reports/cycles/${period}`, `a[href="/reports/${id}"]`);
    await app.shot(steering.page, "report-1-cycle-opened");
    // The plan at a glance now shows the task's next deadline.
    await steering.page.goto("/plan");
    expect(await steering.page.getByTestId("deadline-1.4").textContent()).toContain(day(14));

    // Another department cannot submit 市环保局's report: the API's message, nothing changed.
    const water = await as("water@daqing.example");
    await water.page.goto(`/reports/${id}`);
    await water.page.getByLabel("推进落实情况").fill("水务局代为填报");
    await water.page.getByRole("button", { name: "提交", exact: true }).click();
    const refusal = water.page.locator("#submit-report [role=alert]");
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/本部门|牵头|无权/);
    await app.shot(water.page, "report-2-refused-other-department");
    expect((await app.db.progressReport.findUniqueOrThrow({ where: { workflowId: id } })).status).toBe("PENDING");
    await water.context.close();

    const epb = await as("epb@daqing.example");
    // The department's workspace lists the report it owes.
    await epb.page.goto("/workspace");
    expect(await epb.page.locator(`[data-testid=my-reports] a[href="/reports/${id}"]`).count()).toBe(1);
    await app.shot(epb.page, "report-2b-department-workspace");
    await epb.page.goto(`/reports/${id}`);
    // A draft is saved and kept across visits; the report stays open.
    await epb.page.getByLabel("推进落实情况").fill("声环境监测点位布设进行中（草稿）");
    await submitIntent(epb.page, "保存草稿");
    expect(await statusOf(epb.page)).toBe("PENDING");
    await epb.page.goto(`/reports/${id}`);
    expect(await epb.page.getByLabel("推进落实情况").inputValue()).toBe("声环境监测点位布设进行中（草稿）");
    expect(await epb.page.getByTestId("draft-saved").count()).toBe(1);
    const draft = await app.db.progressReport.findUniqueOrThrow({ where: { workflowId: id } });
    expect(draft).toMatchObject({ status: "PENDING", progress: "声环境监测点位布设进行中（草稿）" });
    expect(draft.draftSavedAt).not.toBeNull();
    await app.shot(epb.page, "report-2c-draft-saved");
    await epb.page.getByLabel("推进落实情况").fill("已完成城市区域声环境监测点位布设，监测结果按季度公布。");
    await submitIntent(epb.page, "提交");
    expect(await statusOf(epb.page)).toBe("SUBMITTED");
    await app.shot(epb.page, "report-3-submitted");

    await steering.page.goto(`/reports/${id}`);
    await steering.page.getByLabel(/理由/).fill("请补充各县区点位数量和公布网址。");
    await submitIntent(steering.page, "退回修改");
    expect(await statusOf(steering.page)).toBe("RETURNED");

    await epb.page.goto(`/reports/${id}`);
    expect(await epb.page.getByTestId("return-reason").textContent()).toContain("请补充各县区点位数量和公布网址");
    await app.shot(epb.page, "report-4-returned");
    await epb.page.getByLabel("推进落实情况").fill("已完成声环境监测点位布设（各县区共 14 个），结果在市环保局网站按季度公布。");
    await submitIntent(epb.page, "提交");
    expect(await statusOf(epb.page)).toBe("SUBMITTED");

    await steering.page.goto(`/reports/${id}`);
    await submitIntent(steering.page, "采纳");
    expect(await statusOf(steering.page)).toBe("ACCEPTED");
    await app.shot(steering.page, "report-5-accepted");
    const row = await app.db.progressReport.findUniqueOrThrow({ where: { workflowId: id } });
    expect(row.status).toBe("ACCEPTED");
    expect(row.returnCount).toBe(1);
    await epb.context.close();
    await steering.context.close();
  });
});

describe("annual work plan: draft, save, submit, approve", () => {
  it("runs through the pages", { timeout: 180_000 }, async () => {
    const year = Number(day(0).slice(0, 4)) + 1;
    const id = `workplan-${year}-epb`;
    const steering = await as("steering@daqing.example");
    await steering.page.goto("/work-plans");
    await steering.page.getByLabel("部门", { exact: true }).selectOption("epb");
    await steering.page.locator("input[name=year]").fill(String(year));
    await steering.page.locator("input[name=dueDate]").fill(day(30));
    await submitIntent(steering.page, "要求部门编制年度工作计划");
    await eventually(steering.page, "/work-plans", `a[href="/work-plans/${id}"]`);

    const epb = await as("epb@daqing.example");
    await epb.page.goto(`/work-plans/${id}`);
    await epb.page.getByLabel("任务 1", { exact: true }).fill("1.1");
    await epb.page.getByLabel("工作内容 1", { exact: true }).fill("建成四个县空气质量自动监测站");
    await epb.page.getByLabel("责任单位 1", { exact: true }).fill("市环境监测中心站");
    await epb.page.getByLabel("期限 1", { exact: true }).fill(`${year}-06-30`);
    await epb.page.getByLabel("衡量指标 1", { exact: true }).fill("4个站联网运行");
    await submitIntent(epb.page, "保存草稿");
    expect(await epb.page.getByLabel("工作内容 1", { exact: true }).inputValue()).toBe("建成四个县空气质量自动监测站");
    await app.shot(epb.page, "workplan-1-draft-saved");
    await submitIntent(epb.page, "提交");
    expect(await statusOf(epb.page)).toBe("SUBMITTED");

    await steering.page.goto(`/work-plans/${id}`);
    await submitIntent(steering.page, "批准");
    expect(await statusOf(steering.page)).toBe("APPROVED");
    await app.shot(steering.page, "workplan-2-approved");
    expect((await app.db.annualWorkPlan.findUniqueOrThrow({ where: { workflowId: id } })).status).toBe("APPROVED");
    // Every notice went to the outbox, which the steering group reads in the app.
    await steering.page.goto("/admin/outbox?toEmail=epb%40daqing.example");
    const sent = await app.db.outboxMessage.count({ where: { toEmail: "epb@daqing.example" } });
    expect(sent).toBeGreaterThan(0);
    expect(await steering.page.locator("[data-testid=outbox] tbody tr").count()).toBe(Math.min(sent, 200));
    await app.shot(steering.page, "outbox");
    await epb.context.close();
    await steering.context.close();
  });
});

describe("inspection: schedule, finding, rectification, verification", () => {
  it("runs through the pages", { timeout: 180_000 }, async () => {
    const id = `inspection-${day(0)}-epb`;
    const inspector = await as("inspector@daqing.example");
    await inspector.page.goto("/inspections");
    await inspector.page.getByLabel("标题").fill("空气自动站运维专项督导");
    await inspector.page.getByLabel("被检查单位").selectOption("dept:epb");
    await inspector.page.getByLabel(/检查涉及任务/).fill("1.1");
    await inspector.page.getByLabel(/^日期/).fill(day(0));
    await submitIntent(inspector.page, "安排检查");
    await eventually(inspector.page, `/inspections/${id}`, "#add-finding");
    await inspector.page.getByLabel("严重程度").selectOption("HIGH");
    await inspector.page.getByLabel("问题描述").fill("林甸县空气自动站数据传输率低于90%");
    await inspector.page.getByLabel("整改期限").fill(day(20));
    await submitIntent(inspector.page, "记录问题");
    await submitIntent(inspector.page, "结束现场检查");
    await app.shot(inspector.page, "inspection-1-finding-recorded");

    const epb = await as("epb@daqing.example");
    await epb.page.goto(`/inspections/${id}`);
    await epb.page.getByLabel("整改情况 #1").fill("更换传输模块，数据传输率恢复至99%");
    await submitIntent(epb.page, "报告整改");
    expect(await epb.page.locator("[data-testid=findings] [data-status]").first().getAttribute("data-status")).toBe("RECTIFICATION_REPORTED");
    await app.shot(epb.page, "inspection-2-rectification-reported");

    await inspector.page.goto(`/inspections/${id}`);
    await submitIntent(inspector.page, "确认整改有效");
    await eventually(inspector.page, `/inspections/${id}`, '.page-header [data-status="CLOSED"]');
    await app.shot(inspector.page, "inspection-3-verified-closed");
    const finding = await app.db.inspectionFinding.findFirstOrThrow({ where: { inspection: { workflowId: id } } });
    expect(finding.status).toBe("CLOSED");
    await epb.context.close();
    await inspector.context.close();
  });
});

describe("linkage case: opened from an alert, answered, result recorded, closed; the public figures follow", () => {
  it("runs through the pages", { timeout: 180_000 }, async () => {
    const epb = await as("epb@daqing.example");
    await epb.page.goto("/linkage");
    const button = epb.page.locator("[data-testid=open-alerts] button").first();
    const alertId = Number((await button.textContent())!.split("#").pop());
    const id = `linkage-alert-${alertId}`;
    await submitIntent(epb.page, (await button.textContent())!);
    await eventually(epb.page, `/linkage/${id}`, "#respond");
    await epb.page.getByLabel("说明").fill("已安排执法人员赴现场");
    await submitIntent(epb.page, "响应");
    await eventually(epb.page, `/linkage/${id}`, "#result");
    await epb.page.getByLabel("发现违法").check();
    await epb.page.getByLabel("操作").fill("责令停产整治，立案处罚");
    await submitIntent(epb.page, "保存");
    await eventually(epb.page, `/linkage/${id}`, "#close");
    await epb.page.getByLabel("说明").fill("整治完成，复测达标");
    await submitIntent(epb.page, "结案");
    await eventually(epb.page, `/linkage/${id}`, '.page-header [data-status="CLOSED"]');
    await app.shot(epb.page, "linkage-1-case-closed");
    await epb.context.close();

    // The public dashboard counts the case, as the database does.
    const { page, context } = await app.newPage();
    await page.goto("/");
    const [row] = await app.db.$queryRawUnsafe<{ opened: bigint; violations: bigint }[]>(`SELECT COUNT(*) AS opened, SUM(CASE WHEN violationFound = 1 THEN 1 ELSE 0 END) AS violations FROM LinkageCase`);
    expect(Number(await page.getByTestId("cases-opened").textContent())).toBe(Number(row.opened));
    expect(Number(await page.getByTestId("cases-violations").textContent())).toBe(Number(row.violations));
    expect(await page.getByTestId("cases-on-time").textContent()).toBe("100%");
    await app.shot(page, "linkage-2-dashboard");
    await context.close();
  });
});
