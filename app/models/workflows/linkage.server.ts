// 测管联动: opening a linkage case from an alert, the enforcement side's steps, the area's raised monitoring
// intensity while cases are open, and the idempotent mirror of the case workflow.
import type { Db } from "../../utils/db.server";
import { env } from "../../utils/env.server";
import { AppError, forbidden, notFound } from "../../utils/errors";
import { update } from "../../utils/temporal.server";
import { dateTime, label, parseInput, text, z } from "../../utils/validation";
import { recordAuditFor } from "../audit.server";
import { requireViewer, type Viewer } from "../viewer";
import { ALERT_KINDS, type AlertKind } from "../vocabulary";
import { linkageWorkflowId } from "../../../workflows/ids";
import type { Step } from "../../../workflows/common/step";
import type { LinkageSnapshot } from "../../../workflows/common/activity-types";
import * as m from "../../../workflows/linkage/messages";
import { applyStep, date, replaceWaiting } from "./mirror.server";
import { requireStep } from "./process-rules.server";
import * as p from "../../../workflows/linkage/process";
import { startProcess } from "./start.server";

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

export async function openLinkageCase(db: Db, viewer: Viewer | null, alertId: number) {
  const v = requireViewer(viewer);
  const alert = await db.alert.findUnique({ where: { id: alertId }, include: { station: true, area: true } });
  if (!alert) throw notFound("报警", "Alert", String(alertId));
  const { enforcement, monitoring } = await sides(db);
  const allowed = [enforcement.id, monitoring.id, alert.station.operatorDepartmentId];
  if (v.role !== "STEERING_GROUP" && !(v.role === "DEPARTMENT_MEMBER" && allowed.includes(v.departmentId)))
    throw forbidden(
      "只有专项小组、执法部门、监测部门或站点运营部门可以启动测管联动",
      "Only the steering group, enforcement, monitoring or the station's operator may open a linkage case",
    );
  const conflict = new AppError(
    "CONFLICT",
    "该报警已在联动处置中或已关闭",
    "This alert is already in a linkage case or closed",
  );
  if (alert.status !== "OPEN") throw conflict;
  const workflowId = linkageWorkflowId(alert.id);
  const raised = RAISED[alert.kind as AlertKind] ?? RAISED.DATA_ANOMALY;
  const [kindZh, kindEn] = ALERT_KINDS[alert.kind as AlertKind] ?? [alert.kind, alert.kind];
  const args: m.LinkageInput = {
    alertId: alert.id,
    stationCode: alert.station.code,
    station: alert.station.name,
    areaId: alert.areaId,
    area: { zh: alert.area.name, en: alert.area.nameEn },
    kind: { zh: kindZh, en: kindEn },
    occurredAt: alert.occurredAt.toISOString(),
    responseHours: env.LINKAGE_RESPONSE_HOURS,
    ...raised,
    enforcementDepartmentId: enforcement.id,
    enforcementDepartmentCode: enforcement.code,
    enforcementDepartment: { zh: enforcement.name, en: enforcement.nameEn },
    monitoringDepartmentId: monitoring.id,
    openedBy: v.id,
  };
  return startProcess({
    type: "linkageCaseWorkflow",
    workflowId,
    args: [args],
    conflict,
    find: () => db.linkageCase.findUnique({ where: { workflowId } }),
  });
}

async function caseFor(db: Db, workflowId: string) {
  const row = await db.linkageCase.findUnique({ where: { workflowId } });
  if (!row) throw notFound("联动案件", "Linkage case", workflowId);
  return { row, state: JSON.parse(row.state) as p.LinkageState };
}

const linkageLabels = {
  note: label("响应情况", "response"),
  summary: label("办结说明", "closing summary"),
  onSiteAt: label("到场时间", "time on site"),
  jointMonitoring: label("联合监测", "joint monitoring"),
  violationFound: label("发现违法行为", "violation found"),
  actionTaken: label("处理措施", "action taken"),
};

const note = (field: "note" | "summary", value: string) =>
  parseInput(z.object({ [field]: text(2000, { multiline: true }) }), { [field]: value }, linkageLabels)[field];

