// The plan file format `eco-monitoring-plan/1` (docs/plan-file.md): one 工作方案 as YAML. This module is its only
// definition; the JSON Schema for other tools is generated from it (plans/format/json-schema.ts), and the
// cross-references (a lead naming a department the file lacks, …) are checked here too, with bilingual messages.
import { z } from "zod";

export const FORMAT = "eco-monitoring-plan/1";

export const LEVELS = ["CITY", "PROVINCE", "NATION"] as const;
export const DEPARTMENT_KINDS = [
  "STEERING_GROUP",
  "MUNICIPAL_DEPARTMENT",
  "PROVINCIAL_DEPARTMENT",
  "NATIONAL_DEPARTMENT",
  "MONITORING_CENTRE",
] as const;
/** CITY: a prefecture-level city, the implementer of a province's plan. */
export const AREA_KINDS = ["DISTRICT", "COUNTY", "ZONE", "CITY"] as const;
export const MEASURES = ["COVERAGE", "RECURRING", "LINKAGE", "MILESTONE"] as const;
export const ELEMENTS = [
  "AIR",
  "SURFACE_WATER",
  "DRINKING_WATER_SOURCE",
  "GROUNDWATER",
  "SOIL",
  "NOISE",
  "RADIATION",
  "ECOLOGY",
  "POLLUTION_SOURCE",
] as const;
export const AREA_SCOPES = ["COUNTIES", "COUNTY_LEVEL", "CITY"] as const;
export const RECURRENCES = ["YEARLY", "PERIODIC", "AS_NEEDED"] as const;
export const EVIDENCE = ["DUTY_RECORDS", "ANNUAL_WORK_PLANS", "REPORTING_CYCLES", "INSPECTIONS"] as const;

const text = z.string().min(1);
/** English wording may be left empty for a person to add; the pages then show the Chinese. */
const english = z.string();
const code = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: "lowercase letters, digits and hyphens" });
const isoDate = z.iso.date();

const clause = z.strictObject({ title: text, titleEn: english, text: text });

const department = z.strictObject({
  code,
  name: text,
  shortName: text,
  nameEn: english,
  kind: z.enum(DEPARTMENT_KINDS),
});

const area = z.strictObject({
  code: z.string().regex(/^\d{6}(-[A-Z0-9]+)?$/, { error: "a GB/T 2260 code, or one with a suffix of ours" }),
  name: text,
  nameEn: english,
  kind: z.enum(AREA_KINDS),
  /** The prefecture-level city it lies in (4 digits); defaults to the issuer's. */
  city: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
});

const task = z.strictObject({
  code: z.string().regex(/^\d+(\.\d+)*$/, { error: "numbers joined by dots, e.g. 1.1" }),
  title: text,
  titleEn: english,
  duty: text,
  responsibilityClause: text,
  leads: z.array(z.strictObject({ department: code, scope: text.optional() })).min(1),
  supports: z.array(code),
  /** `all`: every area of the plan; otherwise the areas named. */
  implementers: z.union([z.literal("all"), z.array(z.string())]),
  /** The higher-level plan's task this one implements. */
  implements: z.strictObject({ plan: code, task: z.string() }).optional(),
});

const group = z.strictObject({
  code: z.string().regex(/^\d+$/),
  title: text,
  titleEn: english,
  intro: z.string(),
  tasks: z.array(task).min(1),
});

const targetBase = {
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/),
  /** null: a plan-level goal (工作目标) or requirement (工作要求). */
  task: z.string().nullable(),
  title: text,
  titleEn: english,
  /** The plan's wording, word for word. */
  clause: text,
  due: isoDate.nullable(),
  responsible: code.nullable(),
};

const target = z.discriminatedUnion("measure", [
  z.strictObject({
    ...targetBase,
    measure: z.literal("COVERAGE"),
    elements: z.array(z.enum(ELEMENTS)).min(1),
    areas: z.enum(AREA_SCOPES),
    automaticOnly: z.boolean(),
    minPerArea: z.int().min(1),
  }),
  z.strictObject({
    ...targetBase,
    measure: z.literal("RECURRING"),
    recurrence: z.enum(RECURRENCES),
    minPerPeriod: z.int().min(1),
    evidence: z.enum(EVIDENCE).optional(),
  }),
  z.strictObject({ ...targetBase, measure: z.literal("LINKAGE") }),
  z.strictObject({ ...targetBase, measure: z.literal("MILESTONE") }),
]);

