// Who reads what (the README's read-policy table): one Prisma filter per kind of record, used by the API for lists
// (rows the viewer may not read are left out) and for single items (refused with FORBIDDEN, bilingual). Pages read
// through the API, so they follow the same rules. The steering group reads everything.
import type { Prisma } from "../../prisma/generated/client/client";
import type { Db } from "../utils/db.server";
import { forbidden, notFound } from "../utils/errors";
import type { Viewer } from "./viewer";
import { ENFORCEMENT_DEPARTMENT, MONITORING_DEPARTMENT } from "./workflows/linkage.server";

/** Matches no row: for a viewer a rule gives nothing (the public, a member without a department). */
const NOTHING = { id: -1 } as const;
const sees = (viewer: Viewer | null): viewer is Viewer => viewer !== null;
const isSteering = (viewer: Viewer | null) => viewer?.role === "STEERING_GROUP";

/**
 * A progress report under review (not yet ACCEPTED), with its text, draft, contributions, waitingFor and timeline:
 * its lead department, the task's supporting departments and the steering group. Accepted: any signed-in user.
 */
export function reportWhere(viewer: Viewer | null): Prisma.ProgressReportWhereInput {
  if (!sees(viewer)) return NOTHING;
  if (isSteering(viewer)) return {};
  const accepted: Prisma.ProgressReportWhereInput = { status: "ACCEPTED" };
  if (viewer.role !== "DEPARTMENT_MEMBER" || viewer.departmentId === null) return accepted;
  const department = viewer.departmentId;
  return {
    OR: [
      accepted,
      { departmentId: department },
      { task: { assignments: { some: { departmentId: department, role: "SUPPORT" } } } },
    ],
  };
}

/** An annual work plan before approval: its department and the steering group. Approved or completed: any signed-in user. */
export function workPlanWhere(viewer: Viewer | null): Prisma.AnnualWorkPlanWhereInput {
  if (!sees(viewer)) return NOTHING;
  if (isSteering(viewer)) return {};
  const approved: Prisma.AnnualWorkPlanWhereInput = { status: { in: ["APPROVED", "COMPLETED"] } };
  if (viewer.role !== "DEPARTMENT_MEMBER" || viewer.departmentId === null) return approved;
  return { OR: [approved, { departmentId: viewer.departmentId }] };
}

/** An inspection and its findings: the steering group, inspectors, and the inspected department or area. */
export function inspectionWhere(viewer: Viewer | null): Prisma.InspectionWhereInput {
  if (!sees(viewer)) return NOTHING;
  if (viewer.role === "STEERING_GROUP" || viewer.role === "INSPECTOR") return {};
  if (viewer.role === "DEPARTMENT_MEMBER" && viewer.departmentId !== null)
    return { inspectedDepartmentId: viewer.departmentId };
  if (viewer.role === "AREA_IMPLEMENTER" && viewer.areaId !== null) return { areaId: viewer.areaId };
  return NOTHING;
}

/**
 * A linkage case: the steering group, inspectors, the area's implementers, and the departments acting on it —
 * enforcement and monitoring on every case, the station's operator on its own stations' cases.
 */
export async function linkageWhere(db: Db, viewer: Viewer | null): Promise<Prisma.LinkageCaseWhereInput> {
  if (!sees(viewer)) return NOTHING;
  if (viewer.role === "STEERING_GROUP" || viewer.role === "INSPECTOR") return {};
  if (viewer.role === "AREA_IMPLEMENTER" && viewer.areaId !== null) return { areaId: viewer.areaId };
  if (viewer.role !== "DEPARTMENT_MEMBER" || viewer.departmentId === null) return NOTHING;
  const department = await db.department.findUnique({ where: { id: viewer.departmentId }, select: { code: true } });
  if (department && [ENFORCEMENT_DEPARTMENT, MONITORING_DEPARTMENT].includes(department.code)) return {};
  return { alert: { station: { operatorDepartmentId: viewer.departmentId } } };
}

/** The consolidated report of a cycle quotes every report as it stood at closing, drafts included. */
export const mayReadConsolidatedReport = isSteering;

/** Another user's e-mail, role, language, department and area: the steering group (who may list users) and the user. */
export const mayReadAccount = (viewer: Viewer | null, userId: number) => isSteering(viewer) || viewer?.id === userId;

