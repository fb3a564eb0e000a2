// The registry's and the plan's closed vocabularies, with their Chinese and English labels.
// One list each, used by the database seed, validation, GraphQL enums and the pages.

export const ELEMENTS = {
  AIR: ["环境空气", "Ambient air"],
  SURFACE_WATER: ["地表水", "Surface water"],
  DRINKING_WATER_SOURCE: ["饮用水水源地", "Drinking-water source"],
  GROUNDWATER: ["地下水", "Groundwater"],
  SOIL: ["土壤", "Soil"],
  NOISE: ["声环境", "Noise"],
  RADIATION: ["辐射", "Radiation"],
  ECOLOGY: ["生态状况", "Ecology"],
  POLLUTION_SOURCE: ["重点污染源", "Pollution source"],
} as const;
export type Element = keyof typeof ELEMENTS;
export const ELEMENT_KEYS = Object.keys(ELEMENTS) as Element[];

export const STATION_MODES = { AUTOMATIC: ["自动", "Automatic"], MANUAL: ["手工", "Manual"] } as const;
export type StationMode = keyof typeof STATION_MODES;

export const STATION_STATUSES = {
  PLANNED: ["规划中", "Planned"],
  ACTIVE: ["运行", "Active"],
  SUSPENDED: ["暂停", "Suspended"],
  RETIRED: ["撤销", "Retired"],
} as const;
export type StationStatus = keyof typeof STATION_STATUSES;

export const ALERT_KINDS = {
  EXCEEDANCE: ["超标", "Exceedance"],
  DEVICE_OFFLINE: ["设备离线", "Device offline"],
  SUSPECTED_FALSIFICATION: ["疑似数据造假", "Suspected data falsification"],
  DATA_ANOMALY: ["数据异常", "Abnormal data"],
} as const;
export type AlertKind = keyof typeof ALERT_KINDS;

// One severity scale for findings and alerts, kept with the inspection process (workflows/ imports nothing from app/).
export { SEVERITIES, type Severity } from "../../workflows/inspection/state";

export const ALERT_STATUSES = {
  OPEN: ["待处置", "Open"],
  IN_LINKAGE: ["联动处置中", "In linkage"],
  CLOSED: ["已关闭", "Closed"],
} as const;
export type AlertStatus = keyof typeof ALERT_STATUSES;

// A task's status is derived from its facts (app/models/task-status.server.ts); the steering group may override it.
export const TASK_STATUSES = {
  NOT_STARTED: ["未启动", "Not started"],
  ON_TRACK: ["正常推进", "On track"],
  AT_RISK: ["存在风险", "At risk"],
  DELAYED: ["滞后", "Delayed"],
  OVERDUE: ["逾期", "Overdue"],
  COMPLETED: ["已完成", "Completed"],
} as const;
export type TaskStatus = keyof typeof TASK_STATUSES;

/** The users' roles (workflows/common/process.ts ROLES) as people call them. */
export const ROLE_LABELS = {
  STEERING_GROUP: ["专项小组", "Steering group"],
  DEPARTMENT_MEMBER: ["部门人员", "Department member"],
  INSPECTOR: ["督导检查人员", "Inspector"],
  AREA_IMPLEMENTER: ["县区落实人员", "Area implementer"],
} as const;

export const ASSIGNMENT_ROLES = { LEAD: ["牵头", "Lead"], SUPPORT: ["配合", "Supporting"] } as const;
export type AssignmentRole = keyof typeof ASSIGNMENT_ROLES;

export const AREA_KINDS = {
  DISTRICT: ["区", "District"],
  COUNTY: ["县", "County"],
  ZONE: ["开发区", "Development zone"],
} as const;
export type AreaKind = keyof typeof AREA_KINDS;

export const keys = <T extends Record<string, unknown>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
/** A value from the URL or a form as one of the allowed keys, else null (an API enum variable's type). */
export const oneOf = <T extends string>(v: string | null | undefined, allowed: readonly T[]) =>
  v && (allowed as readonly string[]).includes(v) ? (v as T) : null;
