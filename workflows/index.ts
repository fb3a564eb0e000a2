// Every workflow the worker runs (its workflowsPath). Deterministic code only below this file.
export { annualWorkPlanWorkflow } from "./work-plan/workflows";
export { reportingCycleWorkflow } from "./reporting/cycle-workflow";
export { progressReportWorkflow } from "./reporting/report-workflow";
export { inspectionWorkflow } from "./inspection/workflows";
export { linkageCaseWorkflow } from "./linkage/workflows";
export { trivialWorkflow } from "./bench/workflows";
