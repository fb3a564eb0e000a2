// Loads the authoritative plan into the database. Idempotent: running it twice changes nothing.
import type { Db } from "../../app/utils/db.server";
import { startOfShanghaiDay } from "../../app/utils/time";
import { areas } from "./areas";
import { departments } from "./departments";
import { plan, planClauses } from "./plan";
import { targets } from "./targets";
import { taskGroups } from "./tasks";

export { areas, departments, plan, planClauses, targets, taskGroups };

export async function seedPlan(db: Db): Promise<void> {
  await db.$transaction(async (tx) => {
    const deptId = new Map<string, number>();
    for (const d of departments) {
      const row = await tx.department.upsert({ where: { code: d.code }, create: d, update: d });
      deptId.set(d.code, row.id);
    }
    for (const [i, a] of areas.entries()) {
      const data = { ...a, cityCode: "2306", ordinal: i + 1 };
      await tx.area.upsert({ where: { code: a.code }, create: data, update: data });
    }
    const planData = { ...plan, issuedOn: startOfShanghaiDay(plan.issuedOn) };
    const p = await tx.plan.upsert({ where: { documentNumber: plan.documentNumber }, create: planData, update: planData });
    for (const c of planClauses) {
      await tx.planClause.upsert({
        where: { planId_kind_ordinal: { planId: p.id, kind: c.kind, ordinal: c.ordinal } },
        create: { ...c, planId: p.id },
        update: c,
      });
    }
    const taskId = new Map<string, number>();
    for (const [gi, g] of taskGroups.entries()) {
      const gData = { code: g.code, title: g.title, titleEn: g.titleEn, intro: g.intro, ordinal: gi + 1, planId: p.id };
      const group = await tx.taskGroup.upsert({ where: { code: g.code }, create: gData, update: gData });
      for (const [ti, t] of g.tasks.entries()) {
        const tData = { code: t.code, title: t.title, titleEn: t.titleEn, duty: t.duty, responsibilityClause: t.responsibilityClause, ordinal: ti + 1, groupId: group.id };
        const task = await tx.task.upsert({ where: { code: t.code }, create: tData, update: tData });
        taskId.set(t.code, task.id);
        const wanted = [
          ...t.leads.map((l, i) => ({ departmentId: need(deptId, l.department), role: "LEAD", scope: l.scope ?? null, ordinal: i + 1 })),
          ...t.supports.map((s, i) => ({ departmentId: need(deptId, s), role: "SUPPORT", scope: null, ordinal: i + 1 })),
        ];
        await tx.taskAssignment.deleteMany({
          where: { taskId: task.id, NOT: { OR: wanted.map((w) => ({ departmentId: w.departmentId, role: w.role })) } },
        });
        for (const w of wanted) {
          await tx.taskAssignment.upsert({
            where: { taskId_departmentId_role: { taskId: task.id, departmentId: w.departmentId, role: w.role } },
            create: { ...w, taskId: task.id },
            update: { scope: w.scope, ordinal: w.ordinal },
          });
        }
      }
    }
    for (const t of targets) {
      const data = {
        code: t.code,
        planId: p.id,
        taskId: t.taskCode ? need(taskId, t.taskCode) : null,
        responsibleDepartmentId: t.responsibleDepartment ? need(deptId, t.responsibleDepartment) : null,
        title: t.title,
        titleEn: t.titleEn,
        clause: t.clause,
        dueDate: t.dueDate ? startOfShanghaiDay(t.dueDate) : null,
        measure: t.measure,
        elements: t.measure === "COVERAGE" ? t.elements.join(",") : null,
        areaScope: t.measure === "COVERAGE" ? t.areaScope : null,
        automaticOnly: t.measure === "COVERAGE" ? t.automaticOnly : false,
        minPerArea: t.measure === "COVERAGE" ? t.minPerArea : null,
        recurrence: t.measure === "RECURRING" ? t.recurrence : null,
        minPerPeriod: t.measure === "RECURRING" ? t.minPerPeriod : null,
        evidence: t.measure === "RECURRING" ? (t.evidence ?? "DUTY_RECORDS") : "DUTY_RECORDS",
      };
      await tx.target.upsert({ where: { code: t.code }, create: data, update: data });
    }
  });
}

function need<K, V>(map: Map<K, V>, key: K): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`seed: unknown reference ${String(key)}`);
  return v;
}
