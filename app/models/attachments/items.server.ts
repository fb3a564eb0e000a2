// What a file can be attached to, and who may attach it: the party whose step the file is evidence for, asked with
// that process's own rule (workflows/<process>/process.ts), so "the lead department while the report is open" is
// written once. Reading follows the item's record (read-policy.server.ts).
import { now } from "../../utils/clock.server";
import type { Db } from "../../utils/db.server";
import { AppError, notFound } from "../../utils/errors";
import type { Refusal } from "../../../workflows/common/process";
import { FINDING_STEPS } from "../../../workflows/inspection/findings";
import type { InspectionState } from "../../../workflows/inspection/process";
import { LINKAGE_STEPS, type LinkageState } from "../../../workflows/linkage/process";
import { REPORT_STEPS, type ReportState } from "../../../workflows/reporting/process";
import { actorOf, requireViewer, type Viewer } from "../viewer";

export const ITEM_KINDS = ["REPORT", "CONTRIBUTION", "RECTIFICATION", "VERIFICATION", "RESULT"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Which record's read rules an item follows (read-policy.server.ts requireReadable). */
export type RecordKind = "report" | "inspection" | "linkage";

export interface ItemTarget {
  record: RecordKind;
  /** The item's key within its workflow (Attachment.item). */
  item: string;
  reportVersion: number | null;
  departmentId: number | null;
}

const refusedAttach = (r: Pick<Refusal, "code" | "zh" | "en">) =>
  new AppError(
    r.code === "NOT_YET" ? "INVALID_STATE" : r.code,
    `不能添加此附件：${r.zh}`,
    `This file cannot be attached: ${r.en}`,
  );

const wrongItem = (kind: string) =>
  new AppError(
    "BAD_INPUT",
    `附件不能挂在此类事项上：${kind}`,
    `Files cannot be attached to this kind of item: ${kind}`,
  );

async function stateOf<S>(
  find: () => Promise<{ state: string } | null>,
  zh: string,
  en: string,
  workflowId: string,
): Promise<S> {
  const row = await find();
  if (!row) throw notFound(zh, en, workflowId);
  if (row.state === "{}")
    throw new AppError(
      "INVALID_STATE",
      `${zh}正在生成，请稍后再试`,
      `The ${en} is still being set up; try again shortly`,
    );
  return JSON.parse(row.state) as S;
}

/** The next submission of a report: files attached now go with it (and stay with every later version). */
async function nextReportVersion(db: Db, workflowId: string) {
  const report = await db.progressReport.findUniqueOrThrow({ where: { workflowId }, select: { id: true } });
  return (await db.reportVersion.count({ where: { reportId: report.id } })) + 1;
}

/** Where a file the viewer attaches to (workflowId, kind, ordinal) goes, or a bilingual refusal. */
export async function attachTarget(
  db: Db,
  viewer: Viewer | null,
  workflowId: string,
  kind: string,
  ordinal: number | null,
): Promise<ItemTarget> {
  const actor = actorOf(requireViewer(viewer));
  const at = await now();
  const check = (refusal: Refusal | null) => {
    if (refusal) throw refusedAttach(refusal);
  };
  const findReport = () => db.progressReport.findUnique({ where: { workflowId }, select: { state: true } });
  switch (kind) {
    case "REPORT":
    case "CONTRIBUTION": {
      if (!workflowId.startsWith("report-")) throw wrongItem(kind);
      const state = await stateOf<ReportState>(findReport, "推进落实情况报告", "progress report", workflowId);
      const rule = kind === "REPORT" ? REPORT_STEPS.SAVE_DRAFT : REPORT_STEPS.CONTRIBUTE;
      check(rule.allowed(state, actor, at));
      const code = state.supporters.find((s) => s.departmentId === actor.departmentId)?.code;
      return {
        record: "report",
        item: kind === "REPORT" ? "REPORT" : `CONTRIBUTION:${code}`,
        reportVersion: await nextReportVersion(db, workflowId),
        departmentId: actor.departmentId,
      };
    }
    case "RECTIFICATION":
    case "VERIFICATION": {
      if (!workflowId.startsWith("inspection-") || !ordinal) throw wrongItem(kind);
      const find = () => db.inspection.findUnique({ where: { workflowId }, select: { state: true } });
      const inspection = await stateOf<InspectionState>(find, "督导检查", "inspection", workflowId);
      const rule = kind === "RECTIFICATION" ? FINDING_STEPS.REPORT_RECTIFICATION : FINDING_STEPS.VERIFY;
      check(rule.allowed({ inspection, ordinal }, actor, at));
      return {
        record: "inspection",
        item: `${kind}:${ordinal}`,
        reportVersion: null,
        departmentId: actor.departmentId,
      };
    }
    case "RESULT": {
      if (!workflowId.startsWith("linkage-")) throw wrongItem(kind);
      const find = () => db.linkageCase.findUnique({ where: { workflowId }, select: { state: true } });
      const state = await stateOf<LinkageState>(find, "联动案件", "linkage case", workflowId);
      check(LINKAGE_STEPS.RECORD_RESULT.allowed(state, actor, at));
      return { record: "linkage", item: "RESULT", reportVersion: null, departmentId: actor.departmentId };
    }
    default:
      throw wrongItem(kind);
  }
}

/** The record whose read rules a workflow's attachments follow. */
export function recordOf(workflowId: string): RecordKind | null {
  const prefix = /^([a-z]+)-/.exec(workflowId)?.[1];
  return prefix === "report" || prefix === "inspection" || prefix === "linkage" ? prefix : null;
}
