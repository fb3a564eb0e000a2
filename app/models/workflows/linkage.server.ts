// 测管联动: opening a linkage case from an alert, the enforcement side's steps, the area's raised monitoring
// intensity while cases are open, and the idempotent mirror of the case workflow.
import type { Db } from "../../utils/db.server";
import { env } from "../../utils/env.server";
import { AppError, forbidden, notFound } from "../../utils/errors";
import { startWorkflow, update } from "../../utils/temporal.server";
import { dateTime, parseInput, text, z } from "../../utils/validation";
import { recordAudit } from "../audit.server";
import { requireDepartmentWriter, requireViewer, type Viewer } from "../viewer";
import { ALERT_KINDS, type AlertKind } from "../vocabulary";
import { linkageWorkflowId } from "../../../workflows/ids";
import type { Step } from "../../../workflows/common/step";
import type { WaitingFor } from "../../../workflows/common/messages";
import * as m from "../../../workflows/linkage/messages";
import { applyStep, date } from "./mirror.server";

/** Normal monitoring: frequency ×1, enforcement spot checks on 5% of sources (the plan sets no figure; ours). */
export const NORMAL_INTENSITY = { frequencyFactor: 1, spotCheckRatio: 0.05 };
/** While a case is open: suspected falsification calls for the most scrutiny, an offline device the least. */
const RAISED: Record<AlertKind, { frequencyFactor: number; spotCheckRatio: number }> = {
  EXCEEDANCE: { frequencyFactor: 2, spotCheckRatio: 0.3 },
  SUSPECTED_FALSIFICATION: { frequencyFactor: 4, spotCheckRatio: 0.5 },
  DEVICE_OFFLINE: { frequencyFactor: 2, spotCheckRatio: 0.1 },
  DATA_ANOMALY: { frequencyFactor: 2, spotCheckRatio: 0.2 },
};
export const ENFORCEMENT_DEPARTMENT = "epb";
export const MONITORING_DEPARTMENT = "monitoring-centre";

async function sides(db: Db) {
  const [enforcement, monitoring] = await Promise.all([
    db.department.findUniqueOrThrow({ where: { code: ENFORCEMENT_DEPARTMENT } }),
    db.department.findUniqueOrThrow({ where: { code: MONITORING_DEPARTMENT } }),
  ]);
  return { enforcement, monitoring };
}

export async function openLinkageCase(db: Db, viewer: Viewer | null, alertId: number, now = new Date()) {
  const v = requireViewer(viewer);
  const alert = await db.alert.findUnique({ where: { id: alertId }, include: { station: true, area: true } });
  if (!alert) throw notFound("报警", "Alert", String(alertId));
  const { enforcement, monitoring } = await sides(db);
  const allowed = [enforcement.id, monitoring.id, alert.station.operatorDepartmentId];
  if (v.role !== "STEERING_GROUP" && !(v.role === "DEPARTMENT_MEMBER" && allowed.includes(v.departmentId)))
    throw forbidden("只有专项小组、执法部门、监测部门或站点运营部门可以启动测管联动", "Only the steering group, enforcement, monitoring or the station's operator may open a linkage case");
  if (alert.status !== "OPEN") throw new AppError("CONFLICT", "该报警已在联动处置中或已关闭", "This alert is already in a linkage case or closed");
  const workflowId = linkageWorkflowId(alert.id);
  const raised = RAISED[alert.kind as AlertKind] ?? RAISED.DATA_ANOMALY;
  const [kindZh, kindEn] = ALERT_KINDS[alert.kind as AlertKind] ?? [alert.kind, alert.kind];
  const args: m.LinkageInput = {
    alertId: alert.id, stationCode: alert.station.code, station: alert.station.name, areaId: alert.areaId,
    area: { zh: alert.area.name, en: alert.area.nameEn }, kind: { zh: kindZh, en: kindEn }, occurredAt: alert.occurredAt.toISOString(),
    responseHours: env.LINKAGE_RESPONSE_HOURS, ...raised, enforcementDepartmentId: enforcement.id, monitoringDepartmentId: monitoring.id, openedBy: v.id,
  };
  const row = await db.$transaction(async (tx) => {
    const r = await tx.linkageCase.create({
      data: { workflowId, alertId: alert.id, areaId: alert.areaId, status: "OPEN", openedAt: now, responseDeadline: new Date(now.getTime() + args.responseHours * 3600_000), ...raised },
    });
    await tx.alert.update({ where: { id: alert.id }, data: { status: "IN_LINKAGE" } });
    await recordAudit(tx, v, { entityType: "LinkageCase", entityId: workflowId, action: "OPEN", changes: { alertId }, departmentId: enforcement.id });
    return r;
  });
  try {
    await startWorkflow("linkageCaseWorkflow", workflowId, [args]);
  } catch (e) {
    await db.$transaction([db.linkageCase.delete({ where: { id: row.id } }), db.alert.update({ where: { id: alert.id }, data: { status: "OPEN" } })]);
    throw e;
  }
  return row;
}

