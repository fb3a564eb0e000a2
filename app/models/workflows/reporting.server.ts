// 定期报送推进落实情况: opening a cycle, and the steps people take on a report. Input shape is checked here (zod);
// who may take a step and when is the process's own rule (workflows/reporting/process.ts), asked before Temporal is,
// so the page, the API and the workflow refuse alike. The mirror writes are in ./reporting-mirror.server.ts.
import type { Db } from "../../utils/db.server";
import { env } from "../../utils/env.server";
import { AppError, notFound } from "../../utils/errors";
import { addDays, shanghaiDay } from "../../utils/time";
import { update } from "../../utils/temporal.server";
import {
  dayWithin,
  isoDate,
  msg,
  optionalText,
  label,
  parseInput,
  PLAN_FIRST_YEAR,
  requirePlausible,
  text,
  z,
} from "../../utils/validation";
import { requireRole, type Viewer } from "../viewer";
import { keys, TASK_STATUSES } from "../vocabulary";
import { cycleWorkflowId } from "../../../workflows/ids";
import * as m from "../../../workflows/reporting/messages";
import * as p from "../../../workflows/reporting/process";
import { PERIOD_PATTERN, periodEnd, periodLabel } from "../../../workflows/reporting/period";
import { requireStep } from "./process-rules.server";
import { startProcess } from "./start.server";
import { calendarFor } from "../work-calendar.server";
import { effectiveDueDate } from "../../../workflows/common/working-days";

export { consolidateCycle, mirrorCycle, mirrorReport } from "./reporting-mirror.server";

const reportingLabels = {
  period: label("报送周期", "period"),
  dueDate: label("截止日期", "due date"),
  text: label("配合意见", "contribution"),
  progress: label("推进落实情况", "progress"),
  taskStatus: label("任务状态", "task status"),
  reason: label("退回原因", "reason for returning"),
};

/** Reports on a period are due after it ends, and at most this many days after (half a year). */
const REPORTING_WINDOW_DAYS = 183;

export async function openReportingCycle(db: Db, viewer: Viewer | null, input: unknown, now = new Date()) {
  const v = requireRole(viewer, "STEERING_GROUP");
  const data = parseInput(
    z.object({
      period: z
        .string()
        .regex(
          PERIOD_PATTERN,
          msg(
            "应写作 2019Q2（季度）、2019H1（半年）、2019M06（月）或 2019（年度）",
            "is written 2019Q2 (quarter), 2019H1 (half), 2019M06 (month) or 2019 (year)",
          ),
        ),
      dueDate: isoDate.transform((d) => shanghaiDay(d)),
    }),
    input,
    reportingLabels,
  );
  const today = shanghaiDay(now);
  const thisYear = Number(today.slice(0, 4));
  const year = Number(data.period.slice(0, 4));
  requirePlausible([
    (year < PLAN_FIRST_YEAR || year > thisYear + 1) && {
      field: "period",
      label: reportingLabels.period,
      zh: `应在${PLAN_FIRST_YEAR}年至${thisYear + 1}年之间`,
      en: `must fall between ${PLAN_FIRST_YEAR} and ${thisYear + 1}`,
    },
  ]);
  const end = periodEnd(data.period)!;
  const name = periodLabel(data.period);
  // Due after the period ends, not in the past, and within half a year of its end.
  const dayAfterEnd = addDays(end, 1);
  const first = dayAfterEnd > today ? dayAfterEnd : today;
  const last = addDays(end, REPORTING_WINDOW_DAYS);
  requirePlausible([
    first > last
      ? {
          field: "period",
          label: reportingLabels.period,
          // The period as the user wrote it: that is what the form's field shows.
          zh: `${data.period}已于${end}结束，超过半年，不能再开展报送`,
          en: `${data.period} ended on ${end}, more than half a year ago; it can no longer be reported on`,
        }
      : dayWithin("dueDate", data.dueDate, first, last, [
          `截止日期（报送期${end}结束后半年内，且不早于今天）`,
          `the due date (after the period ends on ${end}, within half a year, not in the past)`,
        ]),
  ]);
  const workflowId = cycleWorkflowId(data.period);
  // A due date on a weekend or holiday moves to the next working day (顺延); the cycle keeps both (docs/decisions/019).
  const calendar = calendarFor(data.dueDate, now);
  const due = effectiveDueDate(calendar, data.dueDate);
  const args: m.CycleInput = {
    period: data.period,
    dueDate: due.dueDate,
    ...(due.note ? { requestedDueDate: data.dueDate } : {}),
    leadDays: env.REMINDER_LEAD_DAYS,
    openedBy: v.id,
    calendar,
  };
  return startProcess({
    type: "reportingCycleWorkflow",
    workflowId,
    args: [args],
    conflict: new AppError("CONFLICT", `${name.zh}的报送周期已存在`, `The ${name.en} reporting cycle already exists`),
    find: () => db.reportingCycle.findUnique({ where: { workflowId } }),
  });
}

