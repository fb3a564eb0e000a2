// The workflow lists, a page at a time (Relay connections, cursor = the row's id), soonest deadline first, filtered
// by what people ask about: department, task, status, a deadline range and overdue only. Only rows the viewer may
// read are listed (app/models/read-policy.server.ts). A cursor must name a row of the list as filtered, else the
// answer is BAD_INPUT in both languages (paging.ts). The older flat list fields stay for their callers.
import { builder } from "../builder";
import { deadlineRange, listing, START_INDEX } from "./paging";
import { InspectionStatusEnum } from "./inspection";
import { LinkageStatusEnum } from "./linkage";
import { ReportStatusEnum } from "./reporting";
import { WorkPlanStatusEnum } from "./work-plan";
import { now } from "../../app/utils/clock.server";
import { inspectionWhere, linkageWhere, reportWhere, workPlanWhere } from "../../app/models/read-policy.server";

type Maybe<T> = T | null | undefined;
interface Common {
  dueFrom?: Maybe<string>;
  dueTo?: Maybe<string>;
  overdue?: Maybe<boolean>;
}
const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const reports = listing<Common & { departmentCode?: Maybe<string>; taskCode?: Maybe<string>; status?: Maybe<string> }>(
  (ctx) => ctx.db.progressReport,
  (a, ctx) => ({
    AND: [
      defined({
        department: a.departmentCode ? { code: a.departmentCode } : undefined,
        task: a.taskCode ? { code: a.taskCode } : undefined,
        status: a.status ?? undefined,
        cycle: deadlineRange(a.dueFrom, a.dueTo) ? { dueDate: deadlineRange(a.dueFrom, a.dueTo) } : undefined,
        overdue: a.overdue ? true : undefined,
      }),
      reportWhere(ctx.viewer),
    ],
  }),
  [{ cycle: { dueDate: "asc" } }, { id: "asc" }],
);

const workPlans = listing<
  Common & { departmentCode?: Maybe<string>; taskCode?: Maybe<string>; year?: Maybe<number>; status?: Maybe<string> }
>(
  (ctx) => ctx.db.annualWorkPlan,
  async (a, ctx) => ({
    AND: [
      defined({
        department: a.departmentCode ? { code: a.departmentCode } : undefined,
        year: a.year ?? undefined,
        // A plan is about a task when one of its milestones names it.
        milestones: a.taskCode ? { some: { taskCode: a.taskCode } } : undefined,
        status: a.status ?? undefined,
        dueDate: deadlineRange(a.dueFrom, a.dueTo),
      }),
      // Overdue: still awaited from the department past its due day, or with a milestone past its own.
      a.overdue
        ? {
            OR: [
              { status: { in: ["DRAFTING", "RETURNED"] }, dueDate: { lt: new Date(await now()) } },
              { milestones: { some: { overdue: true } } },
            ],
          }
        : {},
      workPlanWhere(ctx.viewer),
    ],
  }),
  [{ dueDate: "asc" }, { id: "asc" }],
);

const inspections = listing<
  Common & {
    departmentCode?: Maybe<string>;
    areaCode?: Maybe<string>;
    taskCode?: Maybe<string>;
    status?: Maybe<string>;
  }
>(
  (ctx) => ctx.db.inspection,
  (a, ctx) => ({
    AND: [
      // The tasks in scope are stored joined by commas ("1.1,1.3"): the code alone, first, last or between two.
      a.taskCode
        ? {
            OR: [
              { taskCodes: a.taskCode },
              { taskCodes: { startsWith: `${a.taskCode},` } },
              { taskCodes: { endsWith: `,${a.taskCode}` } },
              { taskCodes: { contains: `,${a.taskCode},` } },
            ],
          }
        : {},
      defined({
        inspectedDepartment: a.departmentCode ? { code: a.departmentCode } : undefined,
        area: a.areaCode ? { code: a.areaCode } : undefined,
        status: a.status ?? undefined,
        scheduledFor: deadlineRange(a.dueFrom, a.dueTo),
        // Overdue: a finding past its rectification deadline.
        findings: a.overdue ? { some: { overdue: true } } : undefined,
      }),
      inspectionWhere(ctx.viewer),
    ],
  }),
  [{ scheduledFor: "asc" }, { id: "asc" }],
);