/** The enforcement side (or the steering group) acts on a case. */
async function requireEnforcement(db: Db, viewer: Viewer | null, workflowId: string) {
  if (!(await db.linkageCase.findUnique({ where: { workflowId } }))) throw notFound("联动案件", "Linkage case", workflowId);
  const { enforcement } = await sides(db);
  return requireDepartmentWriter(viewer, enforcement.id);
}

export async function respondToCase(db: Db, viewer: Viewer | null, workflowId: string, note: string) {
  const v = await requireEnforcement(db, viewer, workflowId);
  return update(workflowId, m.respondToCase, { actorId: v.id, note: parseInput(text(2000), note) });
}

export async function recordEnforcementResult(db: Db, viewer: Viewer | null, workflowId: string, input: unknown) {
  const v = await requireEnforcement(db, viewer, workflowId);
  const data = parseInput(z.object({ onSiteAt: dateTime, jointMonitoring: z.boolean(), violationFound: z.boolean(), actionTaken: text(2000) }), input);
  return update(workflowId, m.recordEnforcementResult, { actorId: v.id, ...data, onSiteAt: data.onSiteAt.toISOString() });
}

export async function closeCase(db: Db, viewer: Viewer | null, workflowId: string, summary: string) {
  const v = await requireEnforcement(db, viewer, workflowId);
  return update(workflowId, m.closeCase, { actorId: v.id, summary: parseInput(text(2000), summary) });
}

/** The monitoring intensity an area runs at now: the strongest of its open cases, else normal. */
export async function areaIntensity(db: Db, areaId: number) {
  const open = await db.linkageCase.findMany({ where: { areaId, status: { not: "CLOSED" } }, select: { frequencyFactor: true, spotCheckRatio: true } });
  return {
    openCases: open.length,
    frequencyFactor: Math.max(NORMAL_INTENSITY.frequencyFactor, ...open.map((c) => c.frequencyFactor)),
    spotCheckRatio: Math.max(NORMAL_INTENSITY.spotCheckRatio, ...open.map((c) => c.spotCheckRatio)),
  };
}

export function mirrorLinkage(db: Db, step: Step, { input, state, waitingFor }: { input: m.LinkageInput; state: m.LinkageState; waitingFor: WaitingFor[] }) {
  return applyStep(db, step, async (tx, fresh) => {
    const data = {
      status: state.status, openedAt: new Date(state.openedAt), responseDeadline: new Date(state.responseDeadline), respondedAt: date(state.respondedAt),
      responseNote: state.responseNote ?? null, onSiteAt: date(state.onSiteAt), jointMonitoring: state.jointMonitoring ?? null,
      violationFound: state.violationFound ?? null, actionTaken: state.actionTaken ?? null, resultRecordedAt: date(state.resultRecordedAt),
      closedAt: date(state.closedAt), closingSummary: state.closingSummary ?? null, escalatedAt: date(state.escalatedAt),
      waitingFor: JSON.stringify(waitingFor), version: step.step,
    };
    const row = await tx.linkageCase.upsert({
      where: { workflowId: step.workflowId },
      create: { workflowId: step.workflowId, alertId: input.alertId, areaId: input.areaId, frequencyFactor: input.frequencyFactor, spotCheckRatio: input.spotCheckRatio, ...data },
      update: {},
    });
    if (!fresh(row.version)) return;
    await tx.linkageCase.update({ where: { id: row.id }, data });
    await tx.alert.update({ where: { id: input.alertId }, data: { status: state.status === "CLOSED" ? "CLOSED" : "IN_LINKAGE" } });
  });
}
