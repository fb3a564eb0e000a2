// Who receives a notice, and one outbox message per recipient in the recipient's language.
import type { Db } from "../../utils/db.server";
import type { Mailer } from "../../utils/mailer.server";
import type { Audience, Notice } from "../../../workflows/common/notices";
import { renderMail } from "./mail-templates";

export type { Audience, Notice };

export async function recipients(db: Db, to: Audience[]) {
  const users = [];
  for (const a of to) {
    const where =
      "departmentId" in a
        ? { departmentId: a.departmentId, role: { in: ["DEPARTMENT_MEMBER", "AREA_IMPLEMENTER"] } }
        : "areaId" in a
          ? { areaId: a.areaId, role: "AREA_IMPLEMENTER" }
          : "role" in a
            ? { role: a.role }
            : { id: a.userId };
    users.push(
      ...(await db.user.findMany({
        where,
        select: { id: true, email: true, name: true, locale: true },
        orderBy: { id: "asc" },
      })),
    );
  }
  return [...new Map(users.map((u) => [u.id, u])).values()];
}

/** Returns how many messages were delivered now (0 on a retry that finds them all delivered). */
export async function sendNotice(db: Db, mailer: Mailer, n: Notice): Promise<number> {
  let delivered = 0;
  for (const u of await recipients(db, n.to)) {
    const { subject, body } = renderMail(n.template, u.locale, n.params);
    const sent = await mailer.deliver({
      key: `${n.key}/${u.email}`,
      workflowId: n.workflowId,
      template: n.template,
      to: u,
      subject,
      body,
    });
    if (sent) delivered++;
  }
  return delivered;
}
