// 发文登记: the steering group numbers an official document before issuing it. The next 发文字号 of the year (the year
// of registering, Asia/Shanghai) in the document's series is given inside a transaction; the unique indexes
// (documentKey; series + year + sequence) make a second registration of the same document return the first row and
// make two registrations racing for the same number end with one of them taking the next (no gaps: a number is used
// only by the row that is written). docs/decisions/020-official-documents.md.
import { Prisma } from "../../prisma/generated/client/client";
import { consolidatedTitle, type CycleScope } from "../documents/consolidated-report";
import { noticeTitle } from "../documents/inspection-notice";
import { documentNumber } from "../documents/official-layout";
import { scorecardTitle } from "../documents/scorecard-report";
import type { Db } from "../utils/db.server";
import { env } from "../utils/env.server";
import { AppError, notFound } from "../utils/errors";
import { shanghaiDay, shanghaiYear } from "../utils/time";
import { periodLabel } from "../../workflows/reporting/period";
import { requireRole, type Viewer } from "./viewer";

export type Series = "REPORT" | "NOTICE";
export const SERIES: Record<Series, readonly [string, string]> = {
  REPORT: ["报告类（推进落实情况汇总、考评）", "Reports (consolidated reports, scorecards)"],
  NOTICE: ["通报类（督导检查通报）", "Notices (inspection notices)"],
};

/** Which document: a cycle's consolidated report (whole plan, one task or one lead department), an inspection's
 *  通报, or a year's scorecard (all departments or one). */
export interface DocumentRef {
  cycle?: string | null;
  task?: string | null;
  department?: string | null;
  inspection?: string | null;
  scorecardYear?: number | null;
}

export interface DescribedDocument {
  key: string;
  series: Series;
  title: string;
  /** The download path without ?format= */
  path: string;
}

/** The register's name for a document (a cycle's report is narrowed to a task or, failing that, a department). */
export function documentKey(ref: DocumentRef): string {
  if (ref.cycle) {
    const suffix = ref.task ? `:task:${ref.task}` : ref.department ? `:department:${ref.department}` : "";
    return `cycle:${ref.cycle}${suffix}`;
  }
  if (ref.inspection) return `inspection:${ref.inspection}`;
  return `scorecard:${ref.scorecardYear}${ref.department ? `:department:${ref.department}` : ""}`;
}

const bad = (zh: string, en: string, field: string) =>
  new AppError("BAD_INPUT", zh, en, { problems: [{ path: [field], zh, en }] });

const CODE = /^[A-Za-z0-9._-]{1,40}$/;
const query = (params: Record<string, string | null | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  return search.size ? `?${search}` : "";
};

/** Checks which document is meant and that it exists; its key, series, title and download path. */
export async function describeDocument(db: Db, ref: DocumentRef): Promise<DescribedDocument> {
  const given = [ref.cycle, ref.inspection, ref.scorecardYear].filter((v) => v !== null && v !== undefined);
  if (given.length !== 1)
    throw bad(
      "请指定且只指定一份公文：报送周期、督导检查或考评年度之一",
      "Name exactly one document: a reporting cycle, an inspection or a scorecard year",
      "cycle",
    );
  for (const field of ["cycle", "task", "department", "inspection"] as const) {
    const value = ref[field];
    if (value !== null && value !== undefined && !CODE.test(value))
      throw bad(`${field} 的取值无效：${value.slice(0, 40)}`, `Invalid ${field}: ${value.slice(0, 40)}`, field);
  }
  if (ref.task && ref.department)
    throw bad(
      "一份汇总只能按任务或按牵头单位之一缩小范围",
      "A consolidated report is narrowed to a task or to a lead department, not both",
      "department",
    );
  if (ref.task && !ref.cycle) throw bad("任务仅适用于报送周期的汇总", "A task narrows only a cycle's report", "task");
  if (ref.department && ref.inspection)
    throw bad(
      "部门仅适用于报送周期的汇总或考评",
      "A department narrows only a cycle's report or a scorecard",
      "department",
    );
  if (ref.cycle) return describeCycle(db, ref.cycle, ref.task ?? null, ref.department ?? null);
  if (ref.inspection) return describeInspection(db, ref.inspection);
  return describeScorecard(db, ref.scorecardYear!, ref.department ?? null);
}

