// Attachments (evidence): stored once by content, checked by content while they stream, read under the item's rules,
// written only by the party whose step they are evidence for, kept with each report version, in the activity log.
// Every refusal is bilingual and leaves nothing behind: no file in the store, no row. Real SQLite, a real directory.
import { mkdtempSync, readdirSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import express from "express";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachFile, openAttachment, type AttachRequest } from "../app/models/attachments/attachments.server";
import { localStore } from "../app/models/attachments/store.server";
import type { Viewer } from "../app/models/viewer";
import { contentDisposition } from "../app/routes/attachments.$id";
import { AppError } from "../app/utils/errors";
import { initialState as inspectionInitialState } from "../workflows/inspection/state";
import type { LinkageState } from "../workflows/linkage/process";
import { initialState } from "../workflows/reporting/process";
import { bodyLimits } from "../server/security/body-limit";
import { createTestDb } from "./support/db";
import { graphqlClient } from "./support/graphql";

const { db } = createTestDb();
const gql = graphqlClient(db);
const root = mkdtempSync(path.join(os.tmpdir(), "eco-attachments-"));
const store = localStore(root);
const MAX = 20 * 1024 * 1024;
const REPORT = "report-2027Q1-1.1-epb";
afterAll(() => db.$disconnect());

const viewers: Record<string, Viewer> = {};
async function viewer(email: string): Promise<Viewer> {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return (viewers[email] ??= { ...u, role: u.role as Viewer["role"] });
}

/** A small real PDF, made by pdfkit. */
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

async function* chunks(...buffers: Buffer[]) {
  for (const b of buffers) yield new Uint8Array(b);
}

const attach = async (email: string, filename: string, bytes: Buffer, r: Partial<AttachRequest> = {}) =>
  attachFile(
    db,
    await viewer(email),
    { workflowId: REPORT, kind: "REPORT", ordinal: null, filename, data: chunks(bytes), ...r },
    { store, maxBytes: MAX },
  );

/** What the store holds: stored files (ab/cdef…) and anything left in its scratch directory. */
const stored = () =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));

/** Runs a refused attach and checks the refusal is bilingual and nothing was stored. */
async function refused(run: () => Promise<unknown>, code: string) {
  const [files, rows, events] = [stored(), await db.attachment.count(), await db.workflowEvent.count()];
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const e = error as AppError;
  expect(e.code).toBe(code);
  expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(e.en).toMatch(/[a-z]/);
  expect(stored()).toEqual(files);
  expect(await db.attachment.count()).toBe(rows);
  expect(await db.workflowEvent.count()).toBe(events);
  return e;
}