/** The enforcement side (or the steering group) answers the case. */
export async function respondToCase(db: Db, viewer: Viewer | null, workflowId: string, text: string) {
  const { state } = await caseFor(db, workflowId);
  const input = { note: note("note", text) };
  const actor = await requireStep(p.LINKAGE_STEPS.RESPOND, state, viewer, input);
  return update(workflowId, m.respondToCase, { actor, ...input });
}

export async function recordEnforcementResult(db: Db, viewer: Viewer | null, workflowId: string, raw: unknown) {
  const { state } = await caseFor(db, workflowId);
  const data = parseInput(
    z.object({
      onSiteAt: dateTime,
      jointMonitoring: z.boolean(),
      violationFound: z.boolean(),
      actionTaken: text(2000, { multiline: true }),
    }),
    raw,
    linkageLabels,
  );
  const input = { ...data, onSiteAt: data.onSiteAt.toISOString() };
  const actor = await requireStep(p.LINKAGE_STEPS.RECORD_RESULT, state, viewer, input);
  return update(workflowId, m.recordEnforcementResult, { actor, ...input });
}

export async function closeCase(db: Db, viewer: Viewer | null, workflowId: string, summary: string) {
  const { state } = await caseFor(db, workflowId);
  const input = { summary: note("summary", summary) };
  const actor = await requireStep(p.LINKAGE_STEPS.CLOSE, state, viewer, input);
  return update(workflowId, m.closeCase, { actor, ...input });
}

/** The monitoring intensity an area runs at now: the strongest of its open cases, else normal. */
export async function areaIntensity(db: Db, areaId: number) {
  const open = await db.linkageCase.findMany({
    where: { areaId, status: { not: "CLOSED" } },
    select: { frequencyFactor: true, spotCheckRatio: true },
  });
  return {
    openCases: open.length,
    frequencyFactor: Math.max(NORMAL_INTENSITY.frequencyFactor, ...open.map((c) => c.frequencyFactor)),
    spotCheckRatio: Math.max(NORMAL_INTENSITY.spotCheckRatio, ...open.map((c) => c.spotCheckRatio)),
  };
}

export function mirrorLinkage(db: Db, step: Step, { input, state, waitingFor }: LinkageSnapshot) {
  return applyStep(db, step, async (tx, fresh) => {
    const data = {
      status: state.status,
      openedAt: new Date(state.openedAt),
      responseDeadline: new Date(state.responseDeadline),
      respondedAt: date(state.respondedAt),
      responseNote: state.responseNote ?? null,
      onSiteAt: date(state.onSiteAt),
      jointMonitoring: state.jointMonitoring ?? null,
      violationFound: state.violationFound ?? null,
      actionTaken: state.actionTaken ?? null,
      resultRecordedAt: date(state.resultRecordedAt),
      closedAt: date(state.closedAt),
      closingSummary: state.closingSummary ?? null,
      escalatedAt: date(state.escalatedAt),
      waitingFor: JSON.stringify(waitingFor),
      state: JSON.stringify(state),
      version: step.step,
    };
    const row = await tx.linkageCase.findUnique({
      where: { workflowId: step.workflowId },
      select: { id: true, version: true },
    });
    if (row && !fresh(row.version)) return;
    if (row) await tx.linkageCase.update({ where: { id: row.id }, data });
    else
      await tx.linkageCase.create({
        data: {
          workflowId: step.workflowId,
          alertId: input.alertId,
          areaId: input.areaId,
          frequencyFactor: input.frequencyFactor,
          spotCheckRatio: input.spotCheckRatio,
          ...data,
        },
      });
    await replaceWaiting(tx, step.workflowId, "LINKAGE", p.title(state), waitingFor);
    await tx.alert.update({
      where: { id: input.alertId },
      data: { status: state.status === "CLOSED" ? "CLOSED" : "IN_LINKAGE" },
    });
    // The first step opens the case: its change-history entry goes with it, in this transaction.
    if (step.kind === "OPEN")
      await recordAuditFor(tx, input.openedBy, {
        entityType: "LinkageCase",
        entityId: step.workflowId,
        action: "OPEN",
        changes: { alertId: input.alertId },
        departmentId: input.enforcementDepartmentId,
      });
  });
}
