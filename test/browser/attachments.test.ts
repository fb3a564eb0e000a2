// A department attaches a scan to its progress report and the steering group opens it, in real Chromium against the
// built app: both navigate by clicking, the upload goes through the page's multipart form and the web server, and the
// file comes back with its name, its type from its content, and the headers that keep it from acting as the app.
import PDFDocument from "pdfkit";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initialState } from "../../workflows/reporting/process";
import { auditPage, prepareAudit } from "./support/page-audit";
import { startApp, type App } from "./support/app";
import { navigated, settled } from "./support/navigation";

let app: App;
const PERIOD = "2027Q1";
const REPORT = `report-${PERIOD}-1.1-epb`;
const FILE = "验收单 扫描件.pdf";

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const parts: Buffer[] = [];
    doc.on("data", (b: Buffer) => parts.push(b));
    doc.on("end", () => resolve(Buffer.concat(parts)));
    doc.text(text);
    doc.end();
  });
}

beforeAll(async () => {
  app = await startApp();
  // The report as a reporting cycle's workflow leaves it in SQL (no workflow runs here: attaching needs none).
  const { db } = app;
  const epb = await db.department.findUniqueOrThrow({ where: { code: "epb" } });
  const task = await db.task.findUniqueOrThrow({ where: { code: "1.1" } });
  const at = new Date("2027-03-01T00:00:00Z");
  const cycle = await db.reportingCycle.create({
    data: {
      workflowId: `cycle-${PERIOD}`,
      period: PERIOD,
      dueDate: new Date("2099-03-31"),
      status: "OPEN",
      openedAt: at,
    },
  });
  const state = initialState({
    cycleWorkflowId: cycle.workflowId,
    period: PERIOD,
    taskId: task.id,
    taskCode: "1.1",
    taskTitle: { zh: task.title, en: task.titleEn },
    departmentId: epb.id,
    departmentCode: "epb",
    department: { zh: epb.name, en: epb.nameEn },
    supporters: [],
    dueDate: "2099-03-31",
    leadDays: 3,
  });
  await db.progressReport.create({
    data: {
      workflowId: REPORT,
      cycleId: cycle.id,
      taskId: task.id,
      departmentId: epb.id,
      state: JSON.stringify(state),
      version: 1,
    },
  });
}, 240_000);
afterAll(async () => {
  await app?.stop();
});

async function openReportFromNav(page: Page, viaCycle: boolean) {
  await page.locator('nav a[href="/reports"]').first().click();
  await navigated(page, "**/reports");
  if (viaCycle) {
    await page.locator(`a[href="/reports/cycles/${PERIOD}"]`).first().click();
    await navigated(page, `**/reports/cycles/${PERIOD}`);
  }
  await page.locator(`a[href="/reports/${REPORT}"]`).first().click();
  await navigated(page, `**/reports/${REPORT}`);
}

describe("evidence on a progress report", () => {
  it("the department attaches a scan; the steering group opens it", { timeout: 180_000 }, async () => {
    const scan = await pdf("Acceptance form 验收单");
    const dept = await app.newPage();
    await prepareAudit(dept.context);
    await app.signIn(dept.page, "epb@daqing.example");
    await openReportFromNav(dept.page, false);

    // A file whose content is not what its name says is refused on the page, in words, and nothing is kept.
    await dept.page.setInputFiles("#attach-report-file", {
      name: "扫描件.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2048, 0x90)]),
    });
    const refused = dept.page.waitForResponse((r) => r.request().method() === "POST");
    await dept.page.getByRole("button", { name: "上传附件", exact: true }).click();
    expect((await refused).status()).toBe(415);
    await expect.poll(() => dept.page.getByRole("alert").first().textContent()).toContain("不支持此文件类型");
    expect(await app.db.attachment.count()).toBe(0);

    await dept.page.setInputFiles("#attach-report-file", { name: FILE, mimeType: "application/pdf", buffer: scan });
    const posted = dept.page.waitForResponse((r) => r.request().method() === "POST");
    await dept.page.getByRole("button", { name: "上传附件", exact: true }).click();
    await posted;
    await settled(dept.page);
    await expect.poll(() => dept.page.getByTestId("attachments").textContent()).toContain(FILE);
    expect(await dept.page.locator("#timeline").textContent()).toContain(`添加了附件“${FILE}”`);
    await app.shot(dept.page, "attachment-1-attached");
    expect(await auditPage(dept.page, dept.context)).toEqual([]);

    const steering = await app.newPage();
    await app.signIn(steering.page, "steering@daqing.example");
    await openReportFromNav(steering.page, true);
    const link = steering.page.getByRole("link", { name: FILE });
    const opened = steering.context.waitForEvent("response", (r) => r.url().includes("/attachments/"));
    await link.click();
    const response = await opened;
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["content-type"]).toBe("application/pdf");
    expect(headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(FILE)}`);
    expect(headers["x-content-type-options"]).toContain("nosniff");
    // The app's own policy and the file's: a browser enforces both, so the file is sandboxed.
    expect(await response.headerValues("content-security-policy")).toContain("sandbox");
    expect(Number(headers["content-length"])).toBe(scan.length);

    // The water department may not read epb's report under way, nor its file.
    const water = await app.newPage();
    await app.signIn(water.page, "water@daqing.example");
    const row = await app.db.attachment.findFirstOrThrow();
    const denied = await water.page.request.get(`/attachments/${row.id}`);
    expect(denied.status()).toBe(403);
    expect(await denied.text()).toContain("您无权查看此推进落实情况报告");
  });
});
