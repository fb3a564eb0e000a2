// The reporting cycle, wired (rules in ./cycle.ts): fans out the reports through an activity (thousands of starts
// would bloat this history as child workflows), waits until every report is accepted, then closes with the
// consolidated report.
import { allHandlersFinished, condition, setHandler } from "@temporalio/workflow";
import { acts, fanOutActs } from "../common/activities-proxy";
import { getWaitingFor } from "../common/messages";
import { notices, stepCounter } from "../common/step";
import { cycleWorkflowId } from "../ids";
import * as c from "./cycle";
import { periodLabel } from "./period";
import { reportAccepted, type CycleInput } from "./messages";

export async function reportingCycleWorkflow(input: CycleInput): Promise<{ reports: number }> {
  const workflowId = cycleWorkflowId(input.period);
  const nextStep = stepCounter(workflowId);
  let state = c.initialCycle(input);
  const snap = (consolidatedReport: string | null = null) => ({
    input,
    status: state.status,
    reportCount: state.reportCount,
    consolidatedReport,
    waitingFor: c.cycleWaitingFor(state),
  });

  setHandler(reportAccepted, (reportId) => void (state = c.reportAccepted(state, reportId)));
  setHandler(getWaitingFor, () => c.cycleWaitingFor(state));

  await acts.mirrorCycle(nextStep("OPEN", input.openedBy), snap());
  const total = await fanOutActs.fanOutReports({
    cycleWorkflowId: workflowId,
    period: input.period,
    dueDate: input.dueDate,
    leadDays: input.leadDays,
    requestedDueDate: input.requestedDueDate,
    calendar: input.calendar,
  });
  state = c.fannedOut(state, total);
  await acts.mirrorCycle(nextStep("FAN_OUT", null, { reports: total }), snap());

  await condition(() => c.allAccepted(state));
  const report = await acts.consolidateCycle(input.period);
  state = c.close(state);
  const closing = nextStep("CLOSE");
  await acts.mirrorCycle(
    closing,
    snap(report),
    notices(closing, { period: periodLabel(input.period) }, [
      { template: "CYCLE_CLOSED", to: [{ role: "STEERING_GROUP" }], params: { report } },
    ]),
  );
  await condition(allHandlersFinished);
  return { reports: total };
}
