import { builder } from "../builder";
import {
  ALERT_KINDS,
  ALERT_STATUSES,
  AREA_KINDS,
  ASSIGNMENT_ROLES,
  ELEMENTS,
  SEVERITIES,
  STATION_MODES,
  STATION_STATUSES,
  TASK_STATUSES,
} from "../../app/models/vocabulary";
import { ROLES } from "../../app/models/viewer";

/** A GraphQL enum whose values carry their Chinese / English labels as descriptions. */
export function labelled<T extends Record<string, readonly [string, string]>>(
  name: string,
  labels: T,
  description: string,
) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(
      Object.entries(labels).map(([k, [zh, en]]) => [k, { value: k, description: `${zh} / ${en}` }]),
    ) as unknown as Record<Extract<keyof T, string>, { value: Extract<keyof T, string>; description: string }>,
  });
}

export const ElementEnum = labelled("Element", ELEMENTS, "Environmental element a station monitors (监测要素)");
export const StationModeEnum = labelled("StationMode", STATION_MODES, "Automatic or manual monitoring");
export const StationStatusEnum = labelled("StationStatus", STATION_STATUSES, "Lifecycle of a station");
export const AlertKindEnum = labelled("AlertKind", ALERT_KINDS, "What a monitoring alert reports");
export const SeverityEnum = labelled("Severity", SEVERITIES, "How serious an alert or finding is");
export const AlertStatusEnum = labelled("AlertStatus", ALERT_STATUSES, "Where an alert is in its handling");
export const TaskStatusEnum = labelled("TaskStatus", TASK_STATUSES, "Traffic-light status of a task");
export const AssignmentRoleEnum = labelled("AssignmentRole", ASSIGNMENT_ROLES, "牵头 (lead) or 配合 (supporting)");
export const AreaKindEnum = labelled("AreaKind", AREA_KINDS, "District, county or development zone");
export const RoleEnum = builder.enumType("Role", { values: ROLES, description: "What a user may do" });

/** SQLite has no enums: these columns hold the enum's value as text. Read one for an enum-typed field. */
export const column =
  <K extends string>(name: K) =>
  (row: { [P in K]: string }) =>
    row[name] as never;