beforeAll(async () => {
  const dept = (code: string) => db.department.findUniqueOrThrow({ where: { code } });
  const [epb, finance] = await Promise.all([dept("epb"), dept("finance")]);
  const task = await db.task.findUniqueOrThrow({ where: { code: "1.1" } });
  const at = new Date("2027-03-31T00:00:00Z");
  const cycle = await db.reportingCycle.create({
    data: { workflowId: "cycle-2027Q1", period: "2027Q1", dueDate: at, status: "OPEN", openedAt: at },
  });
  const state = initialState({
    cycleWorkflowId: cycle.workflowId,
    period: "2027Q1",
    taskId: task.id,
    taskCode: "1.1",
    taskTitle: { zh: task.title, en: task.titleEn },
    departmentId: epb.id,
    departmentCode: "epb",
    department: { zh: epb.name, en: epb.nameEn },
    supporters: [{ departmentId: finance.id, code: "finance", name: { zh: finance.name, en: finance.nameEn } }],
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
});

describe("attaching to a progress report", () => {
  it("stores a scan once by its sha256 in the store's directory, lists it, and logs it in the report's steps", async () => {
    const scan = await pdf("验收单 acceptance form");
    const row = await attach("epb@daqing.example", "验收单 扫描件.pdf", scan);
    expect(row).toMatchObject({ mimeType: "application/pdf", size: scan.length, reportVersion: 1, item: "REPORT" });
    expect(stored()).toEqual([path.join(row.sha256.slice(0, 2), row.sha256.slice(2))]);

    const { data } = await gql(
      `query ($id: String!) {
        progressReport(workflowId: $id) { attachments { filename mimeType typeLabel { zh } url reportVersion } }
        workflowEvents(workflowId: $id) { kind sentence { zh en } }
      }`,
      { id: REPORT },
      "steering@daqing.example",
    );
    expect(data.progressReport.attachments).toEqual([
      {
        filename: "验收单 扫描件.pdf",
        mimeType: "application/pdf",
        typeLabel: { zh: "PDF" },
        url: `/attachments/${row.id}`,
        reportVersion: 1,
      },
    ]);
    const attached = data.workflowEvents.find((e: { kind: string }) => e.kind === "ATTACH");
    expect(attached.sentence.zh).toContain("为报告（第1版）添加了附件“验收单 扫描件.pdf”");
    expect(attached.sentence.en).toContain("attached “验收单 扫描件.pdf” to the report (version 1)");
  });

  it("a retried upload (same content, same item) stores once: the same row, one file, one log entry", async () => {
    const scan = await pdf("retried");
    const first = await attach("epb@daqing.example", "retry.pdf", scan);
    const before = { files: stored().length, events: await db.workflowEvent.count() };
    const again = await attach("epb@daqing.example", "retry (1).pdf", scan);
    expect(again.id).toBe(first.id);
    expect(stored()).toHaveLength(before.files);
    expect(await db.workflowEvent.count()).toBe(before.events);
    expect(await db.attachment.count({ where: { sha256: first.sha256 } })).toBe(1);
  });

  it("a supporting department attaches to its contribution, not to the lead department's report", async () => {
    const row = await attach("finance@daqing.example", "配合材料.pdf", await pdf("finance"), { kind: "CONTRIBUTION" });
    expect(row.item).toBe("CONTRIBUTION:finance");
    const e = await refused(async () => attach("finance@daqing.example", "not-mine.pdf", await pdf("x")), "FORBIDDEN");
    expect(e.zh).toContain("不能添加此附件：只有牵头部门");
  });
});

describe("refused, with nothing stored", () => {
  it("a 200 MB file is refused once it passes the limit, without reading the rest", async () => {
    let read = 0;
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    async function* twoHundredMb() {
      yield new Uint8Array(Buffer.concat([Buffer.from("%PDF-1.4\n"), chunk.subarray(9)]));
      read = chunk.length;
      for (let i = 1; i < 200; i++) {
        read += chunk.length;
        yield new Uint8Array(chunk);
      }
    }
    const e = await refused(
      async () =>
        attachFile(
          db,
          await viewer("epb@daqing.example"),
          { workflowId: REPORT, kind: "REPORT", ordinal: null, filename: "big.pdf", data: twoHundredMb() },
          { store, maxBytes: MAX },
        ),
      "PAYLOAD_TOO_LARGE",
    );
    expect(e.zh).toBe("附件过大：最多 20 MB");
    expect(e.en).toBe("The attachment is too large: at most 20 MB");
    expect(read).toBeLessThanOrEqual(MAX + chunk.length);
  });

  it("the web server refuses a declared 200 MB upload with 413 before reading its body", async () => {
    const app = express();
    app.use(bodyLimits(1_000_000, MAX));
    app.post("*", (_req, res) => void res.send("read"));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const { port } = server.address() as { port: number };
    try {
      // A raw request: fetch will not declare a length its body does not have. Only 3 bytes of the 200 MB are sent.
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: "127.0.0.1",
            port,
            method: "POST",
            path: "/reports/x",
            headers: {
              "content-type": "multipart/form-data; boundary=x",
              "content-length": String(200 * 1024 * 1024),
              accept: "application/json",
            },
          },
          (res) => {
            let text = "";
            res.setEncoding("utf8");
            res.on("data", (c: string) => (text += c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on("error", reject);
        req.write("--x");
      });
      expect(status).toBe(413);
      expect((JSON.parse(body) as { errors: { extensions: { zh: string } }[] }).errors[0].extensions.zh).toBe(
        "附件过大：最多 20 MB",
      );
    } finally {
      server.close();
    }
  });

  it("an executable renamed .pdf is refused by its content (ELF and MZ headers)", async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 1)]);
    const mz = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4096, 0x90)]);
    for (const bytes of [elf, mz]) {
      const e = await refused(() => attach("epb@daqing.example", "扫描件.pdf", bytes), "UNSUPPORTED_MEDIA_TYPE");
      expect(e.zh).toContain("不支持此文件类型");
      expect(e.en).toContain("This type of file is not accepted");
    }
  });

  it("a PDF named .png is refused: the name must say what the content is", async () => {
    const e = await refused(
      async () => attach("epb@daqing.example", "photo.png", await pdf("x")),
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expect(e.zh).toBe("文件扩展名“.png”与文件内容（PDF）不符");
  });

  it("a file name with a path or control characters is refused before the file is read", async () => {
    for (const name of ["../../etc/passwd.pdf", "a/b.pdf", "a\\b.pdf", "..", "scan\u0000.pdf"]) {
      const e = await refused(async () => attach("epb@daqing.example", name, await pdf("x")), "BAD_INPUT");
      expect(e.zh).toMatch(/文件名/);
      expect(e.en).toMatch(/file name/);
    }
  });

  it("another department's report: refused, bilingual", async () => {
    const e = await refused(async () => attach("water@daqing.example", "ours.pdf", await pdf("water")), "FORBIDDEN");
    expect(e.zh).toContain("推进落实情况报告");
    expect(e.en).toContain("progress report");
  });

  it("signed out: refused", async () => {
    await refused(
      async () =>
        attachFile(
          db,
          null,
          { workflowId: REPORT, kind: "REPORT", ordinal: null, filename: "a.pdf", data: chunks(await pdf("x")) },
          { store, maxBytes: MAX },
        ),
      "UNAUTHENTICATED",
    );
  });
});