async function describeCycle(db: Db, period: string, task: string | null, department: string | null) {
  const cycle = await db.reportingCycle.findUnique({ where: { period }, select: { period: true } });
  if (!cycle) throw notFound("报送周期", "reporting cycle", period);
  let scope: CycleScope = { kind: "plan" };
  if (task) {
    const row = await db.task.findUnique({ where: { code: task }, select: { code: true, title: true } });
    if (!row) throw notFound("任务", "task", task);
    scope = { kind: "task", code: row.code, title: row.title };
  }
  if (department) {
    const row = await db.department.findUnique({ where: { code: department }, select: { name: true } });
    if (!row) throw notFound("部门", "department", department);
    scope = { kind: "department", name: row.name };
  }
  return {
    key: documentKey({ cycle: period, task, department }),
    series: "REPORT" as const,
    title: consolidatedTitle({ periodLabel: periodLabel(period).zh }, scope),
    path: `/documents/cycles/${encodeURIComponent(period)}${query({ task, department })}`,
  };
}

async function describeInspection(db: Db, workflowId: string) {
  const row = await db.inspection.findUnique({
    where: { workflowId },
    select: { scheduledFor: true, inspectedDepartment: { select: { name: true } }, area: { select: { name: true } } },
  });
  if (!row) throw notFound("督导检查", "inspection", workflowId);
  const unit = (row.inspectedDepartment ?? row.area)?.name ?? "";
  return {
    key: documentKey({ inspection: workflowId }),
    series: "NOTICE" as const,
    title: noticeTitle({ day: shanghaiDay(row.scheduledFor), unit }),
    path: `/documents/inspections/${encodeURIComponent(workflowId)}`,
  };
}

async function describeScorecard(db: Db, year: number, department: string | null) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw bad(
      `考评年度应在2000至2100之间：${year}`,
      `The scorecard year must be 2000 to 2100: ${year}`,
      "scorecardYear",
    );
  let name: string | null = null;
  if (department) {
    const row = await db.department.findUnique({ where: { code: department }, select: { name: true } });
    if (!row) throw notFound("部门", "department", department);
    name = row.name;
  }
  return {
    key: documentKey({ scorecardYear: year, department }),
    series: "REPORT" as const,
    title: scorecardTitle(year, name),
    path: `/documents/scorecard/${year}${query({ department })}`,
  };
}

const prefixOf = (series: Series) =>
  series === "REPORT" ? env.DOCUMENT_NUMBER_PREFIX : env.DOCUMENT_NOTICE_NUMBER_PREFIX;

export const registrationOf = (db: Db, key: string) =>
  db.documentRegistration.findUnique({ where: { documentKey: key } });

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/**
 * Registers a document (steering group only) and returns its row; a document registered before returns its first
 * row unchanged, so a retried registration never takes a second number.
 */
export async function registerDocument(db: Db, viewer: Viewer | null, ref: DocumentRef, now: number) {
  const v = requireRole(viewer, "STEERING_GROUP");
  const doc = await describeDocument(db, ref);
  const year = shanghaiYear(new Date(now));
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await registrationOf(db, doc.key);
    if (existing) return existing;
    try {
      return await db.$transaction(async (tx) => {
        const last = await tx.documentRegistration.findFirst({
          where: { series: doc.series, year },
          orderBy: { sequence: "desc" },
          select: { sequence: true },
        });
        const sequence = (last?.sequence ?? 0) + 1;
        return tx.documentRegistration.create({
          data: {
            series: doc.series,
            year,
            sequence,
            number: documentNumber(prefixOf(doc.series), year, sequence),
            documentKey: doc.key,
            title: doc.title,
            path: doc.path,
            registeredById: v.id,
            registeredByName: v.name,
            registeredAt: new Date(now),
          },
        });
      });
    } catch (e) {
      // Another registration took this number, or registered this very document, first: read again and retry.
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new AppError("CONFLICT", "发文登记繁忙，请稍后重试", "Too many registrations at once; please try again");
}

/** The register of one year (or all years), newest first: the order numbers were given in, both series together. */
export const registerWhere = (year?: number | null) => (year ? { year } : {});
export const REGISTER_ORDER = [{ year: "desc" }, { id: "desc" }] as const;

/** For the page's year filter: the years that have registrations, newest first. */
export async function registerYears(db: Db, viewer: Viewer | null): Promise<number[]> {
  requireRole(viewer, "STEERING_GROUP");
  const rows = await db.documentRegistration.findMany({ distinct: ["year"], select: { year: true } });
  return rows.map((r) => r.year).sort((a, b) => b - a);
}

/** The number a registration in the series would be given now (a draft's stand-in where no record orders it). */
export async function nextSequence(db: Db, series: Series, now: number): Promise<{ year: number; n: number }> {
  const year = shanghaiYear(new Date(now));
  const last = await db.documentRegistration.findFirst({
    where: { series, year },
    orderBy: { sequence: "desc" },
    select: { sequence: true },
  });
  return { year, n: (last?.sequence ?? 0) + 1 };
}