/** The report's process state as last mirrored: what its rules are asked with. */
async function stateOf(db: Db, workflowId: string): Promise<p.ReportState> {
  const row = await db.progressReport.findUnique({ where: { workflowId }, select: { state: true } });
  if (!row) throw notFound("推进落实情况报告", "Progress report", workflowId);
  if (row.state === "{}")
    throw new AppError(
      "INVALID_STATE",
      "报告正在生成，请稍后再试",
      "The report is still being set up; try again shortly",
    );
  return JSON.parse(row.state) as p.ReportState;
}

/** A supporting department adds (or replaces) its own input while the report is open. */
export async function contributeToReport(db: Db, viewer: Viewer | null, workflowId: string, raw: unknown) {
  const state = await stateOf(db, workflowId);
  const input = parseInput(z.object({ text: text(5000, { multiline: true }) }), raw, reportingLabels);
  const actor = await requireStep(p.REPORT_STEPS.CONTRIBUTE, state, viewer, input);
  return update(workflowId, m.contributeToReport, { actor, ...input });
}

const reportText = z.object({
  progress: text(10000, { multiline: true }),
  taskStatus: z.enum(keys(TASK_STATUSES), msg("未知的任务状态", "unknown task status")),
});

/** The lead department keeps its text without submitting; the report stays open. */
export async function saveReportDraft(db: Db, viewer: Viewer | null, workflowId: string, raw: unknown) {
  const state = await stateOf(db, workflowId);
  const input = parseInput(reportText, raw, reportingLabels);
  const actor = await requireStep(p.REPORT_STEPS.SAVE_DRAFT, state, viewer, input);
  return update(workflowId, m.saveReportDraft, { actor, ...input });
}

export async function submitReport(db: Db, viewer: Viewer | null, workflowId: string, raw: unknown) {
  const state = await stateOf(db, workflowId);
  const input = parseInput(reportText, raw, reportingLabels);
  const actor = await requireStep(p.REPORT_STEPS.SUBMIT, state, viewer, input);
  return update(workflowId, m.submitReport, { actor, ...input });
}

/** The steering group accepts a submitted report, or returns it (the process asks for the reason). */
export async function reviewReport(
  db: Db,
  viewer: Viewer | null,
  workflowId: string,
  decision: { accept: boolean; reason?: string | null },
) {
  const state = await stateOf(db, workflowId);
  if (decision.accept) {
    const actor = await requireStep(p.REPORT_STEPS.ACCEPT, state, viewer, {});
    return update(workflowId, m.acceptReport, { actor });
  }
  const reason =
    parseInput(z.object({ reason: optionalText(1000, { multiline: true }) }), decision, reportingLabels).reason ?? "";
  const actor = await requireStep(p.REPORT_STEPS.RETURN, state, viewer, { reason });
  return update(workflowId, m.returnReport, { actor, reason });
}
