// Writes a validated plan file into the database, in one transaction. Idempotent: loading the same file twice changes
// nothing, and loading Daqing's file makes exactly the rows the TypeScript seed made before it (same order, same ids).
// The schema holds one plan today (task, group and target codes are unique across the database), so a file for another
// plan is refused rather than merged into it; per-task implementers and `implements` stay in the file until the
// schema can hold them (docs/decisions/016-plan-file-and-importer.md).
import type { Db } from "../app/utils/db.server";
import { AppError } from "../app/utils/errors";
import { startOfShanghaiDay } from "../app/utils/time";
import type { PlanFile } from "./format/schema";

/** 《title》（number）, the way the plan's preamble cites a plan it implements. */
export const citation = (i: { number: string; title: string }) => `《${i.title}》（${i.number}）`;

export async function loadPlan(db: Db, p: PlanFile): Promise<void> {
  const other = await db.plan.findFirst({ where: { NOT: { documentNumber: p.document.number } } });
  if (other)
    throw new AppError(
      "CONFLICT",
      `数据库中已有另一份方案（${other.documentNumber}），目前一个数据库只容纳一份方案：请装入空数据库`,
      `the database already holds another plan (${other.documentNumber}); a database holds one plan for now: load into an empty one`,
    );
  const cityCode = p.document.issuer.division.slice(0, 4);
  const cited = (level: string) =>
    p.document.implements
      .filter((i) => i.level === level)
      .map(citation)
      .join("");
  await db.$transaction(async (tx) => {
    const deptId = new Map<string, number>();
    for (const d of p.departments) {
      const data = { code: d.code, name: d.name, shortName: d.shortName, nameEn: d.nameEn, kind: d.kind };
      const row = await tx.department.upsert({ where: { code: d.code }, create: data, update: data });
      deptId.set(d.code, row.id);
    }
    for (const [i, a] of p.areas.entries()) {
      const data = {
        code: a.code,
        name: a.name,
        nameEn: a.nameEn,
        kind: a.kind,
        cityCode: a.city ?? cityCode,
        ordinal: i + 1,
      };
      await tx.area.upsert({ where: { code: a.code }, create: data, update: data });
    }
    const planData = {
      documentNumber: p.document.number,
      title: p.document.title,
      titleEn: p.document.titleEn,
      issuer: p.document.issuer.office,
      issuedOn: startOfShanghaiDay(p.document.issuedOn),
      horizonYear: p.document.horizonYear,
      implementsNational: cited("NATION"),
      implementsProvincial: cited("PROVINCE"),
      purpose: p.document.purpose,
      guidingIdeology: p.guidingIdeology,
      implementersClause: p.implementersClause,
    };
    const plan = await tx.plan.upsert({
      where: { documentNumber: planData.documentNumber },
      create: planData,
      update: planData,
    });
    const clauses = [
      ...p.principles.map((c, i) => ({ ...c, kind: "PRINCIPLE", ordinal: i + 1 })),
      { ...p.goal, kind: "GOAL", ordinal: 1 },
      ...p.requirements.map((c, i) => ({ ...c, kind: "REQUIREMENT", ordinal: i + 1 })),
    ];
    for (const c of clauses) {
      await tx.planClause.upsert({
        where: { planId_kind_ordinal: { planId: plan.id, kind: c.kind, ordinal: c.ordinal } },
        create: { ...c, planId: plan.id },
        update: c,
      });
    }
    const taskId = new Map<string, number>();
    for (const [gi, g] of p.taskGroups.entries()) {
      const gData = {
        code: g.code,
        title: g.title,
        titleEn: g.titleEn,
        intro: g.intro,
        ordinal: gi + 1,
        planId: plan.id,
      };
      const group = await tx.taskGroup.upsert({ where: { code: g.code }, create: gData, update: gData });
      for (const [ti, t] of g.tasks.entries()) {
        const tData = {
          code: t.code,
          title: t.title,
          titleEn: t.titleEn,
          duty: t.duty,
          responsibilityClause: t.responsibilityClause,
          ordinal: ti + 1,
          groupId: group.id,
        };
        const task = await tx.task.upsert({ where: { code: t.code }, create: tData, update: tData });
        taskId.set(t.code, task.id);
        const wanted = [
          ...t.leads.map((l, i) => ({
            departmentId: deptId.get(l.department)!,
            role: "LEAD",
            scope: l.scope ?? null,
            ordinal: i + 1,
          })),
          ...t.supports.map((s, i) => ({ departmentId: deptId.get(s)!, role: "SUPPORT", scope: null, ordinal: i + 1 })),
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
    for (const t of p.targets) {
      const data = {
        code: t.code,
        planId: plan.id,
        taskId: t.task === null ? null : taskId.get(t.task)!,
        responsibleDepartmentId: t.responsible === null ? null : deptId.get(t.responsible)!,
        title: t.title,
        titleEn: t.titleEn,
        clause: t.clause,
        dueDate: t.due ? startOfShanghaiDay(t.due) : null,
        measure: t.measure,
        elements: t.measure === "COVERAGE" ? t.elements.join(",") : null,
        areaScope: t.measure === "COVERAGE" ? t.areas : null,
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
