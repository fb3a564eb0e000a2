// What a workflow step may send: the notices (e-mails) it names, to whom, with which parameters. Pure types and
// names, shared by the workflows (which decide what to send) and app/models/workflows (which renders and delivers).
// The texts live in app/models/workflows/mail-templates.ts, which must have one template per name below.

/** A department's members, an area's implementers, the steering group, or one user. */
export type Audience = { departmentId: number } | { areaId: number } | { role: "STEERING_GROUP" } | { userId: number };

export const TEMPLATE_NAMES = [
  "WORKPLAN_OPENED",
  "WORKPLAN_REMINDER",
  "WORKPLAN_OVERDUE",
  "WORKPLAN_SUBMITTED",
  "WORKPLAN_RETURNED",
  "WORKPLAN_APPROVED",
  "MILESTONE_REMINDER",
  "MILESTONE_OVERDUE",
  "REPORT_REQUESTED",
  "CONTRIBUTION_REQUESTED",
  "REPORT_REMINDER",
  "REPORT_DUE_TODAY",
  "REPORT_OVERDUE",
  "REPORT_RETURNED",
  "CYCLE_CLOSED",
  "INSPECTION_NOTICE",
  "INSPECTION_REMINDER",
  "RECTIFICATION_REQUIRED",
  "RECTIFICATION_REMINDER",
  "RECTIFICATION_OVERDUE",
  "RECTIFICATION_REOPENED",
  "INSPECTION_CLOSED",
  "LINKAGE_OPENED",
  "LINKAGE_REMINDER",
  "LINKAGE_OVERDUE",
  "LINKAGE_CLOSED",
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** A param is plain, or given in both languages (department names, enum labels). */
export type TemplateParams = Record<string, string | number | { zh: string; en: string }>;

export interface Notice {
  /** Unique per notice (workflow ID + what + when); the recipient's e-mail is appended per message. */
  key: string;
  workflowId: string;
  template: TemplateName;
  params: TemplateParams;
  to: Audience[];
}
