// Who receives a notice, and one outbox message per recipient in the recipient's language.
import type { Db } from "../../utils/db.server";
import type { Mailer } from "../../utils/mailer.server";
import { renderMail, type TemplateName, type TemplateParams } from "./mail-templates";

/** A department's members, an area's implementers, the steering group, or one user. */
export type Audience = { departmentId: number } | { areaId: number } | { role: "STEERING_GROUP" } | { userId: number };

export interface Notice {
  /** Unique per notice (workflow ID + what + when); the recipient's e-mail is appended per message. */
  key: string;
  workflowId: string;
  template: TemplateName;
  params: TemplateParams;
  to: Audience[];
}

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
    users.push(...(await db.user.findMany({ where, select: { id: true, email: true, name: true, locale: true }, orderBy: { id: "asc" } })));
  }
  return [...new Map(users.map((u) => [u.id, u])).values()];
}

/** Returns how many messages were delivered now (0 on a retry that finds them all delivered). */
export async function sendNotice(db: Db, mailer: Mailer, n: Notice): Promise<number> {
  let delivered = 0;
  for (const u of await recipients(db, n.to)) {
    const { subject, body } = renderMail(n.template, u.locale, n.params);
    const sent = await mailer.deliver({ key: `${n.key}/${u.email}`, workflowId: n.workflowId, template: n.template, to: u, subject, body });
    if (sent) delivered++;
  }
  return delivered;
}
