// The reporting cycle: fans out the reports through an activity (thousands of starts would bloat this history as
// child workflows), waits until every report is accepted, then closes with the consolidated report.
import { allHandlersFinished, condition, setHandler } from "@temporalio/workflow";
import { acts, fanOutActs } from "../common/activities-proxy";
import { endOfDay } from "../common/deadline";
import { getWaitingFor } from "../common/messages";
import { notices, stepCounter } from "../common/step";
import { cycleWorkflowId } from "../ids";
import { reportAccepted, type CycleInput } from "./messages";

export async function reportingCycleWorkflow(input: CycleInput): Promise<{ reports: number }> {
  const workflowId = cycleWorkflowId(input.period);
  const nextStep = stepCounter(workflowId);
  const accepted = new Set<string>();
  let total = Number.POSITIVE_INFINITY;
  let status: "OPEN" | "CLOSED" = "OPEN";

  setHandler(reportAccepted, (reportId) => void accepted.add(reportId));
  setHandler(getWaitingFor, () =>
    status === "CLOSED"
      ? []
      : [{ what: "ACCEPT_ALL_REPORTS", zh: `各牵头部门报送并经专项小组审核通过（${accepted.size}/${Number.isFinite(total) ? total : "…"}）`, en: `every report submitted and accepted (${accepted.size}/${Number.isFinite(total) ? total : "…"})`, who: "STEERING_GROUP", deadline: new Date(endOfDay(input.dueDate)).toISOString() }],
  );

  await acts.mirrorCycle(nextStep("OPEN", input.openedBy), { input, status, reportCount: null, consolidatedReport: null });
  total = await fanOutActs.fanOutReports({ cycleWorkflowId: workflowId, period: input.period, dueDate: input.dueDate, leadDays: input.leadDays });
  await acts.mirrorCycle(nextStep("FAN_OUT", null, { reports: total }), { input, status, reportCount: total, consolidatedReport: null });

  await condition(() => accepted.size >= total);
  const report = await acts.consolidateCycle(input.period);
  status = "CLOSED";
  const closing = nextStep("CLOSE");
  await acts.mirrorCycle(closing, { input, status, reportCount: total, consolidatedReport: report }, notices(closing, { period: input.period }, [
    { template: "CYCLE_CLOSED", to: [{ role: "STEERING_GROUP" }], params: { report } },
  ]));
  await condition(allHandlersFinished);
  return { reports: total };
}
