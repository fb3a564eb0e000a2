// Every activity, built by a factory from what it needs, so the worker, the tests and the benchmark each hand in
// their own database, mailer and Temporal client. Activities are thin: the rules live in app/models.
import { Context } from "@temporalio/activity";
import type { Client } from "@temporalio/client";
import type { Db } from "../app/utils/db.server";
import type { Mailer } from "../app/utils/mailer.server";
import { sendNotice, type Notice } from "../app/models/workflows/notify.server";
import { mirrorWorkPlan, type WorkPlanSnapshot } from "../app/models/workflows/work-plan.server";
import { consolidateCycle, mirrorCycle, mirrorReport } from "../app/models/workflows/reporting.server";
import { fanOutReports, type FanOutArgs } from "../app/models/workflows/fan-out.server";
import { mirrorInspection } from "../app/models/workflows/inspection.server";
import { mirrorLinkage } from "../app/models/workflows/linkage.server";
import type { Step } from "./common/step";

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  temporal: { client: Client; taskQueue: string };
}

type Arg<F> = F extends (db: Db, step: Step, snap: infer S) => unknown ? S : never;

export function createActivities({ db, mailer, temporal }: ActivityDeps) {
  // Sending after the state write: a retry skips the write (already applied) and sends only what is missing.
  const sendAll = async (list: Notice[]) => {
    for (const n of list) await sendNotice(db, mailer, n);
  };
  return {
    async mirrorWorkPlan(step: Step, snap: WorkPlanSnapshot, notices: Notice[] = []): Promise<boolean> {
      const applied = await mirrorWorkPlan(db, step, snap);
      await sendAll(notices);
      return applied;
    },
    async mirrorCycle(step: Step, snap: Arg<typeof mirrorCycle>, notices: Notice[] = []): Promise<boolean> {
      const applied = await mirrorCycle(db, step, snap);
      await sendAll(notices);
      return applied;
    },
    async mirrorReport(step: Step, snap: Arg<typeof mirrorReport>, notices: Notice[] = []): Promise<boolean> {
      const applied = await mirrorReport(db, step, snap);
      await sendAll(notices);
      return applied;
    },
    async fanOutReports(args: FanOutArgs): Promise<number> {
      const ctx = Context.current();
      const resumeFrom = typeof ctx.info.heartbeatDetails === "number" ? ctx.info.heartbeatDetails : 0;
      return fanOutReports(db, temporal, args, { resumeFrom, heartbeat: (next) => ctx.heartbeat(next) });
    },
    async consolidateCycle(period: string): Promise<string> {
      return consolidateCycle(db, period);
    },
    async mirrorInspection(step: Step, snap: Arg<typeof mirrorInspection>, notices: Notice[] = []): Promise<boolean> {
      const applied = await mirrorInspection(db, step, snap);
      await sendAll(notices);
      return applied;
    },
    async mirrorLinkage(step: Step, snap: Arg<typeof mirrorLinkage>, notices: Notice[] = []): Promise<boolean> {
      const applied = await mirrorLinkage(db, step, snap);
      await sendAll(notices);
      return applied;
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
