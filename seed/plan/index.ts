// Daqing's plan, 庆政办规〔2018〕1号: its data lives in seed/plans/daqing-2018.yaml (the plan file format,
// docs/plan-file.md); this module loads that file into the database and gives the rest of the seed, the benchmark and
// test/plan-fidelity.test.ts its contents in the shapes they read.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../../app/utils/db.server";
import { readPlanFile } from "../../plans/format/read";
import { loadPlan } from "../../plans/load";

export const DAQING_PLAN_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "../plans/daqing-2018.yaml");

export const planFile = readPlanFile(DAQING_PLAN_FILE);

export const departments = planFile.departments;
export const areas = planFile.areas;
export const taskGroups = planFile.taskGroups;
export const plan = planFile.document;

/** 二、基本原则, 三、工作目标 and 五、工作要求, in the document's order. */
export const planClauses = [
  ...planFile.principles.map((c, i) => ({ ...c, kind: "PRINCIPLE" as const, ordinal: i + 1 })),
  { ...planFile.goal, kind: "GOAL" as const, ordinal: 1 },
  ...planFile.requirements.map((c, i) => ({ ...c, kind: "REQUIREMENT" as const, ordinal: i + 1 })),
];

export const targets = planFile.targets;

export async function seedPlan(db: Db): Promise<void> {
  await loadPlan(db, planFile);
}
