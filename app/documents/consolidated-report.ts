// 推进落实情况汇总: a reporting cycle's reports as the official document the steering group files with the city
// government, for the whole plan, one task or one department. Pure: it takes the facts the cycle page shows.
import { TASK_STATUSES, type TaskStatus } from "../models/vocabulary";
import type { ReportStatus } from "../../workflows/reporting/process";
import { arabicDate, h1, h2, paragraphs, type Block, type OfficialDocument } from "./official-layout";

export interface CycleReport {
  taskCode: string;
  taskTitle: string;
  /** The lead department that reports */
  department: string;
  status: ReportStatus;
  taskStatus: TaskStatus | null;
  /** The working text; only a submitted or accepted one is quoted (a draft is not the department's word yet). */
  progress: string | null;
  /** YYYY-MM-DD, Shanghai */
  submittedAt: string | null;
  late: boolean;
  overdue: boolean;
  returnCount: number;
  contributions: { department: string; text: string }[];
}

export interface CycleFacts {
  /** 2026年第四季度 */
  periodLabel: string;
  /** YYYY-MM-DD */
  dueDate: string;
  plan: { title: string; documentNumber: string | null };
  reports: CycleReport[];
}

export type CycleScope =
  { kind: "plan" } | { kind: "task"; code: string; title: string } | { kind: "department"; name: string };

export interface Letterhead {
  issuer: string;
  number: string;
  /** True when the number is derived, not registered (the document is a 未登记 draft). */
  draft?: boolean;
  /** 成文日期, YYYY-MM-DD */
  date: string;
}

const submitted = (r: CycleReport) => r.status === "SUBMITTED" || r.status === "ACCEPTED";

/** The title's tail naming what the document covers: （任务1.4 声环境质量监测） or （市环保局）. */
export function scopeWords(scope: CycleScope): string {
  if (scope.kind === "task") return `（任务${scope.code} ${scope.title}）`;
  if (scope.kind === "department") return `（${scope.name}）`;
  return "";
}

export const consolidatedTitle = (facts: Pick<CycleFacts, "periodLabel">, scope: CycleScope) =>
  `${facts.periodLabel}推进落实情况汇总${scopeWords(scope)}`;

function overview(facts: CycleFacts): string {
  const reports = facts.reports;
  const done = reports.filter(submitted);
  const late = done.filter((r) => r.late).length;
  const accepted = reports.filter((r) => r.status === "ACCEPTED").length;
  const returned = reports.filter((r) => r.status === "RETURNED").length;
  const overdue = reports.filter((r) => r.overdue && !submitted(r)).length;
  const parts = [
    `本期应报送推进落实情况报告${reports.length}份，截止日期为${arabicDate(facts.dueDate)}`,
    `已报送${done.length}份${late ? `（其中逾期报送${late}份）` : ""}`,
    `审核通过${accepted}份`,
    `尚未报送${reports.length - done.length}份${returned ? `（其中退回修改${returned}份）` : ""}${overdue ? `，已逾期${overdue}份` : ""}`,
  ];
  return `${parts.join("，")}。`;
}

/** How one report stands, in one sentence: 牵头部门：市环保局。任务状态：正常推进。报送情况：…。 */
function standing(r: CycleReport): string {
  const status = r.taskStatus ? TASK_STATUSES[r.taskStatus][0] : "未填报";
  let how: string;
  if (r.status === "ACCEPTED") how = `${arabicDate(r.submittedAt ?? "")}报送，已审核通过`;
  else if (r.status === "SUBMITTED") how = `${arabicDate(r.submittedAt ?? "")}报送，正在审核`;
  else if (r.status === "RETURNED") how = "已退回修改，尚未重新报送";
  else how = r.overdue ? "逾期未报送" : "尚未报送";
  const flags = [r.late && submitted(r) ? "逾期报送" : null, r.returnCount ? `曾退回修改${r.returnCount}次` : null]
    .filter(Boolean)
    .join("，");
  return `牵头部门：${r.department}。任务状态：${status}。报送情况：${how}${flags ? `（${flags}）` : ""}。`;
}

function taskSection(reports: CycleReport[]): Block[] {
  return reports.flatMap((r) => [
    { kind: "p", text: standing(r) } as Block,
    ...(submitted(r) && r.progress ? paragraphs(r.progress) : []),
    ...(submitted(r)
      ? r.contributions.map((c): Block => ({ kind: "p", text: `配合部门${c.department}：${c.text}` }))
      : []),
  ]);
}

/** Reports grouped by task, in the order given (the API orders them by task). */
function byTask(reports: CycleReport[]): { code: string; title: string; reports: CycleReport[] }[] {
  const groups = new Map<string, { code: string; title: string; reports: CycleReport[] }>();
  for (const r of reports) {
    const group = groups.get(r.taskCode) ?? { code: r.taskCode, title: r.taskTitle, reports: [] };
    group.reports.push(r);
    groups.set(r.taskCode, group);
  }
  return [...groups.values()];
}

export function consolidatedReport(facts: CycleFacts, scope: CycleScope, head: Letterhead): OfficialDocument {
  const planName = `《${facts.plan.title}》`;
  const plan = `${planName}${facts.plan.documentNumber ? `（${facts.plan.documentNumber}）` : ""}`;
  const outstanding = facts.reports.filter((r) => !submitted(r));
  const body: Block[] = [
    {
      kind: "p",
      text: `按照${plan}定期报送推进落实情况的要求，现将${facts.periodLabel}${scopeWords(scope)}各项任务推进落实情况汇总报告如下。`,
    },
    h1(1, "总体情况"),
    { kind: "p", text: overview(facts) },
    h1(2, "各项任务推进情况"),
    ...byTask(facts.reports).flatMap((task, n) => [
      h2(n + 1, `${task.code} ${task.title}`),
      ...taskSection(task.reports),
    ]),
    h1(3, "尚未报送的任务"),
    ...(outstanding.length
      ? outstanding.map((r, n): Block => ({
          kind: "p",
          text: `${n + 1}. ${r.taskCode} ${r.taskTitle}（${r.department}）`,
        }))
      : [{ kind: "p", text: "本期各项任务均已报送。" } as Block]),
    { kind: "p", text: "特此报告。" },
  ];
  return {
    issuer: head.issuer,
    number: head.number,
    draft: head.draft,
    title: `${facts.periodLabel}${planName}推进落实情况汇总${scopeWords(scope)}`,
    recipient: "市人民政府：",
    body,
    signature: head.issuer,
    date: head.date,
    printedBy: `${head.issuer}办公室`,
  };
}
