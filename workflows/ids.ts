// Workflow IDs are business keys: one running workflow per plan, report, inspection or case, and readable in the UI.
export const workPlanWorkflowId = (year: number, departmentCode: string) => `workplan-${year}-${departmentCode}`;
export const cycleWorkflowId = (period: string) => `cycle-${period}`;
export const reportWorkflowId = (period: string, taskCode: string, departmentCode: string) =>
  `report-${period}-${taskCode}-${departmentCode}`;
export const inspectionWorkflowId = (day: string, unitCode: string) => `inspection-${day}-${unitCode}`;
export const linkageWorkflowId = (alertId: number) => `linkage-alert-${alertId}`;
