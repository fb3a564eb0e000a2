// Evidence kept with each report version, end to end: a real reporting workflow on the time-skipping server, the
// lead department attaching a scan, submitting, being returned, attaching more and resubmitting. Each submitted version
// lists the files it had when it was submitted (version 1 not the later one), a submitted report takes no new files
// until it is returned, and every attachment is a step of the report's activity log, in order.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachFile } from "../../app/models/attachments/attachments.server";
import { localStore } from "../../app/models/attachments/store.server";
import type { Viewer } from "../../app/models/viewer";
import { workCalendar } from "../../app/models/work-calendar.server";
import { AppError } from "../../app/utils/errors";
import { previousMonthPeriod } from "../../app/utils/time";
import { workingDayOnOrAfter } from "../../workflows/common/working-days";
import { timeSkippingHarness } from "./support/harness";
import { eventually } from "./support/temporal";

let h: Awaited<ReturnType<typeof timeSkippingHarness>>;
beforeAll(async () => (h = await timeSkippingHarness()));
afterAll(() => h?.close());

const SG = "steering@daqing.example";
const WATER = "water@daqing.example";
const store = localStore(mkdtempSync(path.join(os.tmpdir(), "eco-report-attachments-")));

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

async function attach(workflowId: string, filename: string) {
  const u = await h.db.user.findUniqueOrThrow({ where: { email: WATER } });
  const viewer: Viewer = { ...u, role: u.role as Viewer["role"] };
  async function* data() {
    yield new Uint8Array(await pdf(filename));
  }
  return attachFile(
    h.db,
    viewer,
    { workflowId, kind: "REPORT", ordinal: null, filename, data: data() },
    { store, maxBytes: 20 * 1024 * 1024 },
  );
}

const ok = (r: { errors?: unknown[] }) => expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();

describe("a returned and resubmitted report", () => {
  it("keeps with each version the files it was submitted with, and logs each attachment", async () => {
    const due = workingDayOnOrAfter(workCalendar(), await h.dayFromNow(10));
    const period = previousMonthPeriod(new Date(await h.env.currentTimeMs()));
    ok(
      await h.gql(
        `mutation($p: String!, $d: String!) { openReportingCycle(period: $p, dueDate: $d) { workflowId } }`,
        { p: period, d: due },
        SG,
      ),
    );
    const water = `report-${period}-1.2-water`;
    // The cycle's fan-out has started the report's workflow and mirrored its first state.
    const mirrored = async () => (await h.db.progressReport.findUnique({ where: { workflowId: water } }))?.version ?? 0;
    await eventually(async () => (await mirrored()) >= 1);

    const first = await attach(water, "选址验收单.pdf");
    expect(first.reportVersion).toBe(1);
    const submit = (progress: string) =>
      h.gql(
        `mutation($id: String!, $p: String!) { submitProgressReport(workflowId: $id, progress: $p, taskStatus: "ON_TRACK") { status } }`,
        { id: water, p: progress },
        WATER,
      );
    ok(await submit("完成水资源监控站点选址"));

    // Submitted: the report is the reviewer's now, and takes no new files.
    const refused = await attach(water, "迟到的材料.pdf").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("INVALID_STATE");
    expect((refused as AppError).zh).toMatch(/^不能添加此附件：/);

    ok(
      await h.gql(
        `mutation($id: String!) { reviewProgressReport(workflowId: $id, accept: false, reason: "请补充断面照片") { status } }`,
        { id: water },
        SG,
      ),
    );
    await eventually(
      async () => (await h.db.progressReport.findUniqueOrThrow({ where: { workflowId: water } })).status === "RETURNED",
    );
    const second = await attach(water, "断面照片.pdf");
    expect(second.reportVersion).toBe(2);
    ok(await submit("完成水资源监控站点选址，新增断面12个"));

    const { data } = await h.gql(
      `query($id: String!) {
        progressReport(workflowId: $id) {
          versions { version returnReason }
          v1: attachments(upToVersion: 1) { filename reportVersion }
          v2: attachments(upToVersion: 2) { filename reportVersion }
        }
        workflowEvents(workflowId: $id) { kind sentence { zh } }
      }`,
      { id: water },
      SG,
    );
    const report = data.progressReport;
    expect(report.versions).toEqual([
      { version: 1, returnReason: "请补充断面照片" },
      { version: 2, returnReason: null },
    ]);
    expect(report.v1).toEqual([{ filename: "选址验收单.pdf", reportVersion: 1 }]);
    expect(report.v2).toEqual([
      { filename: "选址验收单.pdf", reportVersion: 1 },
      { filename: "断面照片.pdf", reportVersion: 2 },
    ]);
    // In the log, each attachment follows the step the report stood at when it was attached.
    const log = (data.workflowEvents as { kind: string; sentence: { zh: string } }[]).map((e) => e.sentence.zh);
    const at = (pattern: RegExp) => log.findIndex((s) => pattern.test(s));
    expect(at(/为报告（第1版）添加了附件“选址验收单\.pdf”$/)).toBeGreaterThan(-1);
    expect(at(/为报告（第1版）添加了附件/)).toBeLessThan(at(/ 报送了报告/));
    expect(at(/ 退回了报告：请补充断面照片$/)).toBeLessThan(at(/为报告（第2版）添加了附件“断面照片\.pdf”$/));
    expect(at(/为报告（第2版）添加了附件/)).toBeLessThan(at(/ 重新报送了报告/));
    expect(log.filter((s) => s.includes("添加了附件"))).toHaveLength(2);
  });
});
