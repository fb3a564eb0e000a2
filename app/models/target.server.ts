// Live progress of each target: coverage from the station registry, recurring duties from their records,
// the linkage loop from alerts, milestones from the date the steering group recorded them reached.
import type { Db } from "../utils/db.server";
import { areaInScope, coverageMatrix } from "./coverage.server";
import { shanghaiYear } from "../utils/time";
import type { Element } from "./vocabulary";

export type ProgressStatus = "MET" | "ON_TRACK" | "AT_RISK" | "NOT_MET";

export interface TargetProgress {
  value: number;
  required: number;
  percent: number;
  status: ProgressStatus;
  summaryZh: string;
  summaryEn: string;
}

type TargetRow = Awaited<ReturnType<Db["target"]["findMany"]>>[number];

export const DAQING = "2306";

export async function targetProgress(db: Db, targets: TargetRow[], now = new Date()): Promise<Map<number, TargetProgress>> {
  const out = new Map<number, TargetProgress>();
  const needsCoverage = targets.some((t) => t.measure === "COVERAGE");
  const rows = needsCoverage ? await coverageMatrix(db, { cityCode: DAQING }) : [];
  const year = shanghaiYear(now);
  const yearStart = new Date(`${year}-01-01T00:00:00+08:00`);

  for (const t of targets) {
    const overdue = !!t.dueDate && t.dueDate.getTime() < now.getTime();
    if (t.measure === "COVERAGE") {
      const elements = (t.elements ?? "").split(",") as Element[];
      if (t.areaScope === "CITY") {
        const have = rows.reduce((n, r) => n + r.cells.filter((c) => elements.includes(c.element)).reduce((m, c) => m + (t.automaticOnly ? c.automatic : c.stations), 0), 0);
        const need = t.minPerArea ?? 1;
        out.set(t.id, progress(Math.min(have, need), need, overdue, `全市已有${have}个站点，要求${need}个`, `${have} station(s) in the city, ${need} required`));
        continue;
      }
      const inScope = rows.filter((r) => areaInScope(r.area.kind, t.areaScope ?? ""));
      const need = inScope.length * elements.length;
      let have = 0;
      const missing: string[] = [];
      for (const r of inScope) {
        for (const el of elements) {
          const c = r.cells.find((x) => x.element === el);
          const n = c ? (t.automaticOnly ? c.automatic : c.stations) : 0;
          if (n >= (t.minPerArea ?? 1)) have++;
          else missing.push(r.area.name);
        }
      }
      const gap = [...new Set(missing)];
      out.set(
        t.id,
        progress(have, need, overdue, `${have}/${need} 已覆盖${gap.length ? `；未覆盖：${gap.join("、")}` : ""}`, `${have} of ${need} covered${gap.length ? `; missing: ${gap.length} area(s)` : ""}`),
      );
    } else if (t.measure === "RECURRING") {
      const count = await db.dutyRecord.count({ where: { targetId: t.id, occurredOn: { gte: yearStart } } });
      const need = t.minPerPeriod ?? 1;
      out.set(t.id, progress(Math.min(count, need), need, false, `${year}年已记录${count}次，要求至少${need}次`, `${count} recorded in ${year}, at least ${need} required`));
    } else if (t.measure === "LINKAGE") {
      const [total, handled] = await Promise.all([
        db.alert.count({ where: { occurredAt: { gte: yearStart }, area: { cityCode: DAQING } } }),
        db.alert.count({ where: { occurredAt: { gte: yearStart }, area: { cityCode: DAQING }, status: { not: "OPEN" } } }),
      ]);
      out.set(t.id, progress(handled, total, false, `${year}年报警${total}条，已进入联动或关闭${handled}条`, `${total} alert(s) in ${year}, ${handled} taken into linkage or closed`));
    } else {
      const done = t.achievedOn ? 1 : 0;
      out.set(t.id, progress(done, 1, overdue, done ? "已完成" : "尚未完成", done ? "Achieved" : "Not yet achieved"));
    }
  }
  return out;
}

function progress(value: number, required: number, overdue: boolean, summaryZh: string, summaryEn: string): TargetProgress {
  const percent = required === 0 ? 100 : Math.round((value / required) * 1000) / 10;
  const status: ProgressStatus = value >= required ? "MET" : overdue ? "NOT_MET" : percent >= 50 ? "ON_TRACK" : "AT_RISK";
  return { value, required, percent, status, summaryZh, summaryEn };
}
