// Attaching evidence to an item and reading it back. Who may attach is decided before a byte of the file is read
// (items.server.ts); the file is checked as it streams in (intake.server.ts); a retried upload of the same content to
// the same item finds its row and stores nothing twice. Each attachment is a step in the item's activity log.
import type { Readable } from "node:stream";
import type { Db } from "../../utils/db.server";
import { AppError, notFound } from "../../utils/errors";
import { requireReadable } from "../read-policy.server";
import { requireViewer, type Viewer } from "../viewer";
import { ATTACH_EVENT, type AttachDetail } from "./events";
import { intake } from "./intake.server";
import { attachTarget, recordOf, type ItemTarget } from "./items.server";
import type { AttachmentStore } from "./store.server";

export interface AttachRequest {
  workflowId: string;
  /** REPORT | CONTRIBUTION | RECTIFICATION | VERIFICATION | RESULT */
  kind: string;
  /** The finding's ordinal, for RECTIFICATION and VERIFICATION. */
  ordinal: number | null;
  filename: string;
  data: AsyncIterable<Uint8Array>;
}

export interface AttachOptions {
  store: AttachmentStore;
  maxBytes: number;
}

/** Checks who may attach here, before the upload is read: the page's upload handler calls it first. */
export async function authorizeAttach(db: Db, viewer: Viewer | null, r: Omit<AttachRequest, "filename" | "data">) {
  requireViewer(viewer);
  const record = recordOf(r.workflowId);
  if (!record) throw notFound("事项", "Item", r.workflowId);
  if (!(await requireReadable(db, viewer, record, r.workflowId))) throw notFound("事项", "Item", r.workflowId);
  return attachTarget(db, viewer, r.workflowId, r.kind, r.ordinal);
}

async function versionOf(db: Db, target: ItemTarget, workflowId: string): Promise<number> {
  const where = { where: { workflowId }, select: { version: true } };
  const row =
    target.record === "report"
      ? await db.progressReport.findUnique(where)
      : target.record === "inspection"
        ? await db.inspection.findUnique(where)
        : await db.linkageCase.findUnique(where);
  return row?.version ?? 0;
}

/** Attaches one file; answers the attachment row (the existing one for a retried upload). */
export async function attachFile(db: Db, viewer: Viewer | null, r: AttachRequest, options: AttachOptions) {
  const target = await authorizeAttach(db, viewer, r);
  const uploader = requireViewer(viewer);
  const file = await intake(options.store, r.filename, r.data, options.maxBytes);
  const key = { workflowId: r.workflowId, item: target.item, sha256: file.sha256 };
  const existing = await db.attachment.findUnique({ where: { workflowId_item_sha256: key } });
  if (existing) return existing;
  const step = await versionOf(db, target, r.workflowId);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.attachment.create({
        data: {
          ...key,
          reportVersion: target.reportVersion,
          size: file.size,
          mimeType: file.mimeType,
          filename: file.filename,
          uploadedById: uploader.id,
          departmentId: target.departmentId,
        },
      });
      const detail: AttachDetail = { filename: row.filename, item: row.item, reportVersion: row.reportVersion };
      // Ordered after the workflow step the item stood at (timelines sort by step, then by row).
      await tx.workflowEvent.create({
        data: {
          key: `attach:${row.id}`,
          workflowId: r.workflowId,
          step,
          kind: ATTACH_EVENT,
          at: row.uploadedAt,
          actorId: uploader.id,
          detail: JSON.stringify(detail),
        },
      });
      return row;
    });
  } catch (e) {
    // Two identical uploads at once: the other one's row is the answer.
    const raced = await db.attachment.findUnique({ where: { workflowId_item_sha256: key } });
    if (raced) return raced;
    throw e;
  }
}

/** An item's attachments, for a viewer who may read the item (the caller has checked). */
export function attachmentsOf(db: Db, workflowId: string) {
  return db.attachment.findMany({ where: { workflowId }, orderBy: { id: "asc" } });
}

/** One attachment and its bytes, read under the rules of the item it belongs to. */
export async function openAttachment(
  db: Db,
  viewer: Viewer | null,
  id: number,
  store: AttachmentStore,
): Promise<{ row: Awaited<ReturnType<typeof attachmentsOf>>[number]; body: Readable }> {
  const missing = notFound("附件", "Attachment", String(id));
  const row = Number.isSafeInteger(id) ? await db.attachment.findUnique({ where: { id } }) : null;
  const record = row ? recordOf(row.workflowId) : null;
  if (!row || !record) throw missing;
  requireViewer(viewer);
  if (!(await requireReadable(db, viewer, record, row.workflowId))) throw missing;
  if (!(await store.has(row.sha256)))
    throw new AppError(
      "NOT_FOUND",
      `附件“${row.filename}”的文件已不在存储中，请联系管理员`,
      `The file of attachment “${row.filename}” is missing from the store; please tell the administrator`,
    );
  return { row, body: await store.open(row.sha256) };
}
