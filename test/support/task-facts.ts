// Facts about tasks as the workflows mirror them (reports, milestones, findings, duty records), written directly for
// test/task-status.test.ts, and a counter of the SQL statements an operation runs (createDb's onStatement hook).
import type { Db } from "../../app/utils/db.server";
import { shanghaiYear } from "../../app/utils/time";

export function counter() {
  let on = false;
  let n = 0;
  return {
    hook: () => {
      if (on) n++;
    },
    async count(run: () => Promise<{ errors?: unknown }>): Promise<number> {
      n = 0;
      on = true;
      try {
        const r = await run();
        if (r.errors) throw new Error(JSON.stringify(r.errors));
      } finally {
        on = false;
      }
      return n;
    },
  };
}

const daysAgo = (d: number) => new Date(Date.now() - d * 86400_000);

export function facts(db: Db) {
  let serial = 0;
  const id = (prefix: string) => `${prefix}-test-${++serial}`;
  const epb = () => db.department.findUniqueOrThrow({ where: { code: "epb" } });
  const taskId = async (code: string) => (await db.task.findUniqueOrThrow({ where: { code } })).id;

  async function cycle(period: string) {
    const found = await db.reportingCycle.findUnique({ where: { period } });
    return (
      found ??
      db.reportingCycle.create({
        data: {
          workflowId: `cycle-${period}`,
          period,
          dueDate: new Date("2026-10-10T00:00:00+08:00"),
          status: "OPEN",
          openedAt: daysAgo(60),
        },
      })
    );
  }

  async function report(
    task: string,
    f: { status: string; overdue?: boolean; submittedAt?: Date; period?: string; departmentId?: number },
  ) {
    const c = await cycle(f.period ?? "2026Q3");
    return db.progressReport.create({
      data: {
        workflowId: id(`report-${c.period}-${task}`),
        cycleId: c.id,
        taskId: await taskId(task),
        departmentId: f.departmentId ?? (await epb()).id,
        status: f.status,
        overdue: f.overdue ?? false,
        submittedAt: f.submittedAt ?? null,
      },
    });
  }

  async function workPlan(departmentId?: number) {
    return db.annualWorkPlan.create({
      data: {
        workflowId: id("workplan"),
        departmentId: departmentId ?? (await epb()).id,
        // One plan per department and year: each test plan takes a year of its own.
        year: shanghaiYear(new Date()) - 100 + serial,
        dueDate: daysAgo(200),
        status: "APPROVED",
        approvedAt: daysAgo(190),
        openedAt: daysAgo(210),
      },
    });
  }

  async function milestone(task: string, f: { status: string; overdue?: boolean }, planId?: number) {
    return db.planMilestone.create({
      data: {
        planId: planId ?? (await workPlan()).id,
        ordinal: ++serial,
        taskCode: task,
        what: "建成并联网",
        responsibleUnit: "市环保局",
        dueDate: daysAgo(30),
        indicator: "联网运行",
        status: f.status,
        overdue: f.overdue ?? false,
      },
    });
  }

  async function finding(tasks: string[], f: { status: string; overdue: boolean }, departmentId?: number) {
    const inspector = await db.user.findUniqueOrThrow({ where: { email: "inspector@daqing.example" } });
    const inspection = await db.inspection.create({
      data: {
        workflowId: id("inspection"),
        title: "专项督导检查",
        inspectorId: inspector.id,
        inspectedDepartmentId: departmentId ?? (await epb()).id,
        taskCodes: tasks.join(","),
        scheduledFor: daysAgo(60),
        status: "RECTIFYING",
      },
    });
    return db.inspectionFinding.create({
      data: {
        inspectionId: inspection.id,
        ordinal: 1,
        description: "监测数据未按时上传",
        severity: "MEDIUM",
        requiresRectification: true,
        deadline: daysAgo(10),
        status: f.status,
        overdue: f.overdue,
      },
    });
  }

  async function dutyRecord(targetCode: string) {
    const target = await db.target.findUniqueOrThrow({ where: { code: targetCode } });
    return db.dutyRecord.create({
      data: { targetId: target.id, departmentId: (await epb()).id, occurredOn: new Date(), summary: "已公布" },
    });
  }

  /** `n` more tasks, each with an overdue report, a missed and a done milestone, an overdue finding and an override. */
  async function manyTasksWithFacts(n: number, overrideOf: (code: string) => Promise<unknown>) {
    const plan = await db.plan.findFirstOrThrow();
    const group = await db.taskGroup.create({
      data: { planId: plan.id, code: "9", ordinal: 9, title: "测试任务组", titleEn: "Test group", intro: "" },
    });
    const departments = await db.department.findMany({ select: { id: true } });
    const wp = await workPlan();
    for (let i = 1; i <= n; i++) {
      const code = `9.${i}`;
      await db.task.create({
        data: {
          code,
          groupId: group.id,
          ordinal: i,
          title: `测试任务${i}`,
          titleEn: `Test task ${i}`,
          duty: "",
          responsibilityClause: "",
        },
      });
      const departmentId = departments[i % departments.length].id;
      await report(code, { status: i % 2 ? "PENDING" : "RETURNED", overdue: i % 3 === 0, departmentId });
      await milestone(code, { status: "OPEN", overdue: true }, wp.id);
      await milestone(code, { status: "DONE" }, wp.id);
      await finding([code], { status: "OPEN", overdue: true }, departmentId);
      await overrideOf(code);
    }
  }

  return { report, milestone, finding, dutyRecord, manyTasksWithFacts };
}