describe("reading and versions", () => {
  it("a submitted version keeps its files; files attached for the next version are the next version's", async () => {
    const report = await db.progressReport.findUniqueOrThrow({ where: { workflowId: REPORT } });
    await db.reportVersion.create({
      data: { reportId: report.id, version: 1, progress: "v1", taskStatus: "ON_TRACK", submittedAt: new Date() },
    });
    const second = await attach("epb@daqing.example", "补充材料.pdf", await pdf("second"));
    expect(second.reportVersion).toBe(2);
    const list = async (v: number) =>
      (
        await gql(
          `query ($id: String!, $v: Int) { progressReport(workflowId: $id) { attachments(upToVersion: $v) { filename } } }`,
          { id: REPORT, v },
          "steering@daqing.example",
        )
      ).data.progressReport.attachments.map((a: { filename: string }) => a.filename);
    expect(await list(1)).toContain("验收单 扫描件.pdf");
    expect(await list(1)).not.toContain("补充材料.pdf");
    expect(await list(2)).toEqual(expect.arrayContaining(["验收单 扫描件.pdf", "补充材料.pdf"]));
  });

  it("the steering group opens a file; a department that may not read the report may not open it", async () => {
    const row = await db.attachment.findFirstOrThrow({ where: { filename: "验收单 扫描件.pdf" } });
    const { body } = await openAttachment(db, await viewer("steering@daqing.example"), row.id, store);
    const bytes: Buffer[] = [];
    for await (const b of body) bytes.push(b as Buffer);
    expect(Buffer.concat(bytes).subarray(0, 5).toString()).toBe("%PDF-");
    expect(Buffer.concat(bytes)).toHaveLength(row.size);
    const e = await openAttachment(db, await viewer("water@daqing.example"), row.id, store).catch((x: AppError) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("FORBIDDEN");
    const { errors } = await gql(
      `query ($id: String!) { progressReport(workflowId: $id) { attachments { filename } } }`,
      { id: REPORT },
      "water@daqing.example",
    );
    expect(errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("the download names the file as RFC 5987 says: an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("inline", "验收单 扫描件.pdf")).toBe(
      `inline; filename="___ ___.pdf"; filename*=UTF-8''%E9%AA%8C%E6%94%B6%E5%8D%95%20%E6%89%AB%E6%8F%8F%E4%BB%B6.pdf`,
    );
    expect(contentDisposition("attachment", `a"b's (1).docx`)).toBe(
      `attachment; filename="a_b's (1).docx"; filename*=UTF-8''a%22b%27s%20%281%29.docx`,
    );
  });
});

describe("attaching to a finding's rectification and verification", () => {
  const INSPECTION = "inspection-2027-03-01-water";
  beforeAll(async () => {
    const water = await db.department.findUniqueOrThrow({ where: { code: "water" } });
    const inspector = await db.user.findUniqueOrThrow({ where: { email: "inspector@daqing.example" } });
    const unit = { departmentId: water.id, areaId: null, code: "water", name: { zh: water.name, en: water.nameEn } };
    const finding = {
      ordinal: 1,
      description: "自动站数据缺失",
      severity: "HIGH",
      requiresRectification: true,
      deadline: "2099-04-30",
      status: "OPEN",
      reopenCount: 0,
      overdue: false,
    };
    const state = {
      ...inspectionInitialState({
        title: "水质自动站专项督导",
        inspectorId: inspector.id,
        unit,
        taskCodes: ["1.1"],
        date: "2027-03-01",
        recurrence: "NONE",
        repeatUntil: null,
        seriesStart: "2027-03-01",
        occurrence: 1,
        leadDays: 3,
        openedBy: inspector.id,
      }),
      status: "RECTIFYING" as const,
      fieldworkConcludedAt: "2027-03-01T08:00:00.000Z",
      findings: [finding],
    };
    const row = await db.inspection.create({
      data: {
        workflowId: INSPECTION,
        title: state.title,
        inspectorId: inspector.id,
        inspectedDepartmentId: water.id,
        taskCodes: "1.1",
        scheduledFor: new Date("2027-03-01"),
        status: "RECTIFYING",
        state: JSON.stringify(state),
        version: 3,
      },
    });
    await db.inspectionFinding.create({
      data: { ...finding, inspectionId: row.id, deadline: new Date("2099-04-30") },
    });
  });
  const onFinding = (kind: string) => ({ workflowId: INSPECTION, kind, ordinal: 1 });

  it("the inspected unit attaches evidence of its rectification; the API lists it on the finding", async () => {
    const row = await attach(
      "water@daqing.example",
      "整改照片说明.pdf",
      await pdf("fixed"),
      onFinding("RECTIFICATION"),
    );
    expect(row).toMatchObject({ item: "RECTIFICATION:1", reportVersion: null });
    const { data } = await gql(
      `query ($id: String!) { inspection(workflowId: $id) { findings { attachments { filename itemLabel { zh } } } } }`,
      { id: INSPECTION },
      "inspector@daqing.example",
    );
    expect(data.inspection.findings[0].attachments).toEqual([
      { filename: "整改照片说明.pdf", itemLabel: { zh: "问题1的整改情况" } },
    ]);
  });

  it("refused: the inspector for the unit's rectification, a verification not yet due, another department", async () => {
    const notUnit = await refused(
      async () => attach("inspector@daqing.example", "x.pdf", await pdf("i"), onFinding("RECTIFICATION")),
      "FORBIDDEN",
    );
    expect(notUnit.zh).toMatch(/^不能添加此附件：/);
    const early = await refused(
      async () => attach("inspector@daqing.example", "v.pdf", await pdf("v"), onFinding("VERIFICATION")),
      "INVALID_STATE",
    );
    expect(early.en).toMatch(/^This file cannot be attached: /);
    const other = await refused(
      async () => attach("epb@daqing.example", "e.pdf", await pdf("e"), onFinding("RECTIFICATION")),
      "FORBIDDEN",
    );
    expect(other.zh).toContain("督导检查");
  });
});

describe("attaching to a linkage case's enforcement result", () => {
  const CASE = "linkage-attach-evidence";
  beforeAll(async () => {
    const [epb, water] = await Promise.all(
      ["epb", "water"].map((code) => db.department.findUniqueOrThrow({ where: { code } })),
    );
    // A case in 肇源县 on a station water operates: the steering group, inspectors, epb, the monitoring centre and
    // water read it; land and 肇州县's implementer do not (app/models/read-policy.server.ts linkageWhere).
    const area = await db.area.findUniqueOrThrow({ where: { code: "230622" } });
    const station = await db.station.create({
      data: {
        code: "AT-230622",
        name: "附件测试站",
        element: "AIR",
        areaId: area.id,
        mode: "AUTOMATIC",
        operatorDepartmentId: water.id,
        status: "ACTIVE",
      },
    });
    const openedAt = new Date(Date.now() - 3600_000);
    const alert = await db.alert.create({
      data: {
        stationId: station.id,
        areaId: area.id,
        element: "AIR",
        kind: "EXCEEDANCE",
        severity: "HIGH",
        occurredAt: openedAt,
        status: "IN_LINKAGE",
      },
    });
    const state: LinkageState = {
      alertId: alert.id,
      station: station.name,
      area: { zh: area.name, en: area.nameEn },
      kind: { zh: "超标", en: "Exceedance" },
      occurredAt: openedAt.toISOString(),
      enforcementDepartmentId: epb.id,
      enforcementDepartmentCode: "epb",
      enforcementDepartment: { zh: epb.name, en: epb.nameEn },
      status: "RESPONDED",
      openedAt: openedAt.toISOString(),
      responseDeadline: new Date(Date.now() + 47 * 3600_000).toISOString(),
      respondedAt: openedAt.toISOString(),
    };
    await db.linkageCase.create({
      data: {
        workflowId: CASE,
        alertId: alert.id,
        areaId: area.id,
        status: "RESPONDED",
        openedAt,
        responseDeadline: new Date(state.responseDeadline),
        respondedAt: openedAt,
        frequencyFactor: 2,
        spotCheckRatio: 0.3,
        state: JSON.stringify(state),
        version: 2,
      },
    });
  });
  const onResult = { workflowId: CASE, kind: "RESULT", ordinal: null };
  const caseQuery = `query ($id: String!) {
    linkageCase(workflowId: $id) { attachments { filename itemLabel { zh en } url } }
    workflowEvents(workflowId: $id) { kind sentence { zh en } }
  }`;

  it("the enforcement department attaches its 现场执法记录; the API lists it on the case and in its activity log", async () => {
    const row = await attach("epb@daqing.example", "现场执法记录.pdf", await pdf("on-site record"), onResult);
    expect(row).toMatchObject({ item: "RESULT", reportVersion: null, mimeType: "application/pdf" });
    for (const reader of ["steering@daqing.example", "centre@daqing.example", "water@daqing.example"]) {
      const { data, errors } = await gql(caseQuery, { id: CASE }, reader);
      expect(errors, reader).toBeUndefined();
      expect(data.linkageCase.attachments).toEqual([
        {
          filename: "现场执法记录.pdf",
          itemLabel: { zh: "执法结果", en: "the enforcement result" },
          url: `/attachments/${row.id}`,
        },
      ]);
      const attached = data.workflowEvents.filter((e: { kind: string }) => e.kind === "ATTACH");
      expect(attached).toHaveLength(1);
      expect(attached[0].sentence.zh).toContain("为执法结果添加了附件“现场执法记录.pdf”");
      expect(attached[0].sentence.en).toContain("attached “现场执法记录.pdf” to the enforcement result");
    }
    const { body } = await openAttachment(db, await viewer("centre@daqing.example"), row.id, store);
    const bytes: Buffer[] = [];
    for await (const b of body) bytes.push(b as Buffer);
    expect(Buffer.concat(bytes)).toHaveLength(row.size);
  });

  it("someone else's case refuses: attaching, listing and opening, for departments and areas that may not read it", async () => {
    const row = await db.attachment.findFirstOrThrow({ where: { workflowId: CASE } });
    for (const outsider of ["land@daqing.example", "zhaozhou@daqing.example"]) {
      const e = await refused(async () => attach(outsider, "ours.pdf", await pdf(outsider), onResult), "FORBIDDEN");
      expect(e.zh).toContain("联动案件");
      expect(e.en).toContain("linkage case");
      const { data, errors } = await gql(caseQuery, { id: CASE }, outsider);
      expect(errors?.[0].extensions?.code, outsider).toBe("FORBIDDEN");
      expect(data?.linkageCase ?? null).toBeNull();
      expect(JSON.stringify(data ?? {})).not.toContain("现场执法记录");
      const opened = await openAttachment(db, await viewer(outsider), row.id, store).catch((x: AppError) => x);
      expect((opened as AppError).code).toBe("FORBIDDEN");
    }
  });

  it("who reads the case but is not its enforcement side may not attach to the result; nor once it is closed", async () => {
    for (const reader of ["centre@daqing.example", "water@daqing.example", "inspector@daqing.example"]) {
      const e = await refused(async () => attach(reader, "theirs.pdf", await pdf(reader), onResult), "FORBIDDEN");
      expect(e.zh).toMatch(/^不能添加此附件：只有执法部门/);
    }
    const kase = await db.linkageCase.findUniqueOrThrow({ where: { workflowId: CASE } });
    const state = JSON.parse(kase.state) as LinkageState;
    await db.linkageCase.update({
      where: { workflowId: CASE },
      data: { status: "CLOSED", state: JSON.stringify({ ...state, status: "CLOSED" }) },
    });
    const e = await refused(
      async () => attach("epb@daqing.example", "late.pdf", await pdf("late"), onResult),
      "INVALID_STATE",
    );
    expect(e.zh).toBe("不能添加此附件：案件已办结");
    expect(e.en).toBe("This file cannot be attached: The case is already closed");
  });
});
