// The workspace's data: one GraphQL operation for the signed-in user's role, sorted into "what needs me".
import { redirect } from "@remix-run/node";
import { gqlOrThrow } from "../../utils/graphql.server";

const ME = `query { me { name role department { code name nameEn } area { code name nameEn } } }`;

const WORK = /* GraphQL */ `
  query Workspace($dept: String, $isDept: Boolean!) {
    lead: tasks(first: 100, departmentCode: $dept, role: LEAD) @include(if: $isDept) { edges { node { code title titleEn status } } }
    support: tasks(first: 100, departmentCode: $dept, role: SUPPORT) @include(if: $isDept) { edges { node { code title titleEn status } } }
    reportingCycles {
      period status dueDate
      reports { workflowId status late overdue escalatedAt submittedAt task { code title titleEn supportingDepartments { code } } department { code name nameEn } contributions { department { code } } }
    }
    workPlans { workflowId year status escalatedAt department { code name nameEn } milestones { ordinal what dueDate status overdue escalatedAt } }
    inspections { workflowId title status scheduledFor inspectedDepartment { code name nameEn } area { code name nameEn } findings { ordinal description status deadline overdue escalatedAt } }
  }
`;

type Unit = { code: string; name: string; nameEn: string };
interface Me { name: string; role: string; department: Unit | null; area: Unit | null }
interface TaskRow { code: string; title: string; titleEn: string; status: string }
interface Report { workflowId: string; status: string; late: boolean; overdue: boolean; escalatedAt: string | null; submittedAt: string | null; task: { code: string; title: string; titleEn: string; supportingDepartments: { code: string }[] }; department: Unit; contributions: { department: { code: string } }[] }
interface Data {
  lead?: { edges: { node: TaskRow }[] };
  support?: { edges: { node: TaskRow }[] };
  reportingCycles: { period: string; status: string; dueDate: string; reports: Report[] }[];
  workPlans: { workflowId: string; year: number; status: string; escalatedAt: string | null; department: Unit; milestones: { ordinal: number; what: string; dueDate: string; status: string; overdue: boolean; escalatedAt: string | null }[] }[];
  inspections: { workflowId: string; title: string; status: string; scheduledFor: string; inspectedDepartment: Unit | null; area: Unit | null; findings: { ordinal: number; description: string; status: string; deadline: string | null; overdue: boolean; escalatedAt: string | null }[] }[];
}

export interface Item { key: string; href: string; label: string; status: string; overdue?: boolean; due?: string | null; unit?: Unit | null }

export async function loadWorkspace(request: Request) {
  const { me } = await gqlOrThrow<{ me: Me | null }>(request, ME);
  if (!me) throw redirect("/login?redirectTo=/workspace");
  const dept = me.role === "DEPARTMENT_MEMBER" ? (me.department?.code ?? null) : null;
  const d = await gqlOrThrow<Data>(request, WORK, { dept, isDept: !!dept });
  const reports = d.reportingCycles.flatMap((c) => c.reports.map((r) => ({ ...r, period: c.period, cycleOpen: c.status === "OPEN", due: c.dueDate })));
  const reportItem = (r: (typeof reports)[number]): Item => ({ key: r.workflowId, href: `/reports/${encodeURIComponent(r.workflowId)}`, label: `${r.period} · ${r.task.code} ${r.task.title}`, status: r.status, overdue: r.overdue, due: r.due, unit: r.department });
  const open = (s: string) => s === "PENDING" || s === "RETURNED";
  const findings = d.inspections.flatMap((i) => i.findings.map((f) => ({ ...f, inspection: i })));
  const findingItem = (f: (typeof findings)[number]): Item => ({ key: `${f.inspection.workflowId}#${f.ordinal}`, href: `/inspections/${encodeURIComponent(f.inspection.workflowId)}`, label: `${f.inspection.title} #${f.ordinal} ${f.description}`, status: f.status, overdue: f.overdue, due: f.deadline, unit: f.inspection.inspectedDepartment ?? f.inspection.area });
  const planItem = (p: Data["workPlans"][number]): Item => ({ key: p.workflowId, href: `/work-plans/${encodeURIComponent(p.workflowId)}`, label: `${p.year}`, status: p.status, overdue: !!p.escalatedAt && (p.status === "DRAFTING" || p.status === "RETURNED"), unit: p.department });
  const inspectedByMe = (f: (typeof findings)[number]) => (dept && f.inspection.inspectedDepartment?.code === dept) || (me.role === "AREA_IMPLEMENTER" && f.inspection.area?.code === me.area?.code);

  return {
    me,
    leadTasks: d.lead?.edges.map((e) => e.node) ?? [],
    supportTasks: d.support?.edges.map((e) => e.node) ?? [],
    myReports: dept ? reports.filter((r) => r.department.code === dept && r.cycleOpen).map(reportItem) : [],
    contributionsAsked: dept ? reports.filter((r) => r.cycleOpen && open(r.status) && r.task.supportingDepartments.some((s) => s.code === dept) && !r.contributions.some((c) => c.department.code === dept)).map(reportItem) : [],
    myPlans: dept ? d.workPlans.filter((p) => p.department.code === dept).map(planItem) : [],
    rectificationsOwed: findings.filter((f) => inspectedByMe(f) && (f.status === "OPEN" || f.status === "REOPENED")).map(findingItem),
    reportsToReview: me.role === "STEERING_GROUP" ? reports.filter((r) => r.status === "SUBMITTED").map(reportItem) : [],
    plansToReview: me.role === "STEERING_GROUP" ? d.workPlans.filter((p) => p.status === "SUBMITTED").map(planItem) : [],
    toVerify: me.role === "STEERING_GROUP" || me.role === "INSPECTOR" ? findings.filter((f) => f.status === "RECTIFICATION_REPORTED").map(findingItem) : [],
    openFindings: me.role === "STEERING_GROUP" || me.role === "INSPECTOR" ? findings.filter((f) => f.status !== "CLOSED").map(findingItem) : [],
    upcoming: me.role === "INSPECTOR" || me.role === "STEERING_GROUP" ? d.inspections.filter((i) => i.status !== "CLOSED").map((i): Item => ({ key: i.workflowId, href: `/inspections/${encodeURIComponent(i.workflowId)}`, label: i.title, status: i.status, due: i.scheduledFor, unit: i.inspectedDepartment ?? i.area })) : [],
    escalations:
      me.role === "STEERING_GROUP"
        ? [
            ...reports.filter((r) => r.escalatedAt && open(r.status)).map(reportItem),
            ...d.workPlans.filter((p) => p.escalatedAt && (p.status === "DRAFTING" || p.status === "RETURNED")).map(planItem),
            ...d.workPlans.flatMap((p) => p.milestones.filter((m) => m.escalatedAt && m.status !== "DONE").map((m): Item => ({ key: `${p.workflowId}#${m.ordinal}`, href: `/work-plans/${encodeURIComponent(p.workflowId)}`, label: `${p.year} #${m.ordinal} ${m.what}`, status: m.status, overdue: true, due: m.dueDate, unit: p.department }))),
            ...findings.filter((f) => f.escalatedAt && f.status !== "CLOSED").map(findingItem),
          ]
        : [],
  };
}
