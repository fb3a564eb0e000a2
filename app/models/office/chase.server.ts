// 催报: the steering group chases what a department still owes (recorded in the item's log, e-mailed to the
// department's members through the outbox, at most once per item and working day). 签收 is in receipt.server.ts.
// Every entry point (GraphQL, pages) calls these; the rules live here.
import type { Db } from "../../utils/db.server";
import { env } from "../../utils/env.server";
import { AppError } from "../../utils/errors";
import { queueMail, type Mailer } from "../../utils/mailer.server";
import { shanghaiDay } from "../../utils/time";
import { recipients } from "../workflows/notify.server";
import { addWorkingDays, workingDayOnOrAfter } from "../../../workflows/common/working-days";
import { workCalendar } from "../work-calendar.server";
import { requireRole, type Viewer } from "../viewer";
import { CHASED } from "./events";
import { loadOfficeItem, requireOpen, type OfficeItem } from "./items.server";
import { daysLate } from "./light.server";

export interface ItemRef {
  workflowId: string;
  finding?: number | null;
}

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

/** An entry in the item's activity log, after the workflow's last step (it is not one of the workflow's steps). */
export async function logEntry(
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

/** The working day a chase at `day` counts toward (a chase on a Saturday counts toward Monday), and the next one. */
function chaseWorkingDay(day: string) {
  const calendar = workCalendar();
  const counted = workingDayOnOrAfter(calendar, day);
  return { counted, next: addWorkingDays(calendar, counted, 1) };
}

/**
 * 催报: the steering group only; an item still owed; once per item and working day. The chase, its log entry and one
 * outbox message per member of the addressee commit together; the messages are then sent here, and whatever is not
 * (the SMTP server is down, or this process dies first) the worker's outbox sweeper sends later.
 */
export async function chaseItem(db: Db, mailer: Mailer, viewer: Viewer | null, ref: ItemRef, now: number) {
  const v = requireRole(viewer, "STEERING_GROUP");
  const item = await loadOfficeItem(db, ref.workflowId, ref.finding);
  requireOpen(item, "催报", "chase");
  const at = new Date(now);
  const { counted, next } = chaseWorkingDay(shanghaiDay(at));
  const to = await recipients(db, [
    item.departmentId !== null ? { departmentId: item.departmentId } : { areaId: item.areaId! },
  ]);
  const queued = await db
    .$transaction(async (tx) => {
      const row = await tx.chase.create({
        data: {
          workflowId: item.workflowId,
          item: item.item,
          day: counted,
          at,
          byId: v.id,
          departmentId: item.departmentId,
          areaId: item.areaId,
          mailed: to.length,
        },
      });
      await logEntry(tx, item, `chase-${row.id}`, CHASED, at, v.id, { to: item.addressee, recipients: to.length });
      const ids: number[] = [];
      for (const u of to) {
        const { subject, body } = chaseMail(item, u.locale, u.name, now);
        const key = `chase/${row.id}/${u.email}`;
        ids.push(
          (await queueMail(tx, { key, workflowId: item.workflowId, template: "CHASE", to: u, subject, body })).id,
        );
      }
      return ids;
    })
    .catch((e: unknown) => {
      if (!isUniqueViolation(e)) throw e;
      throw new AppError(
        "TOO_MANY_REQUESTS",
        `本工作日（${counted}）已催报过“${item.title.zh}”，下一次可在${next}（下一个工作日）催报`,
        `“${item.title.en}” was already chased on working day ${counted}; it can be chased again on ${next}, the next working day`,
      );
    });
  // Sent after the commit. A failure leaves the rest queued: the chase stands and the sweeper retries.
  let mailed = 0;
  for (const id of queued) {
    const outcome = await mailer.sendQueued(id).catch(() => "failed" as const);
    if (outcome === "failed") break;
    if (outcome === "sent" || outcome === "already-sent") mailed++;
  }
  return { chasedAt: at, recipients: to.length, mailed, queued: mailer.sends ? queued.length - mailed : 0 };
}
