// Live progress of each target: coverage from the station registry, recurring duties from their records,
// the linkage loop from alerts, milestones from the date the steering group recorded them reached.
import type { Db } from "../utils/db.server";
import { areaInScope, coverageMatrix } from "./coverage.server";
import { shanghaiMonth, shanghaiYear } from "../utils/time";
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

export async function targetProgress(
  db: Db,
  targets: TargetRow[],
  now = new Date(),
): Promise<Map<number, TargetProgress>> {
  const out = new Map<number, TargetProgress>();
  const needsCoverage = targets.some((t) => t.measure === "COVERAGE");
  const rows = needsCoverage ? await coverageMatrix(db, { cityCode: DAQING }) : [];
  const year = shanghaiYear(now);
  const yearStart = new Date(`${year}-01-01T00:00:00+08:00`);

  // One grouped count for every duty-record target, not one query per target.
  const dutyCounts = new Map(
    (
      await db.dutyRecord.groupBy({
        by: ["targetId"],
        where: { occurredOn: { gte: yearStart } },
        _count: { _all: true },
      })
    ).map((g) => [g.targetId, g._count._all]),
  );

  for (const t of targets) {
    const overdue = !!t.dueDate && t.dueDate.getTime() < now.getTime();
    if (t.measure === "COVERAGE") {
      const elements = (t.elements ?? "").split(",") as Element[];
      if (t.areaScope === "CITY") {
        const have = rows.reduce(
          (n, r) =>
            n +
            r.cells
              .filter((c) => elements.includes(c.element))
              .reduce((m, c) => m + (t.automaticOnly ? c.automatic : c.stations), 0),
          0,
        );
        const need = t.minPerArea ?? 1;
        out.set(
          t.id,
          progress(
            Math.min(have, need),
            need,
            overdue,
            `全市已有${have}个站点，要求${need}个`,
            `${have} station(s) in the city, ${need} required`,
          ),
        );
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
        progress(
          have,
          need,
          overdue,
          `${have}/${need} 已覆盖${gap.length ? `；未覆盖：${gap.join("、")}` : ""}`,
          `${have} of ${need} covered${gap.length ? `; missing: ${gap.length} area(s)` : ""}`,
        ),
      );
    } else if (t.measure === "RECURRING") {
      const e = await recurringEvidence(db, t, year, yearStart, now, dutyCounts.get(t.id) ?? 0);
      out.set(t.id, progress(Math.min(e.have, e.need), e.need, false, e.zh, e.en));
    } else if (t.measure === "LINKAGE") {
      const opened = { openedAt: { gte: yearStart }, area: { cityCode: DAQING } };
      const [total, onTime] = await Promise.all([
        db.linkageCase.count({ where: opened }),
        db.linkageCase.count({ where: { ...opened, respondedAt: { lte: db.linkageCase.fields.responseDeadline } } }),
      ]);
      const p = progress(
        onTime,
        total,
        false,
        `${year}年测管联动案件${total}件，按时响应${onTime}件`,
        `${total} linkage case(s) in ${year}, ${onTime} answered within the deadline`,
      );
      out.set(t.id, total === 0 ? { ...p, status: "ON_TRACK" } : p);
    } else {
      const done = t.achievedOn ? 1 : 0;
      out.set(t.id, progress(done, 1, overdue, done ? "已完成" : "尚未完成", done ? "Achieved" : "Not yet achieved"));
    }
  }
  return out;
}

function progress(
  value: number,
  required: number,
  overdue: boolean,
  summaryZh: string,
  summaryEn: string,
): TargetProgress {
  const percent = required === 0 ? 100 : Math.round((value / required) * 1000) / 10;
  const status: ProgressStatus =
    value >= required ? "MET" : overdue ? "NOT_MET" : percent >= 50 ? "ON_TRACK" : "AT_RISK";
  return { value, required, percent, status, summaryZh, summaryEn };
}

/** How many fulfilments a recurring duty has this year, and how many it needs, from the evidence it names. */
async function recurringEvidence(db: Db, t: TargetRow, year: number, yearStart: Date, now: Date, dutyRecords: number) {
  const min = t.minPerPeriod ?? 1;
  switch (t.evidence) {
    case "ANNUAL_WORK_PLANS": {
      // “各有关部门”: every department the plan gives a task, as lead or as supporter.
      const departments = await db.department.findMany({ where: { assignments: { some: {} } }, select: { id: true } });
      const approved = await db.annualWorkPlan.count({
        where: { year, approvedAt: { not: null }, departmentId: { in: departments.map((d) => d.id) } },
      });
      return {
        have: approved,
        need: departments.length,
        zh: `${year}年已批准${approved}/${departments.length}个部门的年度工作计划`,
        en: `${approved} of ${departments.length} departments' ${year} work plans approved`,
      };
    }
    case "REPORTING_CYCLES": {
      // “定期”: the steering group's cadence is quarterly, so one cycle for each quarter begun this year.
      const quarters = Math.floor((shanghaiMonth(now) - 1) / 3) + 1;
      const cycles = await db.reportingCycle.count({ where: { openedAt: { gte: yearStart } } });
      return {
        have: cycles,
        need: quarters,
        zh: `${year}年已开展${cycles}轮报送，按季度应为${quarters}轮`,
        en: `${cycles} reporting cycle(s) in ${year}; quarterly cadence asks ${quarters}`,
      };
    }
    case "INSPECTIONS": {
      const held = await db.inspection.count({ where: { scheduledFor: { gte: yearStart, lte: now } } });
      return {
        have: held,
        need: min,
        zh: `${year}年已开展${held}次专项督导检查`,
        en: `${held} supervisory inspection(s) in ${year}`,
      };
    }
    default: {
      const count = dutyRecords;
      return {
        have: count,
        need: min,
        zh: `${year}年已记录${count}次，要求至少${min}次`,
        en: `${count} recorded in ${year}, at least ${min} required`,
      };
    }
  }
}
