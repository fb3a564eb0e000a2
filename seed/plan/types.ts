// Shapes of the authoritative plan seed. English identifiers; the plan's Chinese wording lives in the values.

export type DepartmentKind = "STEERING_GROUP" | "MUNICIPAL_DEPARTMENT" | "MONITORING_CENTRE";
export type AreaKind = "DISTRICT" | "COUNTY" | "ZONE";

export interface DepartmentSeed {
  code: string;
  name: string; // full name as the plan writes it, e.g. 市环保局
  shortName: string; // the form the plan uses inside lists, e.g. 环保局 in “市财政局、环保局”
  nameEn: string;
  kind: DepartmentKind;
}

export interface AreaSeed {
  code: string; // GB/T 2260 where one exists
  name: string;
  nameEn: string;
  kind: AreaKind;
}

export interface TaskSeed {
  code: string;
  title: string;
  titleEn: string;
  duty: string;
  responsibilityClause: string;
  leads: { department: string; scope?: string }[];
  supports: string[];
}

export interface TaskGroupSeed {
  code: string;
  title: string;
  titleEn: string;
  intro: string;
  tasks: TaskSeed[];
}

/** Which stations a coverage target counts, and where it requires them. */
export type AreaScope = "COUNTIES" | "COUNTY_LEVEL" | "CITY";

export type TargetSeed =
  | (TargetBase & {
      measure: "COVERAGE";
      elements: string[];
      areaScope: AreaScope;
      automaticOnly: boolean;
      minPerArea: number;
    })
  | (TargetBase & {
      measure: "RECURRING";
      recurrence: "YEARLY" | "PERIODIC" | "AS_NEEDED";
      minPerPeriod: number;
      /** What counts as fulfilment: records of the duty (default), or the workflow that carries it out. */
      evidence?: "DUTY_RECORDS" | "ANNUAL_WORK_PLANS" | "REPORTING_CYCLES" | "INSPECTIONS";
    })
  | (TargetBase & { measure: "LINKAGE" })
  | (TargetBase & { measure: "MILESTONE" });

interface TargetBase {
  code: string;
  taskCode: string | null; // null: a plan-level goal (三、工作目标) or working requirement (五、工作要求)
  title: string;
  titleEn: string;
  clause: string; // the plan's exact wording
  dueDate: string | null; // ISO date, Asia/Shanghai
  responsibleDepartment: string | null;
}
