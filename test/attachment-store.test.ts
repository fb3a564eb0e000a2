// The attachment stores (ADR 021), one suite run against each: the local directory and an S3-compatible bucket.
// The S3 store talks to moto in server mode on 127.0.0.1 (test/support/moto.ts): AWS S3 cannot be reached from here,
// and moto answers the same HTTP API, so the store's real requests (signed, streamed, checksummed) are exercised.
// Covered: content-addressed keys, a retried upload stored once, streamed reads, the orphan sweep with its grace
// period and progress output, and the configuration that picks the store. Real SQLite (or PostgreSQL) rows.
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachFile } from "../app/models/attachments/attachments.server";
import { intake } from "../app/models/attachments/intake.server";
import { s3Store } from "../app/models/attachments/s3-store.server";
import { localStore, storeFromConfig, type AttachmentStore } from "../app/models/attachments/store.server";
import { sweepOrphans } from "../app/models/attachments/sweep.server";
import type { Viewer } from "../app/models/viewer";
import { initialState } from "../workflows/reporting/process";
import { createTestDb } from "./support/db";
import { startMoto, type Moto } from "./support/moto";

const { db, url } = createTestDb();
const HOUR = 3_600_000;
let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
  await moto.createBucket("eco-attachments");
}, 60_000);
afterAll(async () => {
  await moto?.stop();
  await db.$disconnect();
});

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
async function* chunks(bytes: Buffer) {
  yield new Uint8Array(bytes);
}
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const listed = async (store: AttachmentStore) => {
  const all = [];
  for await (const blob of store.list()) all.push(blob);
  return all;
};
async function readAll(store: AttachmentStore, sha256: string) {
  const parts: Buffer[] = [];
  for await (const part of await store.open(sha256)) parts.push(part as Buffer);
  return parts;
}
/** A checked file in the store's scratch directory, as intake leaves it for `put`. */
function scratch(store: AttachmentStore, bytes: Buffer): string {
  mkdirSync(store.scratchDir, { recursive: true });
  const file = path.join(store.scratchDir, randomBytes(8).toString("hex"));
  writeFileSync(file, bytes);
  return file;
}

let uploader: Viewer;
let reportSeq = 0;
/** A progress report open to epb, so attachFile runs its real checks. */
async function openReport(): Promise<string> {
  const workflowId = `report-2027Q${++reportSeq}-1.1-epb`;
  const [epb, task] = await Promise.all([
    db.department.findUniqueOrThrow({ where: { code: "epb" } }),
    db.task.findUniqueOrThrow({ where: { code: "1.1" } }),
  ]);
  const period = `2027Q${reportSeq}`;
  const at = new Date("2027-03-31T00:00:00Z");
  const cycle = await db.reportingCycle.create({
    data: { workflowId: `cycle-${period}`, period, dueDate: at, status: "OPEN", openedAt: at },
  });
  const state = initialState({
    cycleWorkflowId: cycle.workflowId,
    period,
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
      workflowId,
      cycleId: cycle.id,
      taskId: task.id,
      departmentId: epb.id,
      state: JSON.stringify(state),
      version: 1,
    },
  });
  const u = await db.user.findUniqueOrThrow({ where: { email: "epb@daqing.example" } });
  uploader = { ...u, role: u.role as Viewer["role"] };
  return workflowId;
}

const stores: [string, () => AttachmentStore][] = [
  ["local directory", () => localStore(mkdtempSync(path.join(os.tmpdir(), "eco-store-")))],
  [
    "S3-compatible bucket (moto)",
    () =>
      s3Store({
        bucket: "eco-attachments",
        prefix: `test-${randomBytes(4).toString("hex")}`,
        endpoint: moto.endpoint,
        region: moto.region,
        credentials: moto.credentials,
        scratchDir: mkdtempSync(path.join(os.tmpdir(), "eco-s3-scratch-")),
      }),
  ],
];

