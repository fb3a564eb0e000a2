// 催报 and 签收: the steering group chases what a department still owes (recorded in the item's log, e-mailed to the
// department's members, at most once per item and day), and the addressed department signs for each request.
// Every entry point (GraphQL, pages) calls these; the rules live here.
import type { Db } from "../../utils/db.server";
import { env } from "../../utils/env.server";
import { AppError, forbidden } from "../../utils/errors";
import type { Mailer } from "../../utils/mailer.server";
import { shanghaiDay } from "../../utils/time";
import { recipients } from "../workflows/notify.server";
import { requireRole, requireViewer, type Viewer } from "../viewer";
import { CHASED, SIGNED_FOR } from "./events";
import { loadOfficeItem, requireOpen, type OfficeItem } from "./items.server";
import { daysLate } from "./light.server";

export interface ItemRef {
  workflowId: string;
  finding?: number | null;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

/** An entry in the item's activity log, after the workflow's last step (it is not one of the workflow's steps). */
async function logEntry(
  tx: Tx,
  item: OfficeItem,
  key: string,
  kind: string,
  at: Date,
  actorId: number,
  detail: object,
) {
  const last = await tx.workflowEvent.findFirst({
    where: { workflowId: item.workflowId },
    orderBy: { step: "desc" },
    select: { step: true },
  });
  await tx.workflowEvent.create({
    data: {
      key: `${item.workflowId}#${key}`,
      workflowId: item.workflowId,
      step: last?.step ?? 0,
      kind,
      at,
      actorId,
      detail: JSON.stringify({ ...detail, ...(item.what ? { what: item.what } : {}) }),
    },
  });
}

function chaseMail(item: OfficeItem, locale: string, name: string, now: number) {
  const due = item.deadline ? shanghaiDay(new Date(item.deadline.getTime() - 1)) : null;
  const late = daysLate(item.deadline, null, now);
  const link = `${env.APP_URL}${item.path}`;
  if (locale === "en") {
    const when = [due && `due ${due}`, late && `${late} working day${late === 1 ? "" : "s"} overdue`].filter(Boolean);
    return {
      subject: `Chase from the steering group: ${item.title.en}`,
      body: `${name},\n\nThe steering group asks ${item.addressee.en} to act on “${item.title.en}”${when.length ? ` (${when.join(", ")})` : ""} as soon as possible.\n\n${link}\n`,
    };
  }
  const when = [due && `期限${due}`, late && `已逾期${late}个工作日`].filter(Boolean);
  return {
    subject: `【催报】${item.title.zh}`,
    body: `${name}：\n\n专项小组催报：请${item.addressee.zh}尽快办理“${item.title.zh}”${when.length ? `（${when.join("，")}）` : ""}。\n\n${link}\n`,
  };
}

/** 催报: the steering group only; an item still owed; once per item and day. Returns the e-mails sent. */
export async function chaseItem(db: Db, mailer: Mailer, viewer: Viewer | null, ref: ItemRef, now: number) {
  const v = requireRole(viewer, "STEERING_GROUP");
  const item = await loadOfficeItem(db, ref.workflowId, ref.finding);
  requireOpen(item, "催报", "chase");
  const at = new Date(now);
  const day = shanghaiDay(at);
  const to = await recipients(db, [
    item.departmentId !== null ? { departmentId: item.departmentId } : { areaId: item.areaId! },
  ]);
  const chase = await db
    .$transaction(async (tx) => {
      const row = await tx.chase.create({
        data: {
          workflowId: item.workflowId,
          item: item.item,
          day,
          at,
          byId: v.id,
          departmentId: item.departmentId,
          areaId: item.areaId,
          mailed: to.length,
        },
      });
      await logEntry(tx, item, `chase-${row.id}`, CHASED, at, v.id, { to: item.addressee, mailed: to.length });
      return row;
    })
    .catch((e: unknown) => {
      if (!isUniqueViolation(e)) throw e;
      throw new AppError(
        "TOO_MANY_REQUESTS",
        `今天（${day}）已催报过“${item.title.zh}”，请下一个工作日再催报`,
        `“${item.title.en}” was already chased today (${day}); chase it again on the next working day`,
      );
    });
  // Recorded first, mailed after: a failing SMTP server leaves the messages in the outbox, unsent, and the chase stands.
  let mailed = 0;
  for (const u of to) {
    const { subject, body } = chaseMail(item, u.locale, u.name, now);
    const sent = await mailer
      .deliver({
        key: `chase/${chase.id}/${u.email}`,
        workflowId: item.workflowId,
        template: "CHASE",
        to: u,
        subject,
        body,
      })
      .catch(() => false);
    if (sent) mailed++;
  }
  return { chasedAt: at, recipients: to.length, mailed };
}

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
