// The calendar: the dated things a viewer may read, between two days (inclusive), for the month page, the API's
// `calendar` query and the ICS feed alike. Who sees what follows the read rules (./read-policy.server.ts), narrowed to
// what is the viewer's own: the steering group everything, a department its reports, its work plans' milestones and
// the inspections of it with their rectification deadlines, an inspector the inspections they lead, an area its
// inspections, everyone (the public too) the plan's dated targets. Each entry has a stable ID (`uid`), so a calendar
// app that re-reads the feed updates an entry instead of adding a second one. Each entry carries its deadline light in
// words, by DeadlineLight's rule (workflows/common/working-days.ts): 正常, 临期 within 3 working days, 逾期 once past;
// none for what is done (a met target, a submitted report or work plan, a done milestone, a concluded inspection, a
// rectification reported or closed).
import type { Db } from "../utils/db.server";
import { AppError } from "../utils/errors";
import { shanghaiDay } from "../utils/time";
import { daysBetween, isDay } from "../../workflows/common/calendar";
import { deadlineLight, LIGHT_LABELS } from "../../workflows/common/working-days";
import type { Bilingual } from "../../workflows/common/process";
import { cycleTitle } from "../../workflows/reporting/cycle";
import * as reporting from "../../workflows/reporting/process";
import { inspectionEntries, within } from "./calendar-inspections.server";
import { workPlanDeadlines } from "./calendar-work-plans.server";
import { targetProgress } from "./target.server";
import { workCalendar } from "./work-calendar.server";
import { workPlanWhere } from "./read-policy.server";
import type { Viewer } from "./viewer";

export const CALENDAR_KINDS = {
  TARGET: ["目标期限", "Target due"],
  CYCLE_DUE: ["报送截止", "Reporting due"],
  REPORT_DUE: ["报告截止", "Report due"],
  WORK_PLAN_DUE: ["工作计划编制截止", "Work plan due"],
  MILESTONE: ["工作计划节点", "Work-plan milestone"],
  INSPECTION: ["督导检查", "Inspection"],
  RECTIFICATION: ["整改期限", "Rectification due"],
} as const;
export type CalendarKind = keyof typeof CALENDAR_KINDS;

export interface CalendarEntry {
  /** Stable across reads: the same thing on the same day has the same uid. */
  uid: string;
  kind: CalendarKind;
  /** YYYY-MM-DD, Asia/Shanghai */
  date: string;
  title: Bilingual;
  /** The page of the item */
  path: string;
  /** Met or finished: no light */
  done: boolean;
}

export type CalendarLight = "GREEN" | "YELLOW" | "RED";

/** An entry as read: with its deadline light and the light's words (null when done). */
export interface LitCalendarEntry extends CalendarEntry {
  light: CalendarLight | null;
  lightWords: Bilingual | null;
}

/** The longest range one request may ask for: a year (the feed asks for several, through `calendarEntries`). */
export const MAX_RANGE_DAYS = 366;

/** Refuses a range that is malformed, backwards or longer than a year (for the API; the feed sets its own). */
export function checkRange(from: string, to: string): void {
  if (!isDay(from) || !isDay(to))
    throw new AppError("BAD_INPUT", "日期必须写成 YYYY-MM-DD", "Dates must be written YYYY-MM-DD");
  if (to < from) throw new AppError("BAD_INPUT", "结束日期早于开始日期", "The end date comes before the start date");
  if (daysBetween(from, to) >= MAX_RANGE_DAYS)
    throw new AppError(
      "BAD_INPUT",
      `一次最多查询${MAX_RANGE_DAYS}天`,
      `At most ${MAX_RANGE_DAYS} days may be asked for at once`,
    );
}

const department = (d: { name: string; nameEn: string }): Bilingual => ({ zh: d.name, en: d.nameEn });

async function targets(db: Db, from: string, to: string, now: Date): Promise<CalendarEntry[]> {
  const rows = await db.target.findMany({ where: { dueDate: within(from, to) }, include: { task: true } });
  const progress = await targetProgress(db, rows, now);
  return rows.map((t) => ({
    uid: `target-${t.code}`,
    kind: "TARGET",
    date: shanghaiDay(t.dueDate!),
    title: { zh: `目标期限：${t.title}`, en: `Target due: ${t.titleEn}` },
    path: t.task ? `/tasks/${encodeURIComponent(t.task.code)}` : "/plan",
    done: progress.get(t.id)?.status === "MET",
  }));
}