const linkageCases = listing<Common & { areaCode?: Maybe<string>; status?: Maybe<string> }>(
  (ctx) => ctx.db.linkageCase,
  async (a, ctx) => ({
    AND: [
      defined({
        area: a.areaCode ? { code: a.areaCode } : undefined,
        status: a.status ?? undefined,
        responseDeadline: deadlineRange(a.dueFrom, a.dueTo),
      }),
      // Overdue as the case's `breached` says: escalated, or not answered by its response deadline.
      a.overdue
        ? {
            OR: [
              { escalatedAt: { not: null } },
              { respondedAt: null, responseDeadline: { lt: new Date(await now()) } },
            ],
          }
        : {},
      await linkageWhere(ctx.db, ctx.viewer),
    ],
  }),
  [{ responseDeadline: "asc" }, { id: "asc" }],
);

const PAGE = { defaultSize: 20, maxSize: 200 } as const;

builder.queryFields((t) => {
  const dueArgs = {
    dueFrom: t.arg({ type: "Date", description: "Deadline on or after this day" }),
    dueTo: t.arg({ type: "Date", description: "Deadline on or before this day" }),
    overdue: t.arg.boolean({ description: "Only what is past its deadline" }),
  };
  return {
    progressReports: t.prismaConnection(
      {
        type: "ProgressReport",
        cursor: "id",
        ...PAGE,
        authScopes: { signedIn: true },
        description: "Progress reports, soonest cycle deadline first, those the viewer may read",
        args: {
          departmentCode: t.arg.string(),
          taskCode: t.arg.string(),
          status: t.arg({ type: ReportStatusEnum }),
          ...dueArgs,
        },
        totalCount: reports.totalCount,
        resolve: async (query, _r, args, ctx) =>
          ctx.db.progressReport.findMany({
            ...query,
            where: await reports.pageWhere(args, ctx),
            orderBy: reports.orderBy,
          }),
      },
      {
        fields: (c) => ({
          startIndex: c.int({ description: START_INDEX, resolve: (p, _a, ctx) => reports.startIndex(p, ctx) }),
        }),
      },
    ),
    workPlansConnection: t.prismaConnection(
      {
        type: "AnnualWorkPlan",
        cursor: "id",
        ...PAGE,
        authScopes: { signedIn: true },
        description: "Annual work plans, soonest due first, those the viewer may read",
        args: {
          departmentCode: t.arg.string(),
          taskCode: t.arg.string({ description: "Plans with a milestone of this task" }),
          year: t.arg.int(),
          status: t.arg({ type: WorkPlanStatusEnum }),
          ...dueArgs,
        },
        totalCount: workPlans.totalCount,
        resolve: async (query, _r, args, ctx) =>
          ctx.db.annualWorkPlan.findMany({
            ...query,
            where: await workPlans.pageWhere(args, ctx),
            orderBy: workPlans.orderBy,
          }),
      },
      {
        fields: (c) => ({
          startIndex: c.int({ description: START_INDEX, resolve: (p, _a, ctx) => workPlans.startIndex(p, ctx) }),
        }),
      },
    ),
    inspectionsConnection: t.prismaConnection(
      {
        type: "Inspection",
        cursor: "id",
        ...PAGE,
        authScopes: { signedIn: true },
        description:
          "Inspections, soonest scheduled first, those the viewer may read; overdue: with a finding past its deadline",
        args: {
          departmentCode: t.arg.string(),
          areaCode: t.arg.string(),
          taskCode: t.arg.string({ description: "Inspections with this task in scope" }),
          status: t.arg({ type: InspectionStatusEnum }),
          ...dueArgs,
        },
        totalCount: inspections.totalCount,
        resolve: async (query, _r, args, ctx) =>
          ctx.db.inspection.findMany({
            ...query,
            where: await inspections.pageWhere(args, ctx),
            orderBy: inspections.orderBy,
          }),
      },
      {
        fields: (c) => ({
          startIndex: c.int({ description: START_INDEX, resolve: (p, _a, ctx) => inspections.startIndex(p, ctx) }),
        }),
      },
    ),
    linkageCasesConnection: t.prismaConnection(
      {
        type: "LinkageCase",
        cursor: "id",
        ...PAGE,
        authScopes: { signedIn: true },
        description: "Linkage cases, soonest response deadline first, those the viewer may read",
        args: { areaCode: t.arg.string(), status: t.arg({ type: LinkageStatusEnum }), ...dueArgs },
        totalCount: linkageCases.totalCount,
        resolve: async (query, _r, args, ctx) =>
          ctx.db.linkageCase.findMany({
            ...query,
            where: await linkageCases.pageWhere(args, ctx),
            orderBy: linkageCases.orderBy,
          }),
      },
      {
        fields: (c) => ({
          startIndex: c.int({ description: START_INDEX, resolve: (p, _a, ctx) => linkageCases.startIndex(p, ctx) }),
        }),
      },
    ),
  };
});
