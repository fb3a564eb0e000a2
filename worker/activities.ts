// Every activity, built by a factory from what it needs, so the worker, the tests and the benchmark each hand in
// their own database, mailer and Temporal client. Activities are thin: the rules live in app/models, and the
// interface they implement is declared by the workflows (workflows/common/activity-types.ts).
import { Context } from "@temporalio/activity";
import type { Client } from "@temporalio/client";
import type { Db } from "../app/utils/db.server";
import type { Mailer } from "../app/utils/mailer.server";
import { sendNotice } from "../app/models/workflows/notify.server";
import { mirrorWorkPlan } from "../app/models/workflows/work-plan.server";
import { consolidateCycle, mirrorCycle, mirrorReport } from "../app/models/workflows/reporting.server";
import { fanOutReports } from "../app/models/workflows/fan-out.server";
import { mirrorInspection } from "../app/models/workflows/inspection.server";
import { mirrorLinkage } from "../app/models/workflows/linkage.server";
import type { Activities } from "../workflows/common/activity-types";
import type { Notice } from "../workflows/common/notices";
import type { Step } from "../workflows/common/step";

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  temporal: { client: Client; taskQueue: string };
}

export type { Activities };

export function createActivities({ db, mailer, temporal }: ActivityDeps): Activities {
  /** A step's state write, then its notices: a retry skips the write (already applied) and sends only what is missing. */
  const mirrored =
    <S>(write: (db: Db, step: Step, snap: S) => Promise<boolean>) =>
    async (step: Step, snap: S, notices: Notice[] = []): Promise<boolean> => {
      const applied = await write(db, step, snap);
      for (const n of notices) await sendNotice(db, mailer, n);
      return applied;
    };
  return {
    mirrorWorkPlan: mirrored(mirrorWorkPlan),
    mirrorCycle: mirrored(mirrorCycle),
    mirrorReport: mirrored(mirrorReport),
    mirrorInspection: mirrored(mirrorInspection),
    mirrorLinkage: mirrored(mirrorLinkage),
    async fanOutReports(args) {
      const ctx = Context.current();
      const resumeFrom = typeof ctx.info.heartbeatDetails === "number" ? ctx.info.heartbeatDetails : 0;
      return fanOutReports(db, temporal, args, { resumeFrom, heartbeat: (next) => ctx.heartbeat(next) });
    },
    async consolidateCycle(period) {
      return consolidateCycle(db, period);
    },
  };
}