async function cycles(db: Db, from: string, to: string): Promise<CalendarEntry[]> {
  const rows = await db.reportingCycle.findMany({ where: { dueDate: within(from, to) } });
  return rows.map((c) => {
    const title = cycleTitle(c.period);
    return {
      uid: c.workflowId,
      kind: "CYCLE_DUE",
      date: shanghaiDay(c.dueDate),
      title: { zh: `报送截止：${title.zh}`, en: `Due: ${title.en}` },
      path: `/reports/cycles/${encodeURIComponent(c.period)}`,
      done: c.status === "CLOSED",
    };
  });
}

/** The reports the viewer's department owes (a report is due when its cycle is). */
async function reports(db: Db, departmentId: number, from: string, to: string): Promise<CalendarEntry[]> {
  const rows = await db.progressReport.findMany({
    where: { departmentId, cycle: { dueDate: within(from, to) } },
    include: { cycle: true, task: true, department: true },
  });
  return rows.map((r) => {
    const title = reporting.title({
      period: r.cycle.period,
      taskCode: r.task.code,
      taskTitle: { zh: r.task.title, en: r.task.titleEn },
      department: department(r.department),
    });
    return {
      uid: r.workflowId,
      kind: "REPORT_DUE",
      date: shanghaiDay(r.cycle.dueDate),
      title: { zh: `报告截止：${title.zh}`, en: `Report due: ${title.en}` },
      path: `/reports/${encodeURIComponent(r.workflowId)}`,
      done: r.status === "SUBMITTED" || r.status === "ACCEPTED",
    };
  });
}

async function milestones(db: Db, viewer: Viewer, from: string, to: string): Promise<CalendarEntry[]> {
  const own = viewer.role === "STEERING_GROUP" ? {} : { departmentId: viewer.departmentId ?? -1 };
  const rows = await db.planMilestone.findMany({
    where: { dueDate: within(from, to), plan: { AND: [workPlanWhere(viewer), own] } },
    include: { plan: { include: { department: true } } },
  });
  return rows.map((m) => {
    const who = department(m.plan.department);
    return {
      uid: `${m.plan.workflowId}-milestone-${m.ordinal}`,
      kind: "MILESTONE",
      date: shanghaiDay(m.dueDate),
      title: {
        zh: `工作计划节点：${m.what}（${who.zh}${m.plan.year}年度工作计划）`,
        en: `Work-plan milestone: ${m.what} (${who.en}, ${m.plan.year} work plan)`,
      },
      path: `/work-plans/${encodeURIComponent(m.plan.workflowId)}`,
      done: m.status === "DONE",
    };
  });
}

/** The entry's light on `today` (YYYY-MM-DD, Shanghai), counted in working days; none when it is done. */
export function lightOf(entry: CalendarEntry, today: string): LitCalendarEntry {
  const reading = deadlineLight(workCalendar(), entry.date, today, entry.done);
  const light = reading.light === "NONE" ? null : reading.light;
  const words = light ? { zh: LIGHT_LABELS[light][0], en: LIGHT_LABELS[light][1] } : null;
  return { ...entry, light, lightWords: words };
}

/**
 * Everything dated between `from` and `to` (YYYY-MM-DD, inclusive) that the viewer may read, by date, each with its
 * light as of `now`.
 */
export async function calendarEntries(
  db: Db,
  viewer: Viewer | null,
  from: string,
  to: string,
  now = new Date(),
): Promise<LitCalendarEntry[]> {
  const parts: Promise<CalendarEntry[]>[] = [targets(db, from, to, now)];
  if (viewer?.role === "STEERING_GROUP") parts.push(cycles(db, from, to));
  if (viewer?.role === "DEPARTMENT_MEMBER" && viewer.departmentId !== null)
    parts.push(reports(db, viewer.departmentId, from, to));
  if (viewer?.role === "STEERING_GROUP" || viewer?.role === "DEPARTMENT_MEMBER")
    parts.push(milestones(db, viewer, from, to), workPlanDeadlines(db, viewer, from, to));
  if (viewer) parts.push(inspectionEntries(db, viewer, from, to));
  const order = Object.keys(CALENDAR_KINDS);
  const today = shanghaiDay(now);
  return (await Promise.all(parts))
    .flat()
    .map((e) => lightOf(e, today))
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        order.indexOf(a.kind) - order.indexOf(b.kind) ||
        a.title.zh.localeCompare(b.title.zh),
    );
}
