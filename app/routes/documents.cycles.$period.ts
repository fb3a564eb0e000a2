// /documents/cycles/<period>?format=docx|pdf[&task=1.4][&department=epb]: a cycle's 推进落实情况汇总 as an
// official document, for the whole plan, one task or one lead department. Read through the same API as the cycle
// page, so a reader gets exactly the reports the page shows them (README: who reads what).
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { consolidatedReport, consolidatedTitle, type CycleScope } from "../documents/consolidated-report";
import { documentResponse, formatOf, letterhead, pdfFonts, refuseGivenNumber } from "../documents/documents.server";
import { toDocx } from "../documents/docx";
import { toPdf } from "../documents/pdf";
import { cycleSequence } from "../models/document-number.server";
import { documentKey, registrationOf } from "../models/document-register.server";
import type { TaskStatus } from "../models/vocabulary";
import { db } from "../utils/db.server";
import { graphql } from "../utils/graphql";
import { gqlOrThrow } from "../utils/graphql.server";
import { shanghaiDay } from "../utils/time";

const QUERY = /* @__PURE__ */ graphql(`
  query CycleDocument($period: String!, $departmentCode: String) {
    plan {
      title
      documentNumber @_optional
    }
    reportingCycle(period: $period) @_optional {
      periodLabel {
        zh
      }
      dueDate
      reports(departmentCode: $departmentCode) {
        status
        taskStatus @_optional
        progress @_optional
        submittedAt @_optional
        late
        overdue
        returnCount
        task {
          code
          title
        }
        department {
          code
          name
        }
        contributions {
          text
          department {
            name
          }
        }
      }
    }
  }
`);

const notFound = (zh: string, en: string) => json({ code: "NOT_FOUND", zh, en }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const period = String(params.period);
  const format = formatOf(url);
  refuseGivenNumber(url);
  const task = url.searchParams.get("task") || null;
  const department = url.searchParams.get("department") || null;
  const d = await gqlOrThrow(request, QUERY, { period, departmentCode: department });
  const cycle = d.reportingCycle;
  if (!cycle) throw notFound(`未找到报送周期：${period}`, `Reporting cycle not found: ${period}`);
  const reports = cycle.reports.filter((r) => !task || r.task.code === task);
  if ((task || department) && !reports.length)
    throw notFound(
      `该报送周期没有可查看的相应报告：${[task, department].filter(Boolean).join("，")}`,
      `No report of this cycle you may read matches: ${[task, department].filter(Boolean).join(", ")}`,
    );
  const scope: CycleScope = task
    ? { kind: "task", code: task, title: reports[0].task.title }
    : department
      ? { kind: "department", name: reports[0].department.name }
      : { kind: "plan" };
  const facts = {
    periodLabel: cycle.periodLabel.zh,
    dueDate: shanghaiDay(new Date(cycle.dueDate)),
    plan: { title: d.plan?.title ?? "", documentNumber: d.plan?.documentNumber ?? null },
    reports: reports.map((r) => ({
      taskCode: r.task.code,
      taskTitle: r.task.title,
      department: r.department.name,
      status: r.status,
      taskStatus: (r.taskStatus ?? null) as TaskStatus | null,
      progress: r.progress ?? null,
      submittedAt: r.submittedAt ? shanghaiDay(new Date(r.submittedAt)) : null,
      late: r.late,
      overdue: r.overdue,
      returnCount: r.returnCount,
      contributions: r.contributions.map((c) => ({ department: c.department.name, text: c.text })),
    })),
  };
  const sequence = (await cycleSequence(db, period)) ?? { year: Number(period.slice(0, 4)), n: 1 };
  const registered = await registrationOf(db, documentKey({ cycle: period, task, department }));
  const head = await letterhead("report", registered, sequence);
  const doc = consolidatedReport(facts, scope, head);
  const bytes = format === "pdf" ? await toPdf(doc, pdfFonts()) : await toDocx(doc);
  const suffix = task ? `-task-${task}` : department ? `-${department}` : "";
  return documentResponse(bytes, format, consolidatedTitle(facts, scope), `consolidated-report-${period}${suffix}`);
}