const implemented = z.strictObject({
  number: text,
  title: text,
  level: z.enum(LEVELS),
  /** The code of that plan where a deployment holds it too. */
  plan: code.optional(),
});

export const planFileShape = z.strictObject({
  format: z.literal(FORMAT),
  /** Unique in a deployment, e.g. daqing-2018. */
  code,
  document: z.strictObject({
    number: text,
    title: text,
    titleEn: english,
    issuer: z.strictObject({
      /** The office that signs the notice, e.g. 大庆市人民政府办公室. */
      office: text,
      government: text,
      level: z.enum(LEVELS),
      /** GB/T 2260 code of the issuing government's division. */
      division: z.string().regex(/^\d{6}$/),
    }),
    issuedOn: isoDate,
    horizonYear: z.int().min(2000).max(2100),
    implements: z.array(implemented),
    purpose: z.string(),
  }),
  guidingIdeology: z.string(),
  principles: z.array(clause),
  goal: clause,
  requirements: z.array(clause),
  /** The plan's own sentence naming who implements every task, e.g. 以下均需各县区政府…落实，不再列出. */
  implementersClause: z.string(),
  departments: z.array(department).min(1),
  areas: z.array(area),
  taskGroups: z.array(group).min(1),
  targets: z.array(target),
  /** What a person must still check (the importer's guesses); empty or absent once reviewed. */
  review: z.array(z.strictObject({ at: z.string(), what: z.string() })).optional(),
});

export type PlanFile = z.infer<typeof planFileShape>;
export type PlanTask = PlanFile["taskGroups"][number]["tasks"][number];
export type PlanTarget = PlanFile["targets"][number];
export type PlanDepartment = PlanFile["departments"][number];
export type PlanArea = PlanFile["areas"][number];

type Issue = { path: (string | number)[]; zh: string; en: string };

/** References inside the file: every code it uses is defined once in it. */
export function crossReferenceIssues(p: PlanFile): Issue[] {
  const issues: Issue[] = [];
  const dup = <T>(list: T[], key: (x: T) => string, at: string, zh: string, en: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      const k = key(x);
      if (seen.has(k)) issues.push({ path: [at, i], zh: `${zh}重复：${k}`, en: `duplicate ${en}: ${k}` });
      seen.add(k);
    });
  };
  dup(p.departments, (d) => d.code, "departments", "部门代码", "department code");
  dup(p.departments, (d) => d.name, "departments", "部门名称", "department name");
  dup(p.areas, (a) => a.code, "areas", "区域代码", "area code");
  dup(p.taskGroups, (g) => g.code, "taskGroups", "任务组代码", "task group code");
  dup(p.targets, (t) => t.code, "targets", "目标代码", "target code");
  const depts = new Set(p.departments.map((d) => d.code));
  const areas = new Set(p.areas.map((a) => a.code));
  const tasks = new Set<string>();
  const unknownDept = (path: Issue["path"], c: string) =>
    issues.push({ path, zh: `未定义的部门：${c}`, en: `no such department in the file: ${c}` });
  p.taskGroups.forEach((g, gi) =>
    g.tasks.forEach((t, ti) => {
      const at = ["taskGroups", gi, "tasks", ti];
      if (tasks.has(t.code))
        issues.push({ path: at, zh: `任务代码重复：${t.code}`, en: `duplicate task code: ${t.code}` });
      tasks.add(t.code);
      t.leads.forEach(
        (l, i) => depts.has(l.department) || unknownDept([...at, "leads", i, "department"], l.department),
      );
      t.supports.forEach((s, i) => depts.has(s) || unknownDept([...at, "supports", i], s));
      if (t.implementers !== "all")
        t.implementers.forEach(
          (a, i) =>
            areas.has(a) ||
            issues.push({
              path: [...at, "implementers", i],
              zh: `未定义的区域：${a}`,
              en: `no such area in the file: ${a}`,
            }),
        );
    }),
  );
  p.targets.forEach((t, i) => {
    if (t.task !== null && !tasks.has(t.task))
      issues.push({
        path: ["targets", i, "task"],
        zh: `未定义的任务：${t.task}`,
        en: `no such task in the file: ${t.task}`,
      });
    if (t.responsible !== null && !depts.has(t.responsible)) unknownDept(["targets", i, "responsible"], t.responsible);
  });
  return issues;
}