type Kind = "report" | "workPlan" | "inspection" | "linkage" | "cycle";
const KIND_NAMES: Record<Kind, [string, string]> = {
  report: ["推进落实情况报告", "progress report"],
  workPlan: ["年度工作计划", "annual work plan"],
  inspection: ["督导检查", "inspection"],
  linkage: ["联动案件", "linkage case"],
  cycle: ["报送周期", "reporting cycle"],
};
const WHO: Record<Kind, [string, string]> = {
  report: [
    "审核通过前仅限牵头部门、配合部门和专项小组查看",
    "until accepted only its lead and supporting departments and the steering group may read it",
  ],
  workPlan: ["批准前仅限本部门和专项小组查看", "until approved only its department and the steering group may read it"],
  inspection: [
    "仅限专项小组、督查人员和被检查单位查看",
    "only the steering group, inspectors and the inspected unit may read it",
  ],
  linkage: [
    "仅限专项小组、督查人员、所在县区和处置部门查看",
    "only the steering group, inspectors, its area and the departments acting on it may read it",
  ],
  cycle: ["", ""],
};

const refused = (kind: Kind) =>
  forbidden(
    `您无权查看此${KIND_NAMES[kind][0]}：${WHO[kind][0]}`,
    `You may not read this ${KIND_NAMES[kind][1]}: ${WHO[kind][1]}`,
  );

/** Which record a workflow ID names (IDs are business keys: workflows/ids.ts). */
const PREFIXES: Record<string, Kind> = {
  report: "report",
  workplan: "workPlan",
  inspection: "inspection",
  linkage: "linkage",
  cycle: "cycle",
};
const kindOf = (workflowId: string): Kind | null => PREFIXES[/^([a-z]+)-/.exec(workflowId)?.[1] ?? ""] ?? null;

/** True when the record exists and the viewer may read it, false when it does not exist; FORBIDDEN otherwise. */
async function readable(db: Db, viewer: Viewer | null, kind: Kind, workflowId: string): Promise<boolean> {
  const where = { workflowId };
  const [exists, allowed] = await (async () => {
    switch (kind) {
      case "report":
        return Promise.all([
          db.progressReport.count({ where }),
          db.progressReport.count({ where: { AND: [where, reportWhere(viewer)] } }),
        ]);
      case "workPlan":
        return Promise.all([
          db.annualWorkPlan.count({ where }),
          db.annualWorkPlan.count({ where: { AND: [where, workPlanWhere(viewer)] } }),
        ]);
      case "inspection":
        return Promise.all([
          db.inspection.count({ where }),
          db.inspection.count({ where: { AND: [where, inspectionWhere(viewer)] } }),
        ]);
      case "linkage":
        return Promise.all([
          db.linkageCase.count({ where }),
          db.linkageCase.count({ where: { AND: [where, await linkageWhere(db, viewer)] } }),
        ]);
      case "cycle": {
        const n = await db.reportingCycle.count({ where });
        return [n, sees(viewer) ? n : 0];
      }
    }
  })();
  if (!exists) return false;
  if (!allowed) throw refused(kind);
  return true;
}

/** For a single record's query: false when it does not exist (the field answers null), FORBIDDEN when not the viewer's to read. */
export const requireReadable = (db: Db, viewer: Viewer | null, kind: Exclude<Kind, "cycle">, workflowId: string) =>
  readable(db, viewer, kind, workflowId);

/** A workflow's timeline and what it waits for are read as the record it runs; an unknown ID only by the steering group. */
export async function requireWorkflowReadable(db: Db, viewer: Viewer | null, workflowId: string): Promise<void> {
  if (isSteering(viewer)) return;
  const kind = kindOf(workflowId);
  if (!kind || !(await readable(db, viewer, kind, workflowId))) throw notFound("流程", "Workflow", workflowId);
}

/** Change-history entries about records anyone signed in may read; other kinds only when the record is the viewer's to read. */
const OPEN_ENTITIES = ["Task", "Target", "Station", "Alert", "ReportingCycle"];

export async function auditWhere(db: Db, viewer: Viewer | null): Promise<Prisma.AuditEventWhereInput> {
  if (!sees(viewer)) return NOTHING;
  if (isSteering(viewer)) return {};
  const ids = async (rows: Promise<{ workflowId: string }[]>) => (await rows).map((r) => r.workflowId);
  const select = { workflowId: true } as const;
  const [reports, plans, inspections, cases] = await Promise.all([
    ids(db.progressReport.findMany({ where: reportWhere(viewer), select })),
    ids(db.annualWorkPlan.findMany({ where: workPlanWhere(viewer), select })),
    ids(db.inspection.findMany({ where: inspectionWhere(viewer), select })),
    ids(linkageWhere(db, viewer).then((where) => db.linkageCase.findMany({ where, select }))),
  ]);
  // Entries of any other kind (users, sessions, whatever comes next) stay the steering group's until a rule says otherwise.
  return {
    OR: [
      { entityType: { in: OPEN_ENTITIES } },
      { entityType: "ProgressReport", entityId: { in: reports } },
      { entityType: "AnnualWorkPlan", entityId: { in: plans } },
      { entityType: "Inspection", entityId: { in: inspections } },
      { entityType: "LinkageCase", entityId: { in: cases } },
    ],
  };
}