describe.each(stores)("the %s store", (_name, make) => {
  let store: AttachmentStore;
  const workflows: string[] = [];
  beforeAll(() => void (store = make()));

  it("stores a file under its sha256, once: a second put of the same content keeps one copy", async () => {
    const bytes = await pdf("验收单");
    const digest = sha(bytes);
    expect(await store.has(digest)).toBe(false);
    await store.put(scratch(store, bytes), digest);
    await store.put(scratch(store, bytes), digest);
    expect(await store.has(digest)).toBe(true);
    expect((await listed(store)).filter((b) => b.sha256 === digest)).toEqual([
      expect.objectContaining({ sha256: digest, size: bytes.length }),
    ]);
    expect(Buffer.concat(await readAll(store, digest))).toEqual(bytes);
    expect(readdirSync(store.scratchDir)).toEqual([]);
  });

  it("reads stream: a 6 MB file comes back in many chunks, byte for byte", async () => {
    const bytes = randomBytes(6 * 1024 * 1024);
    const digest = sha(bytes);
    await store.put(scratch(store, bytes), digest);
    const parts = await readAll(store, digest);
    expect(parts.length).toBeGreaterThan(1);
    expect(sha(Buffer.concat(parts))).toBe(digest);
  });

  it("a retried upload through attachFile stores once: one row, one stored file, one log entry", async () => {
    const workflowId = await openReport();
    workflows.push(workflowId);
    const bytes = await pdf(`retry ${workflowId}`);
    const request = { workflowId, kind: "REPORT", ordinal: null, filename: "扫描件.pdf" };
    const options = { store, maxBytes: 20 * 1024 * 1024 };
    const first = await attachFile(db, uploader, { ...request, data: chunks(bytes) }, options);
    const again = await attachFile(db, uploader, { ...request, data: chunks(bytes) }, options);
    expect(again.id).toBe(first.id);
    expect((await listed(store)).filter((b) => b.sha256 === sha(bytes))).toHaveLength(1);
    expect(await db.attachment.count({ where: { sha256: sha(bytes) } })).toBe(1);
    expect(await db.workflowEvent.count({ where: { workflowId, kind: "ATTACH" } })).toBe(1);
    expect(Buffer.concat(await readAll(store, first.sha256))).toEqual(bytes);
  });

  it("the orphan sweep removes files no attachment names once past the grace period, with progress output", async () => {
    const workflowId = await openReport();
    workflows.push(workflowId);
    const kept = await attachFile(
      db,
      uploader,
      { workflowId, kind: "REPORT", ordinal: null, filename: "留存.pdf", data: chunks(await pdf("kept")) },
      { store, maxBytes: 20 * 1024 * 1024 },
    );
    // Stored, but its row was never written (as when the row's transaction rolls back).
    const orphan = await intake(store, "孤儿.pdf", chunks(await pdf(`orphan ${workflowId}`)), 20 * 1024 * 1024);
    // An upload that died half-way leaves a scratch file.
    writeFileSync(path.join(store.scratchDir, "unfinished"), "partial");
    const graceMs = 24 * HOUR;

    const lines: string[] = [];
    const now = await sweepOrphans(db, store, { graceMs, log: (l) => lines.push(l) });
    expect(now).toMatchObject({ removed: 0, scratchRemoved: 0 });
    expect(now.young).toBeGreaterThanOrEqual(1);
    expect(await store.has(orphan.sha256)).toBe(true);

    const later = new Date(Date.now() + 25 * HOUR);
    const dry = await sweepOrphans(db, store, { graceMs, now: later, dryRun: true });
    expect(dry.removed).toBeGreaterThanOrEqual(1);
    expect(await store.has(orphan.sha256)).toBe(true);

    lines.length = 0;
    const swept = await sweepOrphans(db, store, { graceMs, now: later, log: (l) => lines.push(l), batchSize: 2 });
    expect(await store.has(orphan.sha256)).toBe(false);
    expect(await store.has(kept.sha256)).toBe(true);
    expect(swept.removed).toBe(dry.removed);
    expect(swept.scratchRemoved).toBe(1);
    expect(readdirSync(store.scratchDir)).toEqual([]);
    expect(lines[0]).toMatch(/^\[sweep\] .*unreferenced files older than 24 h$/);
    expect(lines.filter((l) => / checked, /.test(l)).length).toBeGreaterThan(1);
    expect(lines.at(-1)).toMatch(/^\[sweep\] done \/ 完成: \d+ files checked, \d+ removed \/ 已删除/);
    // Every file an attachment of this store names is still there.
    for (const row of await db.attachment.findMany({ where: { workflowId: { in: workflows } } }))
      expect(await store.has(row.sha256)).toBe(true);
  });
});

