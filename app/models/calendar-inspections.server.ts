// The calendar's inspections and rectification deadlines. A recurring inspection series has a row only for the
// occurrences started so far and the next one (each occurrence starts the next on its day); the later days come from
// the last row's schedule (workflows/common/calendar.ts occurrenceDate), with the workflow ID that occurrence will get
// as its uid, so an entry keeps its identity when its row is written.
import type { Prisma } from "../../prisma/generated/client/client";
import type { Db } from "../utils/db.server";
import { shanghaiDay, startOfShanghaiDay } from "../utils/time";
import { addDays, occurrenceDate, type Recurrence } from "../../workflows/common/calendar";
import { label, type Bilingual } from "../../workflows/common/process";
import { inspectionWorkflowId } from "../../workflows/ids";
import { RECURRENCES, type InspectionState } from "../../workflows/inspection/state";
import type { CalendarEntry } from "./calendar.server";
import { inspectionWhere } from "./read-policy.server";
import type { Viewer } from "./viewer";

/** Prisma's bounds for a DateTime column holding Shanghai midnights (or any instant) on the days from..to. */
export const within = (from: string, to: string) => ({
  gte: startOfShanghaiDay(from),
  lt: startOfShanghaiDay(addDays(to, 1)),
});

const NAMES = { select: { name: true, nameEn: true } } as const;
type Unit = { name: string; nameEn: string } | null;
const unitName = (i: { inspectedDepartment: Unit; area: Unit }): Bilingual => {
  const unit = i.inspectedDepartment ?? i.area;
  return { zh: unit?.name ?? "", en: unit?.nameEn ?? "" };
};

const concluded = (status: string) => status === "RECTIFYING" || status === "CLOSED";

/** The inspections the viewer reads in a calendar: by the read rule, and an inspector only the ones they lead. */
function visible(viewer: Viewer): Prisma.InspectionWhereInput {
  const own = viewer.role === "INSPECTOR" ? { inspectorId: viewer.id } : {};
  return { AND: [inspectionWhere(viewer), own] };
}

function inspectionEntry(
  row: { title: string; recurrence: string; inspectedDepartment: Unit; area: Unit },
  uid: string,
  date: string,
  occurrence: number,
  path: string,
  done: boolean,
): CalendarEntry {
  const unit = unitName(row);
  const every = row.recurrence === "NONE" ? null : label(RECURRENCES, row.recurrence as Recurrence);
  const series = every
    ? { zh: `（${every.zh}，第${occurrence}次）`, en: ` (${every.en.toLowerCase()}, occurrence ${occurrence})` }
    : { zh: "", en: "" };
  return {
    uid,
    kind: "INSPECTION",
    date,
    title: {
      zh: `督导检查：${row.title} · ${unit.zh}${series.zh}`,
      en: `Inspection: ${row.title} · ${unit.en}${series.en}`,
    },
    path,
    done,
  };
}

/** The later days of a series from its last row, within from..to (none when the row's schedule is not mirrored). */
function laterOccurrences(state: Partial<InspectionState>, from: string, to: string): [string, number][] {
  const { seriesStart, recurrence, repeatUntil, occurrence } = state;
  if (!seriesStart || !recurrence || recurrence === "NONE" || !repeatUntil || !occurrence) return [];
  const out: [string, number][] = [];
  for (let n = occurrence + 1; ; n++) {
    const date = occurrenceDate(seriesStart, recurrence, n);
    if (date > repeatUntil || date > to) return out;
    if (date >= from) out.push([date, n]);
  }
}

export async function inspectionEntries(db: Db, viewer: Viewer, from: string, to: string): Promise<CalendarEntry[]> {
  const where = visible(viewer);
  const include = { inspectedDepartment: NAMES, area: NAMES } as const;
  const [rows, lastOfSeries, findings] = await Promise.all([
    db.inspection.findMany({ where: { AND: [where, { scheduledFor: within(from, to) }] }, include }),
    // A series' last row: recurring, and its next occurrence not started yet.
    db.inspection.findMany({
      where: { AND: [where, { recurrence: { not: "NONE" }, nextWorkflowId: null }] },
      include,
    }),
    db.inspectionFinding.findMany({
      where: { requiresRectification: true, deadline: within(from, to), inspection: where },
      include: { inspection: { include } },
    }),
  ]);
  const path = (workflowId: string) => `/inspections/${encodeURIComponent(workflowId)}`;
  const entries = rows.map((r) =>
    // An inspection is done once its fieldwork is over (rectification has its own entries).
    inspectionEntry(
      r,
      r.workflowId,
      shanghaiDay(r.scheduledFor),
      r.occurrence,
      path(r.workflowId),
      concluded(r.status),
    ),
  );
  const known = new Set(entries.map((e) => e.uid));
  for (const last of lastOfSeries) {
    const state = JSON.parse(last.state) as Partial<InspectionState>;
    for (const [date, n] of laterOccurrences(state, from, to)) {
      const uid = inspectionWorkflowId(date, state.unit!.code);
      if (!known.has(uid)) entries.push(inspectionEntry(last, uid, date, n, path(last.workflowId), false));
    }
  }
  for (const f of findings) {
    const unit = unitName(f.inspection);
    entries.push({
      uid: `${f.inspection.workflowId}-finding-${f.ordinal}`,
      kind: "RECTIFICATION",
      date: shanghaiDay(f.deadline!),
      title: {
        zh: `整改期限：${f.inspection.title} · ${unit.zh} 问题${f.ordinal}`,
        en: `Rectification due: ${f.inspection.title} · ${unit.en}, finding ${f.ordinal}`,
      },
      path: path(f.inspection.workflowId),
      done: f.status === "RECTIFICATION_REPORTED" || f.status === "CLOSED",
    });
  }
  return entries;
}
