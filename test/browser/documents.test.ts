// Official documents in real Chromium against the built app: the steering group clicks through the header to a
// reporting cycle and downloads its consolidated report as .docx and PDF (whole plan, then narrowed to one lead
// department with the form), and an inspection's 通报; each file is opened and read. A department gets only the
// reports it may read; the public and a department outside an inspection are refused. The cycle, its reports and the
// inspection are written as rows, as the workflows mirror them (the documents read SQL through the API, not Temporal).
// Until registered, a document's number is a draft and says so; the steering group registers the cycle's report
// (发文登记) and its files then carry the registered number, also after a second registration attempt.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startApp, type App } from "./support/app";
import { auditPage, prepareAudit } from "./support/page-audit";
import { flat, openDocx, pdfText } from "../documents/read";
import { navigated, submitted } from "./support/navigation";

const PERIOD = "2026Q3";
const CYCLE_TITLE = "2026年第三季度推进落实情况报送";
const ACCEPTED = "已完成全市声环境功能区监测点位布设，共设置点位42个。";
const WATER = "水土流失区域监测点位已完成选址。";
const DRAFT = "市环保局尚未报送的草稿。";
const INSPECTION = "inspection-2026-11-20-epb";
const FINDING = "3个自动站数据传输中断超过48小时未处置。";

let app: App;
beforeAll(async () => {
  app = await startApp();
  const db = app.db;
  const dept = async (code: string) => (await db.department.findUniqueOrThrow({ where: { code } })).id;
  const task = async (code: string) => (await db.task.findUniqueOrThrow({ where: { code } })).id;
  const [epb, water, finance] = [await dept("epb"), await dept("water"), await dept("finance")];
  const cycle = await db.reportingCycle.create({
    data: {
      workflowId: `cycle-${PERIOD}`,
      period: PERIOD,
      dueDate: new Date("2026-10-10T00:00:00+08:00"),
      status: "OPEN",
      openedAt: new Date("2026-09-20T09:00:00+08:00"),
      reportCount: 3,
    },
  });
  const report = (taskId: number, departmentId: number, data: object) =>
    db.progressReport.create({
      data: {
        workflowId: `report-${PERIOD}-${taskId}-${departmentId}`,
        cycleId: cycle.id,
        taskId,
        departmentId,
        ...data,
      },
    });
  const accepted = await report(await task("1.4"), epb, {
    status: "ACCEPTED",
    progress: ACCEPTED,
    taskStatus: "ON_TRACK",
    submittedAt: new Date("2026-10-08T10:00:00+08:00"),
    acceptedAt: new Date("2026-10-09T10:00:00+08:00"),
  });
  await db.reportContribution.create({
    data: { reportId: accepted.id, departmentId: finance, text: "已落实监测经费120万元。", at: new Date() },
  });
  await report(await task("1.6"), water, {
    status: "SUBMITTED",
    progress: WATER,
    taskStatus: "AT_RISK",
    submittedAt: new Date("2026-10-12T10:00:00+08:00"),
    late: true,
  });
  await report(await task("1.6"), epb, { status: "PENDING", progress: DRAFT, draftSavedAt: new Date() });
  const inspector = await db.user.findUniqueOrThrow({ where: { email: "inspector@daqing.example" } });
  await db.inspection.create({
    data: {
      workflowId: INSPECTION,
      title: "监测点位运维情况",
      inspectorId: inspector.id,
      inspectedDepartmentId: epb,
      taskCodes: "1.4,1.6",
      scheduledFor: new Date("2026-11-20T09:00:00+08:00"),
      status: "RECTIFYING",
      fieldworkConcludedAt: new Date("2026-11-20T17:00:00+08:00"),
      findings: {
        create: [
          {
            ordinal: 1,
            description: FINDING,
            severity: "HIGH",
            requiresRectification: true,
            deadline: new Date("2026-12-20T00:00:00+08:00"),
            status: "OPEN",
          },
        ],
      },
    },
  });
}, 240_000);
afterAll(async () => {
  await app?.stop();
});

const as = async (email: string) => {
  const s = await app.newPage();
  await prepareAudit(s.context);
  await app.signIn(s.page, email);
  return s;
};
/** Kept for a person to look at (scripts/render-documents.sh turns the PDFs' pages into PNG). */
const KEPT = path.resolve("test-results/documents");
/** Clicks what starts a download and reads the file the browser saved. */
async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  mkdirSync(KEPT, { recursive: true });
  const kept = path.join(KEPT, file.suggestedFilename());
  await file.saveAs(kept);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(kept)) };
}