describe("configuration", () => {
  const base = { ATTACHMENT_DIR: undefined, DATABASE_URL: "file:./data/dev.db", AWS_REGION: "us-east-1" };

  it("ATTACHMENT_STORE=s3://bucket/prefix with S3_ENDPOINT and the AWS keys stores under the prefix", async () => {
    const store = storeFromConfig({
      ...base,
      ATTACHMENT_STORE: "s3://eco-attachments/prod/files",
      S3_ENDPOINT: moto.endpoint,
      AWS_ACCESS_KEY_ID: moto.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: moto.credentials.secretAccessKey,
      AWS_SESSION_TOKEN: undefined,
    });
    expect(store.location).toBe("s3://eco-attachments/prod/files");
    const bytes = await pdf("configured");
    await store.put(scratch(store, bytes), sha(bytes));
    const client = new S3Client({
      endpoint: moto.endpoint,
      region: "us-east-1",
      credentials: moto.credentials,
      forcePathStyle: true,
    });
    const page = await client.send(new ListObjectsV2Command({ Bucket: "eco-attachments", Prefix: "prod/files/" }));
    expect(page.Contents?.map((o) => o.Key)).toEqual([`prod/files/${sha(bytes).slice(0, 2)}/${sha(bytes).slice(2)}`]);
    client.destroy();
  });

  it("an upload carries its sha256 (AWS S3 refuses bytes that do not match it; moto records it)", async () => {
    const store = storeFromConfig({
      ...base,
      ATTACHMENT_STORE: "s3://eco-attachments/checked",
      S3_ENDPOINT: moto.endpoint,
      AWS_ACCESS_KEY_ID: moto.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: moto.credentials.secretAccessKey,
      AWS_SESSION_TOKEN: undefined,
    });
    const bytes = await pdf("checked");
    await store.put(scratch(store, bytes), sha(bytes));
    const client = new S3Client({
      endpoint: moto.endpoint,
      region: "us-east-1",
      credentials: moto.credentials,
      forcePathStyle: true,
    });
    const key = `checked/${sha(bytes).slice(0, 2)}/${sha(bytes).slice(2)}`;
    const head = await client.send(
      new HeadObjectCommand({ Bucket: "eco-attachments", Key: key, ChecksumMode: "ENABLED" }),
    );
    expect(head.ChecksumSHA256).toBe(createHash("sha256").update(bytes).digest("base64"));
    client.destroy();
  });

  it("the sweep command sweeps the store the configuration names, with progress output", async () => {
    const config = {
      ATTACHMENT_STORE: "s3://eco-attachments/swept",
      S3_ENDPOINT: moto.endpoint,
      AWS_ACCESS_KEY_ID: moto.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: moto.credentials.secretAccessKey,
    };
    const store = storeFromConfig({ ...base, ...config, AWS_SESSION_TOKEN: undefined });
    const orphan = await pdf("left behind");
    await store.put(scratch(store, orphan), sha(orphan));
    const run = (...args: string[]) =>
      promisify(execFile)("npm", ["run", "--silent", "attachments:sweep", "--", ...args], {
        env: { ...process.env, ...config, DATABASE_URL: url, AWS_REGION: moto.region },
      });
    const kept = await run();
    expect(kept.stdout).toMatch(/^\[sweep\] s3:\/\/eco-attachments\/swept: unreferenced files older than 24 h$/m);
    expect(kept.stdout).toContain("1 checked, 0 removed / 已删除 (0.0 MB), 1 within the grace period");
    expect(await store.has(sha(orphan))).toBe(true);
    const swept = await run("--grace-hours", "0");
    expect(swept.stdout).toMatch(/^\[sweep\] done \/ 完成: 1 files checked, 1 removed \/ 已删除/m);
    expect(await store.has(sha(orphan))).toBe(false);
    const bad = await run("--every", "soon").catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining("--every must be a number of hours") });
  });

  it("local is a directory in the data directory", () => {
    const store = storeFromConfig({
      ...base,
      ATTACHMENT_STORE: "local",
      S3_ENDPOINT: undefined,
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SESSION_TOKEN: undefined,
    });
    expect(store.location).toBe(path.resolve("data/attachments"));
  });
});
