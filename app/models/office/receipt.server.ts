// 签收: the department (or, for an area's inspection, the area) a request is addressed to acknowledges it, once, from
// the workspace, the chase board or the item's own page. Only the addressee may; a retried 签收 returns the first.
import type { Db } from "../../utils/db.server";
import { forbidden, isAppError } from "../../utils/errors";
import { processOf } from "../../../workflows/processes";
import { requireViewer, type Viewer } from "../viewer";
import { isUniqueViolation, logEntry, type ItemRef } from "./chase.server";
import { SIGNED_FOR } from "./events";
import { loadOfficeItem, loadRectifications, requireOpen, type OfficeItem } from "./items.server";

/** May this viewer sign for the item: a member of the department (or, for an area's inspection, the area) it is addressed to. */
export function isAddressee(v: Viewer, item: Pick<OfficeItem, "departmentId" | "areaId">): boolean {
  if (v.role === "DEPARTMENT_MEMBER") return v.departmentId !== null && v.departmentId === item.departmentId;
  if (v.role === "AREA_IMPLEMENTER") return item.departmentId === null && v.areaId !== null && v.areaId === item.areaId;
  return false;
}

/** 签收: once per item; signing again returns the first receipt. */
export async function signFor(db: Db, viewer: Viewer | null, ref: ItemRef, now: number) {
  const v = requireViewer(viewer);
  const item = await loadOfficeItem(db, ref.workflowId, ref.finding);
  if (!isAddressee(v, item))
    throw forbidden(
      `只有“${item.title.zh}”所交办的${item.addressee.zh}可以签收`,
      `Only ${item.addressee.en}, to which “${item.title.en}” is addressed, may sign for it`,
    );
  const where = { workflowId_item: { workflowId: item.workflowId, item: item.item } };
  const existing = await db.receipt.findUnique({ where });
  if (existing) return existing;
  requireOpen(item, "签收", "sign for");
  const at = new Date(now);
  return db
    .$transaction(async (tx) => {
      const row = await tx.receipt.create({
        data: { workflowId: item.workflowId, item: item.item, signedAt: at, signedById: v.id },
      });
      await logEntry(tx, item, `receipt-${row.id}`, SIGNED_FOR, at, v.id, {});
      return row;
    })
    .catch(async (e: unknown) => {
      // Two clicks at once: the first receipt stands.
      if (isUniqueViolation(e)) return db.receipt.findUniqueOrThrow({ where });
      throw e;
    });
}

export interface ItemReceipt {
  workflowId: string;
  finding: number | null;
  addressee: { zh: string; en: string };
  signedAt: Date | null;
  /** This viewer may sign for it now: the addressee, the item still owed, not yet signed for. */
  canSignFor: boolean;
}

/** What an item's page shows of 签收: for a report or a work plan one entry, for an inspection one per finding that
 *  requires rectification. Empty for a workflow that has no such request (or none yet). */
export async function itemReceipts(db: Db, viewer: Viewer | null, workflowId: string): Promise<ItemReceipt[]> {
  const v = requireViewer(viewer);
  const kind = processOf(workflowId)?.kind;
  let items: OfficeItem[] = [];
  if (kind === "INSPECTION") items = await loadRectifications(db, workflowId);
  else if (kind === "REPORT" || kind === "WORK_PLAN")
    items = await loadOfficeItem(db, workflowId).then(
      (item) => [item],
      (e: unknown) => {
        if (isAppError(e) && e.code === "NOT_FOUND") return [];
        throw e;
      },
    );
  if (!items.length) return [];
  const signed = new Map(
    (await db.receipt.findMany({ where: { workflowId }, select: { item: true, signedAt: true } })).map((r) => [
      r.item,
      r.signedAt,
    ]),
  );
  return items.map((item) => {
    const signedAt = signed.get(item.item) ?? null;
    return {
      workflowId,
      finding: item.item ? Number(item.item.split(":")[1]) : null,
      addressee: item.addressee,
      signedAt,
      canSignFor: !signedAt && item.open && isAddressee(v, item),
    };
  });
}