describe("documents the office can file", () => {
  it(
    "the steering group downloads the cycle's consolidated report and an inspection's 通报",
    { timeout: 180_000 },
    async () => {
      const { page, context } = await as("steering@daqing.example");
      await page.locator('header a[href="/reports"]').click();
      await page.getByRole("link", { name: CYCLE_TITLE }).click();
      await navigated(page, `**/reports/cycles/${PERIOD}`);
      const section = page.locator("#documents");
      expect(await section.getByRole("heading").textContent()).toBe("公文下载");
      expect(await auditPage(page, context)).toEqual([]);

      const word = await download(page, () => section.getByTestId("consolidated-docx").click());
      expect(word.name).toBe("2026年第三季度推进落实情况汇总.docx");
      const docx = openDocx(word.bytes);
      expect(docx.texts.slice(0, 3)).toEqual([
        "大庆市生态文明体制改革专项小组",
        "庆生态改〔2026〕1号（草稿，未登记）",
        "2026年第三季度《大庆市生态环境监测网络建设工作方案》推进落实情况汇总",
      ]);
      expect(docx.find("（一）1.4 声环境质量监测").fonts).toEqual(["楷体_GB2312"]);
      docx.find("（二）1.6 生态状况监测");
      docx.find(ACCEPTED);
      docx.find(WATER);
      docx.find("配合部门市财政局：已落实监测经费120万元。");
      docx.find("1. 1.6 生态状况监测（市环保局）");
      expect(docx.texts.join("")).not.toContain(DRAFT);
      expect(docx.texts.at(-2)).toMatch(
        /^二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日$/,
      );

      const pdf = await download(page, () => section.getByTestId("consolidated-pdf").click());
      expect(pdf.name).toBe("2026年第三季度推进落实情况汇总.pdf");
      const text = flat((await pdfText(pdf.bytes)).all);
      for (const expected of ["庆生态改〔2026〕1号（草稿，未登记）", "（一）1.4声环境质量监测", ACCEPTED, WATER, "—1—"])
        expect(text).toContain(flat(expected));

      // Narrowed to one lead department with the form.
      await section.getByLabel("牵头单位").selectOption({ label: "市水务局" });
      const narrowed = await download(page, () => section.getByRole("button", { name: "下载 PDF" }).click());
      expect(narrowed.name).toBe("2026年第三季度推进落实情况汇总（市水务局）.pdf");
      const narrowedText = flat((await pdfText(narrowed.bytes)).all);
      expect(narrowedText).toContain(flat("推进落实情况汇总（市水务局）"));
      expect(narrowedText).toContain(flat(WATER));
      expect(narrowedText).not.toContain(flat(ACCEPTED));

      // The inspection's 通报, from the inspection page.
      await page.locator('header a[href="/inspections"]').click();
      await page.locator(`a[href="/inspections/${INSPECTION}"]`).first().click();
      await navigated(page, `**/inspections/${INSPECTION}`);
      expect(await auditPage(page, context)).toEqual([]);
      const notice = await download(page, () => page.getByTestId("notice-docx").click());
      expect(notice.name).toBe("关于2026年11月20日对市环保局专项督导检查情况的通报.docx");
      const noticeDocx = openDocx(notice.bytes);
      expect(noticeDocx.texts[1]).toBe("庆生态改督〔2026〕1号（草稿，未登记）");
      noticeDocx.find("（一）问题1（严重）");
      noticeDocx.find(FINDING);
      const noticePdf = await download(page, () => page.getByTestId("notice-pdf").click());
      expect(flat((await pdfText(noticePdf.bytes)).all)).toContain(flat("整改要求：请于2026年12月20日前完成整改。"));
      await context.close();
    },
  );

  it(
    "the steering group registers the cycle's report and downloads it with the registered number",
    { timeout: 180_000 },
    async () => {
      const { page, context } = await as("steering@daqing.example");
      await page.locator('header a[href="/reports"]').click();
      await page.getByRole("link", { name: CYCLE_TITLE }).click();
      await navigated(page, `**/reports/cycles/${PERIOD}`);
      await page.locator("#documents").getByTestId("register-document").click();
      await navigated(page, (u) => u.pathname === "/documents/register/new" && u.searchParams.get("cycle") === PERIOD);
      expect(await page.getByRole("heading", { name: "2026年第三季度推进落实情况汇总" }).count()).toBe(1);
      expect(await page.getByTestId("registration").textContent()).toContain("未登记");
      expect(await auditPage(page, context)).toEqual([]);

      await submitted(page, () => page.getByRole("button", { name: "登记并取得发文字号" }).click());
      const registration = (await page.getByTestId("registration").textContent()) ?? "";
      const number = /庆生态改〔\d{4}〕\d+号/.exec(registration)?.[0];
      expect(number).toMatch(/^庆生态改〔\d{4}〕1号$/);
      expect(registration).toContain("已登记");
      expect(await auditPage(page, context)).toEqual([]);

      const word = await download(page, () => page.getByTestId("registered-docx").click());
      expect(word.name).toBe("2026年第三季度推进落实情况汇总.docx");
      const docx = openDocx(word.bytes);
      expect(docx.texts.slice(0, 2)).toEqual(["大庆市生态文明体制改革专项小组", number]);
      expect(docx.texts.join("")).not.toContain("未登记");
      const pdf = await download(page, () => page.getByTestId("registered-pdf").click());
      expect(flat((await pdfText(pdf.bytes)).all)).toContain(flat(number!));

      // A second registration of the same document (a retry) gives the same number, and nothing new.
      const again = await context.request.post("/graphql", {
        headers: { "content-type": "application/json" },
        data: { query: `mutation { registerDocument(document: { cycle: "${PERIOD}" }) { number } }` },
      });
      expect((await again.json()).data.registerDocument.number).toBe(number);

      await page.getByRole("link", { name: "发文登记簿" }).click();
      await navigated(page, "**/documents/register");
      const rows = page.getByTestId("document-register").locator("tbody tr");
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain(number!);
      expect(await auditPage(page, context)).toEqual([]);

      // The scorecard as a document, for the steering group.
      const scorecard = await context.request.get("/documents/scorecard/2026?format=docx");
      expect(scorecard.status()).toBe(200);
      const scorecardDocx = openDocx(new Uint8Array(await scorecard.body()));
      expect(scorecardDocx.texts[2]).toBe("2026年度部门推进落实工作考评情况");
      scorecardDocx.find("二、各部门考评情况");
      await context.close();
    },
  );

  it(
    "gives a department only the reports it may read, and refuses those who may not read",
    { timeout: 120_000 },
    async () => {
      const { page, context } = await as("water@daqing.example");
      // 市水务局 reads the accepted report and its own, not 市环保局's report under way.
      const res = await context.request.get(`/documents/cycles/${PERIOD}?format=docx`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toBe(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      );
      expect(res.headers()["content-disposition"]).toContain(
        `filename*=UTF-8''${encodeURIComponent("2026年第三季度推进落实情况汇总.docx")}`,
      );
      const texts = openDocx(new Uint8Array(await res.body())).texts.join("\n");
      expect(texts).toContain(WATER);
      expect(texts).toContain(ACCEPTED);
      expect(texts).not.toContain(DRAFT);
      expect(texts).not.toContain("（市环保局）");

      // One task: the title names it.
      const task = await context.request.get(`/documents/cycles/${PERIOD}?format=pdf&task=1.4`);
      expect(task.status()).toBe(200);
      expect(task.headers()["content-type"]).toBe("application/pdf");
      const taskText = flat((await pdfText(new Uint8Array(await task.body()))).all);
      expect(taskText).toContain(flat("推进落实情况汇总（任务1.4 声环境质量监测）"));
      expect(taskText).not.toContain(flat(WATER));
      const none = await context.request.get(`/documents/cycles/${PERIOD}?format=pdf&task=9.9`);
      expect(none.status()).toBe(404);

      // Not the inspection of another department, in either format; nothing of it in the answer.
      for (const format of ["docx", "pdf"]) {
        const refused = await context.request.get(`/documents/inspections/${INSPECTION}?format=${format}`);
        expect(refused.status()).toBe(403);
        const body = await refused.text();
        expect(body).toContain("您无权查看此督导检查");
        expect(body).not.toContain(FINDING);
      }
      await page.close();
      await context.close();

      // The public: no document at all.
      const anonymous = await app.newPage();
      for (const url of [
        `/documents/cycles/${PERIOD}?format=pdf`,
        `/documents/inspections/${INSPECTION}?format=docx`,
      ]) {
        const refused = await anonymous.context.request.get(url);
        expect([401, 403]).toContain(refused.status());
        expect(refused.headers()["content-disposition"]).toBeUndefined();
      }
      // The scorecard's document is the steering group's only.
      const scorecard = await anonymous.context.request.get("/documents/scorecard/2026?format=docx");
      expect([401, 403]).toContain(scorecard.status());
      // A given number is refused: a number is registered, not typed in.
      const given = await anonymous.context.request.get(`/documents/cycles/${PERIOD}?format=docx&number=7`);
      expect(given.status()).toBe(400);
      expect(await given.json()).toMatchObject({ zh: expect.stringContaining("发文登记"), en: expect.any(String) });
      // A bad format or number is refused in both languages.
      const bad = await anonymous.context.request.get(`/documents/cycles/${PERIOD}?format=exe`);
      expect(bad.status()).toBe(400);
      expect(await bad.json()).toMatchObject({
        zh: expect.stringContaining("不支持的文件格式"),
        en: expect.any(String),
      });
      await anonymous.context.close();
    },
  );
});
