// Recording that a recurring duty was fulfilled (a training held, results published) and that a milestone was reached.
// These records are what the RECURRING and MILESTONE targets' live progress counts.
import type { Db } from "../utils/db.server";
import { AppError, notFound } from "../utils/errors";
import { shanghaiDay } from "../utils/time";
import {
  dayWithin,
  isoDate,
  label,
  parseInput,
  PLAN_FIRST_DAY,
  requirePlausible,
  text,
  unchanged,
  z,
} from "../utils/validation";
import { recordAudit } from "./audit.server";
import { requireDepartmentWriter, requireRole, requireViewer, type Viewer } from "./viewer";

const dutyInput = z.object({
  targetCode: z.string().max(64),
  occurredOn: isoDate,
  summary: text(500, { multiline: true }),
  departmentCode: z.string().max(64).nullish(),
});
const dutyLabels = {
  targetCode: label("目标", "target"),
  occurredOn: label("日期", "date"),
  summary: label("履职情况", "what was done"),
  departmentCode: label("部门", "department"),
};

export async function recordDutyFulfilment(db: Db, viewer: Viewer | null, input: unknown, now = new Date()) {
  const v = requireViewer(viewer);
  const data = parseInput(dutyInput, input, dutyLabels);
  if (data.occurredOn.getTime() > now.getTime())
    throw new AppError("BAD_INPUT", "日期不能晚于今天", "The date cannot be in the future");
  requirePlausible([
    dayWithin("occurredOn", shanghaiDay(data.occurredOn), PLAN_FIRST_DAY, shanghaiDay(now), ["履职日期", "the date"]),
  ]);
  return db.$transaction(async (tx) => {
    const target = await tx.target.findUnique({ where: { code: data.targetCode } });
    if (!target) throw notFound("目标", "Target", data.targetCode);
    if (target.measure !== "RECURRING")
      throw new AppError(
        "INVALID_STATE",
        "该目标不是经常性工作，不能登记完成记录",
        "This target is not a recurring duty",
      );
    const dept = data.departmentCode
      ? await tx.department.findUnique({ where: { code: data.departmentCode } })
      : v.departmentId !== null
        ? await tx.department.findUnique({ where: { id: v.departmentId } })
        : null;
    if (!dept) throw new AppError("BAD_INPUT", "请指定履职部门", "Say which department fulfilled the duty");
    requireDepartmentWriter(v, dept.id);
    if (
      target.responsibleDepartmentId !== null &&
      target.responsibleDepartmentId !== dept.id &&
      v.role !== "STEERING_GROUP"
    )
      throw new AppError("FORBIDDEN", "该项工作由其他部门负责", "Another department is responsible for this duty");
    const dup = await tx.dutyRecord.findUnique({
      where: {
        targetId_departmentId_occurredOn: { targetId: target.id, departmentId: dept.id, occurredOn: data.occurredOn },
      },
    });
    if (dup) throw new AppError("CONFLICT", "当日已登记过该项工作", "This duty is already recorded for that day");
    const record = await tx.dutyRecord.create({
      data: {
        targetId: target.id,
        departmentId: dept.id,
        occurredOn: data.occurredOn,
        summary: data.summary,
        createdById: v.id,
      },
    });
    await recordAudit(tx, v, {
      entityType: "Target",
      entityId: target.code,
      action: "RECORD_DUTY",
      changes: { occurredOn: data.occurredOn, summary: data.summary },
      departmentId: dept.id,
    });
    return record;
  });
}

const milestoneInput = z.object({ targetCode: z.string().max(64), achievedOn: isoDate.nullable() });

/** The steering group records a milestone target reached (or, with null, withdraws that). */
export async function setMilestoneAchieved(db: Db, viewer: Viewer | null, input: unknown, now = new Date()) {
  const v = requireRole(viewer, "STEERING_GROUP");
  const data = parseInput(milestoneInput, input, {
    targetCode: dutyLabels.targetCode,
    achievedOn: label("完成日期", "day reached"),
  });
  requirePlausible([
    dayWithin("achievedOn", data.achievedOn && shanghaiDay(data.achievedOn), PLAN_FIRST_DAY, shanghaiDay(now), [
      "完成日期",
      "the date achieved",
    ]),
  ]);
  return db.$transaction(async (tx) => {
    const target = await tx.target.findUnique({ where: { code: data.targetCode } });
    if (!target) throw notFound("目标", "Target", data.targetCode);
    if (target.measure !== "MILESTONE")
      throw new AppError(
        "INVALID_STATE",
        "只有节点类目标可以登记完成",
        "Only a milestone target can be marked achieved",
      );
    if ((target.achievedOn?.getTime() ?? null) === (data.achievedOn?.getTime() ?? null))
      throw unchanged("完成日期", "achievement date");
    const updated = await tx.target.update({ where: { id: target.id }, data: { achievedOn: data.achievedOn } });
    await recordAudit(tx, v, {
      entityType: "Target",
      entityId: target.code,
      action: "SET_ACHIEVED",
      changes: { achievedOn: [target.achievedOn, data.achievedOn] },
    });
    return updated;
  });
}
