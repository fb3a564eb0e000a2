// The workflow journeys in real Chromium against a real Temporal dev server and the project's worker process:
// a report submitted, returned with a reason, resubmitted and accepted (and refused to another department); an
// annual work plan drafted, returned, resubmitted, approved and completed; an inspection scheduled, a finding recorded, its
// rectification reported by the unit and verified by the inspector.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startApp, type App } from "./support/app";
import { previousMonthPeriod } from "../../app/utils/time";
import { occurrenceDate } from "../../workflows/common/calendar";
import { settled } from "./support/navigation";

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
  await settled(page);
}
const statusOf = (page: Page) => page.locator(".page-header [data-status]").first().getAttribute("data-status");

describe("progress report: contributed, submitted with a warning, returned with its text kept, resubmitted with a diff, accepted", () => {
  it("offers each role only its steps, keeps every version, and logs in sentences", { timeout: 180_000 }, async () => {
    const period = previousMonthPeriod(); // ended: a cycle is due after its period ends
    const id = `report-${period}-1.4-epb`;
    const url = `/reports/${id}`;
    const returnReason = "请补充各县区点位数量和公布网址。";
    const steering = await as("steering@daqing.example");
    await steering.page.goto("/reports");
    await steering.page.getByLabel("报送期").fill(period);
    await steering.page.getByLabel("期限").fill(day(14));
    await submitIntent(steering.page, "启动报送周期");
    await eventually(steering.page, `/reports/cycles/${period}`, `a[href="${url}"]`);
    expect(await steering.page.locator("h1").textContent()).toMatch(/^\d{4}年\d{1,2}月推进落实情况报送$/);
    await app.shot(steering.page, "report-1-cycle-opened");
    // The plan at a glance now shows the task's next deadline.
    await steering.page.goto("/plan");
    expect(await steering.page.getByTestId("deadline-1.4").textContent()).toContain(day(14));
    // The report is titled in words; review waits for the submission, and says so; no other form is the group's.
    await steering.page.goto(url);
    expect(await steering.page.locator("h1").textContent()).toMatch(/^\d{4}年\d{1,2}月 · 1\.4 .+ · 市环保局$/);
    expect(await steering.page.getByTestId("unavailable-ACCEPT").textContent()).toBe("报告报送后才能审核");
    expect(await steering.page.locator("#return, #contribute").count()).toBe(0);

    // Another department, neither lead nor supporting, may not even read 市环保局's report under review (README: who
    // reads what): the page says so, offers no form, and nothing changed.
    const water = await as("water@daqing.example");
    await water.page.goto(url);
    const refusal = water.page.locator('.error-page[data-status="403"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/无权查看/);
    expect(await water.page.locator("#submit-report").count()).toBe(0);
    await app.shot(water.page, "report-2-refused-other-department");
    expect((await app.db.progressReport.findUniqueOrThrow({ where: { workflowId: id } })).status).toBe("PENDING");
    await water.context.close();

    // A supporting department sees and fills its own contribution form, and nothing else.
    const finance = await as("finance@daqing.example");
    await finance.page.goto(url);
    expect(await finance.page.locator("#submit-report, #accept, #return").count()).toBe(0);
    await finance.page.getByLabel("本部门配合情况").fill("已安排声环境监测点位建设资金。");
    await submitIntent(finance.page, "提交配合意见");
    expect(await finance.page.getByLabel("本部门配合情况").inputValue()).toBe("已安排声环境监测点位建设资金。");
    expect(await finance.page.locator('[data-testid=supporters] li[data-contributed="true"]').textContent()).toContain(
      "市财政局",
    );
    await app.shot(finance.page, "report-2a-contributed");
    await finance.context.close();

    const epb = await as("epb@daqing.example");
    // The department's workspace lists the report it owes.
    await epb.page.goto("/workspace");
    expect(await epb.page.locator(`[data-testid=waiting-mine] a[href="${url}"]`).count()).toBe(1);
    await app.shot(epb.page, "report-2b-department-workspace");
    await epb.page.goto(url);
    // The lead sees who has and has not contributed, and is warned before the submit button; no review, no input form.
    expect(await epb.page.locator('[data-testid=supporters] li[data-contributed="false"]').count()).toBe(3);
    const warning = await epb.page.getByTestId("warning-SUBMIT").textContent();
    expect(warning).toMatch(/^配合部门.+尚未提供配合情况$/);
    expect(warning).not.toContain("市财政局");
    expect(await epb.page.locator("#accept, #return, #contribute").count()).toBe(0);
    // A draft is saved and kept across visits; the report stays open.
    await epb.page.getByLabel("推进落实情况").fill("声环境监测点位布设进行中（草稿）");
    await submitIntent(epb.page, "保存草稿");
    expect(await statusOf(epb.page)).toBe("PENDING");
    await epb.page.goto(url);
    expect(await epb.page.getByLabel("推进落实情况").inputValue()).toBe("声环境监测点位布设进行中（草稿）");
    expect(await epb.page.getByTestId("draft-saved").count()).toBe(1);
    const draft = await app.db.progressReport.findUniqueOrThrow({ where: { workflowId: id } });
    expect(draft).toMatchObject({ status: "PENDING", progress: "声环境监测点位布设进行中（草稿）" });
    expect(draft.draftSavedAt).not.toBeNull();
    await app.shot(epb.page, "report-2c-draft-saved");
    await epb.page.getByLabel("推进落实情况").fill("已完成城市区域声环境监测点位布设，监测结果按季度公布。");
    await submitIntent(epb.page, "提交");
    expect(await statusOf(epb.page)).toBe("SUBMITTED");
    expect(await epb.page.locator("#submit-report").count()).toBe(0);
    await app.shot(epb.page, "report-3-submitted");

    await steering.page.goto(url);
    await steering.page.getByLabel(/理由/).fill(returnReason);
    await submitIntent(steering.page, "退回修改");
    expect(await statusOf(steering.page)).toBe("RETURNED");

    // After a return the text is not gone: the returned version and its reason are shown, and the form starts from it.
    await epb.page.goto(url);
    expect(await epb.page.getByTestId("return-reason").textContent()).toContain(returnReason);
    expect(await epb.page.locator("#report h2").textContent()).toBe("被退回的版本");
    expect(await epb.page.getByTestId("report-progress").textContent()).toBe(
      "已完成城市区域声环境监测点位布设，监测结果按季度公布。",
    );
    expect(await epb.page.getByLabel("推进落实情况").inputValue()).toBe(
      "已完成城市区域声环境监测点位布设，监测结果按季度公布。",
    );
    await app.shot(epb.page, "report-4-returned");
    await epb.page
      .getByLabel("推进落实情况")
      .fill("已完成城市区域声环境监测点位布设（各县区共14个），监测结果在市环保局网站按季度公布。");
    await submitIntent(epb.page, "提交");
    expect(await statusOf(epb.page)).toBe("SUBMITTED");

    // The reviewer sees what the resubmission changed (marked, not by colour alone) and the returned version.
    await steering.page.goto(url);
    const diff = steering.page.getByTestId("report-diff");
    expect(await diff.locator("ins").allTextContents()).toEqual(["新增：（各县区共14个）", "新增：在市环保局网站"]);
    expect(await diff.locator("del").count()).toBe(0);
    expect(await steering.page.getByTestId("version-1").textContent()).toContain(returnReason);
    await app.shot(steering.page, "report-5-resubmitted-diff");
    await submitIntent(steering.page, "采纳");
    expect(await statusOf(steering.page)).toBe("ACCEPTED");
    expect(await steering.page.locator("#accept, #return, #submit-report, #contribute").count()).toBe(0);
    await app.shot(steering.page, "report-6-accepted");
    const row = await app.db.progressReport.findUniqueOrThrow({
      where: { workflowId: id },
      include: { versions: true },
    });
    expect(row.status).toBe("ACCEPTED");
    expect(row.returnCount).toBe(1);
    expect(row.versions.map((v) => [v.version, v.returnReason])).toEqual([
      [1, returnReason],
      [2, null],
    ]);
    // The activity log reads as sentences, not codes.
    const log = await steering.page.getByTestId("workflow-events").textContent();
    expect(log).toContain("提供了配合情况");
    expect(log).toMatch(/市环保局 .+ 报送了报告（按时，.+未提供配合情况）/);
    expect(log).toContain(`退回了报告：${returnReason}`);
    expect(log).toMatch(/重新报送了报告（按时，第2版/);
    expect(log).toContain("采纳了报告");
    expect(log).not.toMatch(/\b(OPEN|CONTRIBUTE|SAVE_DRAFT|SUBMIT|RETURN|ACCEPT)\b/);
    // English, too.
    await steering.page.goto(`${url}?lang=en`);
    expect(await steering.page.locator("h1").textContent()).toMatch(
      /^\w+ \d{4} · 1\.4 .+ · Environmental Protection Bureau$/,
    );
    await epb.context.close();
    await steering.context.close();
  });
});

describe("annual work plan: drafted, returned with a reason, resubmitted, approved, its milestone reached", () => {
  it(
    "offers each role only its steps, keeps the return's reason, and logs in sentences",
    { timeout: 180_000 },
    async () => {
      const year = Number(day(0).slice(0, 4)) + 1;
      const id = `workplan-${year}-epb`;
      const url = `/work-plans/${id}`;
      const title = `市环保局 ${year}年度工作计划`;
      const reason = "考核指标需量化：写明站点数量和联网率";
      const steering = await as("steering@daqing.example");
      await steering.page.goto("/work-plans");
      await steering.page.locator("#open-plan").getByLabel("部门", { exact: true }).selectOption("epb");
      await steering.page.locator("input[name=year]").fill(String(year));
      await steering.page.locator("input[name=dueDate]").fill(day(30));
      await submitIntent(steering.page, "要求部门编制年度工作计划");
      await eventually(steering.page, "/work-plans", `a[href="${url}"]`);
      expect(await steering.page.locator(`a[href="${url}"]`).textContent()).toBe(title);
      // The steering group reviews; it does not draft. Review waits, and says for what.
      await steering.page.goto(url);
      expect(await steering.page.locator("h1").textContent()).toBe(title);
      expect(await steering.page.getByTestId("unavailable-REVIEW").textContent()).toBe("部门提交计划后才能审核");
      expect(await steering.page.locator("[data-testid=milestone-editor], #review form").count()).toBe(0);
      // Another department may not read a plan before it is approved.
      const water = await as("water@daqing.example");
      await water.page.goto(url);
      await water.page.locator('.error-page[data-status="403"]').waitFor();

      const epb = await as("epb@daqing.example");
      await epb.page.goto(url);
      expect(await epb.page.getByTestId("waiting-for").textContent()).toContain(
        `市环保局编制并提交${year}年度工作计划`,
      );
      // Nothing to submit yet: the page says why and offers no submit button.
      expect(await epb.page.getByTestId("unavailable-SUBMIT").textContent()).toBe("请先保存至少一个工作节点再提交");
      expect(await epb.page.getByRole("button", { name: "提交", exact: true }).count()).toBe(0);
      await epb.page.getByLabel("任务 1", { exact: true }).fill("1.1");
      await epb.page.getByLabel("工作内容 1", { exact: true }).fill("建成四个县空气质量自动监测站");
      await epb.page.getByLabel("责任单位 1", { exact: true }).fill("市环境监测中心站");
      await epb.page.getByLabel("期限 1", { exact: true }).fill(`${year}-06-30`);
      await epb.page.getByLabel("衡量指标 1", { exact: true }).fill("4个站联网运行");
      await submitIntent(epb.page, "保存草稿");
      expect(await epb.page.getByLabel("工作内容 1", { exact: true }).inputValue()).toBe(
        "建成四个县空气质量自动监测站",
      );
      expect(await epb.page.getByTestId("unavailable-SUBMIT").count()).toBe(0);
      await app.shot(epb.page, "workplan-1-draft-saved");
      await submitIntent(epb.page, "提交");
      expect(await statusOf(epb.page)).toBe("SUBMITTED");
      // Submitted: the department can neither edit nor review, and marking done waits for approval.
      expect(await epb.page.locator("[data-testid=milestone-editor], #review").count()).toBe(0);
      expect(await epb.page.getByTestId("unavailable-COMPLETE_MILESTONE").textContent()).toBe(
        "计划批准后才能标记节点完成",
      );

      await steering.page.goto(url);
      await steering.page.getByLabel(/理由/).fill(reason);
      await submitIntent(steering.page, "退回修改");
      expect(await statusOf(steering.page)).toBe("RETURNED");

      // Returned: the department sees why, in the notice and in the list of returns, and is warned before sending the
      // plan back unchanged.
      await epb.page.goto(url);
      expect(await epb.page.getByTestId("return-reason").textContent()).toContain(reason);
      expect(await epb.page.locator("[data-testid=returns] tbody tr").allTextContents()).toEqual([
        expect.stringMatching(new RegExp(`^第1稿\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}${reason}$`)),
      ]);
      expect(await epb.page.getByTestId("warning-SUBMIT").textContent()).toContain("退回后尚未修改工作节点");
      await app.shot(epb.page, "workplan-2-returned");
      await epb.page.getByLabel("衡量指标 1", { exact: true }).fill("4个站联网运行，数据传输率不低于90%");
      await submitIntent(epb.page, "保存草稿");
      expect(await epb.page.getByTestId("warning-SUBMIT").count()).toBe(0);
      await submitIntent(epb.page, "提交");
      expect(await statusOf(epb.page)).toBe("SUBMITTED");

      await steering.page.goto(url);
      await submitIntent(steering.page, "批准");
      expect(await statusOf(steering.page)).toBe("APPROVED");
      expect(await steering.page.getByTestId("returns").textContent()).toContain(reason);
      expect(await steering.page.locator("#review, [data-testid=milestones] form").count()).toBe(0);
      await app.shot(steering.page, "workplan-3-approved");
      expect((await app.db.annualWorkPlan.findUniqueOrThrow({ where: { workflowId: id } })).status).toBe("APPROVED");

      // Approved, the plan is readable by other departments, who are offered nothing on it.
      await water.page.goto(url);
      expect(await water.page.locator("h1").textContent()).toBe(title);
      expect(await water.page.locator("main form, [data-testid^=unavailable-]").count()).toBe(0);
      await water.context.close();

      await epb.page.goto(url);
      await epb.page.getByLabel("完成情况 1", { exact: true }).fill("4个站已联网运行");
      await submitIntent(epb.page, "标记完成");
      await eventually(epb.page, url, '.page-header [data-status="COMPLETED"]');
      await app.shot(epb.page, "workplan-4-completed");
      // The activity log reads as sentences, not codes.
      const log = await epb.page.getByTestId("workflow-events").textContent();
      expect(log).toContain("要求编制年度工作计划");
      expect(log).toContain(`退回了第1稿：${reason}`);
      expect(log).toMatch(/市环保局 李科长 提交了年度工作计划（第2稿，按时）/);
      expect(log).toContain("批准了年度工作计划（第2稿），作为跟踪基线");
      expect(log).toContain("完成了节点1“建成四个县空气质量自动监测站”：4个站已联网运行");
      expect(log).toContain("全部节点已完成，年度工作计划完成");
      // Submitting saves the form first; a form saved as it already was adds nothing to the log.
      expect(log?.match(/保存了工作节点/g)).toHaveLength(2);
      expect(log).not.toMatch(/\b(OPEN|SAVE_MILESTONES|SUBMIT|RETURN|APPROVE|COMPLETE_MILESTONE|COMPLETE)\b|[{}]/);

      // Every notice went to the outbox, which the steering group reads in the app.
      await steering.page.goto("/admin/outbox?toEmail=epb%40daqing.example");
      const sent = await app.db.outboxMessage.count({ where: { toEmail: "epb@daqing.example" } });
      expect(sent).toBeGreaterThan(0);
      expect(await steering.page.locator("[data-testid=outbox] tbody tr").count()).toBe(Math.min(sent, 100));
      expect(await steering.page.locator(".pager").first().textContent()).toContain(
        `第1–${Math.min(sent, 100)}封，共${sent}封`,
      );
      await app.shot(steering.page, "outbox");
      await epb.context.close();
      await steering.context.close();
    },
  );
});

describe("inspection: scheduled, a finding recorded from its day, rectification reported and verified", () => {
  it(
    "offers each role only its steps, says why a step must wait, and logs in sentences",
    { timeout: 180_000 },
    async () => {
      const id = `inspection-${day(0)}-epb`;
      const url = `/inspections/${id}`;
      const heading = `${day(0)} 对市环保局的专项督导检查`;
      const inspector = await as("inspector@daqing.example");
      await inspector.page.goto("/inspections");
      await inspector.page.getByLabel("标题").fill("空气自动站运维专项督导");
      await inspector.page.getByLabel("被检查单位").selectOption("dept:epb");
      await inspector.page.getByLabel(/检查涉及任务/).fill("1.1");
      await inspector.page.getByLabel(/^日期/).fill(day(0));
      await submitIntent(inspector.page, "安排检查");
      await eventually(inspector.page, url, "#add-finding form");
      expect(await inspector.page.locator("h1").textContent()).toBe(heading);
      expect(await inspector.page.title()).toContain(heading);
      expect(await inspector.page.locator("main").textContent()).not.toMatch(/inspection-\d|SCHEDULED|IN_PROGRESS/);

      // The inspected department reads the inspection but has no finding or conclusion to record; another department
      // may not read it at all.
      const epb = await as("epb@daqing.example");
      await epb.page.goto(url);
      expect(await epb.page.locator("h1").textContent()).toBe(heading);
      expect(await epb.page.locator("#add-finding, #conclude").count()).toBe(0);
      const water = await as("water@daqing.example");
      await water.page.goto(url);
      await water.page.locator('.error-page[data-status="403"]').waitFor();
      expect(await water.page.locator("main form").count()).toBe(0);
      await water.context.close();

      await inspector.page.getByLabel("严重程度").selectOption("HIGH");
      await inspector.page.getByLabel("问题描述").fill("林甸县空气自动站数据传输率低于90%");
      await inspector.page.getByLabel("整改期限").fill(day(20));
      await submitIntent(inspector.page, "记录问题");
      await submitIntent(inspector.page, "结束现场检查");
      await eventually(inspector.page, url, '.page-header [data-status="RECTIFYING"]');
      expect(await inspector.page.locator("#add-finding, #conclude").count()).toBe(0);
      // Verification waits for the unit's report: said, not offered as a button.
      expect(await inspector.page.getByTestId("unavailable-VERIFY-1").textContent()).toBe(
        "被检查单位报送整改情况后可核查",
      );
      expect(await inspector.page.getByRole("button", { name: "确认整改有效" }).count()).toBe(0);
      expect(await inspector.page.locator("[data-testid=findings] tbody th").first().textContent()).toBe(
        "问题1（严重）",
      );
      await app.shot(inspector.page, "inspection-1-finding-recorded");

      await epb.page.goto(url);
      expect(await epb.page.locator("[data-testid=findings] [data-status]").first().textContent()).toContain("待整改");
      await epb.page.getByLabel("问题1（严重） 整改情况").fill("更换传输模块，数据传输率恢复至99%");
      await submitIntent(epb.page, "报告整改");
      expect(await epb.page.locator("[data-testid=findings] [data-status]").first().getAttribute("data-status")).toBe(
        "RECTIFICATION_REPORTED",
      );
      expect(await epb.page.getByRole("button", { name: "确认整改有效" }).count()).toBe(0);
      await app.shot(epb.page, "inspection-2-rectification-reported");

      await inspector.page.goto(url);
      expect(await inspector.page.getByRole("button", { name: "报告整改" }).count()).toBe(0);
      await submitIntent(inspector.page, "确认整改有效");
      await eventually(inspector.page, url, '.page-header [data-status="CLOSED"]');
      await app.shot(inspector.page, "inspection-3-verified-closed");
      const finding = await app.db.inspectionFinding.findFirstOrThrow({ where: { inspection: { workflowId: id } } });
      expect(finding.status).toBe("CLOSED");
      // The activity log reads as sentences, not codes.
      const log = await inspector.page.getByTestId("workflow-events").textContent();
      expect(log).toContain(`安排了${day(0)}的专项督导检查`);
      expect(log).toContain(`记录了问题1（严重），须于${day(20)}前整改`);
      expect(log).toMatch(/李科长 报送了问题1（严重）的整改情况/);
      expect(log).toContain("现场检查已结束且所有问题均已销号，检查结束");
      expect(log).not.toMatch(/\b(SCHEDULE|START|FINDING|CONCLUDE_FIELDWORK|RECTIFICATION_REPORTED|VERIFIED|CLOSE)\b/);
      await epb.context.close();

      // A quarterly inspection ahead: its steps are shown as not yet possible, with the day they open; its series is
      // said in words with its later days, on the list and on its page.
      const ahead = day(10);
      const until = day(200);
      const later = occurrenceDate(ahead, "QUARTERLY", 2);
      await inspector.page.goto("/inspections");
      await inspector.page.getByLabel("标题").fill("水源地监测专项督导");
      await inspector.page.getByLabel("被检查单位").selectOption("dept:water");
      await inspector.page.getByLabel(/检查涉及任务/).fill("1.3");
      await inspector.page.getByLabel(/^日期/).fill(ahead);
      await inspector.page.getByLabel("重复", { exact: true }).selectOption("QUARTERLY");
      await inspector.page.getByLabel(/^重复至/).fill(until);
      await submitIntent(inspector.page, "安排检查");
      const aheadUrl = `/inspections/inspection-${ahead}-water`;
      await eventually(inspector.page, aheadUrl, "[data-testid=unavailable-ADD_FINDING]");
      expect(await inspector.page.getByTestId("unavailable-ADD_FINDING").textContent()).toBe(
        `检查日期${ahead}后可录入`,
      );
      expect(await inspector.page.getByTestId("unavailable-CONCLUDE_FIELDWORK").textContent()).toBe(
        `检查日期${ahead}后可结束现场检查`,
      );
      expect(await inspector.page.locator("#add-finding form, #conclude form").count()).toBe(0);
      expect(await inspector.page.getByTestId("series").textContent()).toBe(`每季度一次，第1次，至${until}`);
      expect(await inspector.page.getByTestId("later-dates").textContent()).toContain(later);
      await app.shot(inspector.page, "inspection-4-not-yet");
      await inspector.page.goto("/inspections");
      const row = inspector.page.locator(`li:has(a[href="${aheadUrl}"])`);
      expect(await row.locator("a").textContent()).toBe(`${ahead} 对市水务局的专项督导检查`);
      expect(await row.getByTestId("series").textContent()).toContain(`每季度一次，第1次，至${until}`);
      expect(await row.getByTestId("series").textContent()).toContain(later);
      expect(await row.textContent()).not.toMatch(/QUARTERLY|#1/);
      // In English too.
      await inspector.page.goto(`${aheadUrl}?lang=en`);
      expect(await inspector.page.locator("h1").textContent()).toBe(
        `Supervisory inspection of Water Affairs Bureau, ${ahead}`,
      );
      expect(await inspector.page.getByTestId("unavailable-ADD_FINDING").textContent()).toBe(
        `Findings can be recorded from ${ahead}`,
      );
      expect(await inspector.page.getByTestId("series").textContent()).toBe(`Quarterly, occurrence 1, until ${until}`);
      expect(await inspector.page.getByTestId("workflow-events").textContent()).toContain(
        `scheduled the supervisory inspection for ${ahead}`,
      );
      await inspector.context.close();
    },
  );
});

describe("linkage case: opened from an alert, answered, result recorded, closed; the public figures follow", () => {
  it("runs through the pages", { timeout: 180_000 }, async () => {
    const epb = await as("epb@daqing.example");
    await epb.page.goto("/linkage");
    const button = epb.page.locator("[data-testid=open-alerts] button").first();
    const alertId = Number((await button.textContent())!.split("#").pop());
    const id = `linkage-alert-${alertId}`;
    await submitIntent(epb.page, (await button.textContent())!);
    await eventually(epb.page, `/linkage/${id}`, "#respond form");
    // The cases list lights the response deadline (hours away: not yet late), as the case's page does.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await epb.page.goto(`/linkage?dueFrom=${today}`);
    await settled(epb.page);
    const caseRow = epb.page.locator("tr", { has: epb.page.locator(`a[href="/linkage/${id}"]`) });
    expect(["GREEN", "YELLOW"]).toContain(await caseRow.locator("[data-light]").getAttribute("data-light"));
    await epb.page.goto(`/linkage/${id}`);
    await settled(epb.page);
    // The page offers what the process allows this department now, and says why closing must wait.
    expect(await epb.page.getByTestId("unavailable-CLOSE").textContent()).toContain("请先录入现场监测执法结果");
    expect(await epb.page.locator("h1").textContent()).toMatch(/报警 \d{4}-\d{2}-\d{2} 测管联动$/);
    const water = await as("water@daqing.example");
    await water.page.goto(`/linkage/${id}`);
    expect(await water.page.locator("#respond, #result, #close").count()).toBe(0);
    await water.context.close();
    await epb.page.getByLabel("响应说明").fill("已安排执法人员赴现场");
    await submitIntent(epb.page, "响应");
    await eventually(epb.page, `/linkage/${id}`, '.page-header [data-status="RESPONDED"]');
    expect(await epb.page.locator("#respond").count()).toBe(0);
    await epb.page.getByLabel("发现违法").check();
    await epb.page.getByLabel("处理措施").fill("责令停产整治，立案处罚");
    await submitIntent(epb.page, "保存");
    await eventually(epb.page, `/linkage/${id}`, "#close form");
    await epb.page.getByLabel("办结说明").fill("整治完成，复测达标");
    await submitIntent(epb.page, "结案");
    await eventually(epb.page, `/linkage/${id}`, '.page-header [data-status="CLOSED"]');
    await app.shot(epb.page, "linkage-1-case-closed");
    // The activity log reads as sentences, not codes.
    const log = await epb.page.getByTestId("workflow-events").textContent();
    expect(log).toContain("启动了测管联动");
    expect(log).toMatch(/市环保局 \S+ 办结了案件/);
    expect(log).not.toMatch(/\b(OPEN|RESPOND|RESULT|CLOSE)\b/);
    await epb.context.close();

    // The public dashboard counts the case, as the database does.
    const { page, context } = await app.newPage();
    await page.goto("/");
    const [row] = await app.db.$queryRawUnsafe<{ opened: bigint; violations: bigint }[]>(
      `SELECT COUNT(*) AS opened, SUM(CASE WHEN violationFound = 1 THEN 1 ELSE 0 END) AS violations FROM LinkageCase`,
    );
    expect(Number(await page.getByTestId("cases-opened").textContent())).toBe(Number(row.opened));
    expect(Number(await page.getByTestId("cases-violations").textContent())).toBe(Number(row.violations));
    expect(await page.getByTestId("cases-on-time").textContent()).toBe("100%");
    await app.shot(page, "linkage-2-dashboard");
    await context.close();
  });
});
