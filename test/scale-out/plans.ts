// The plans the scale-out test runs a reporting cycle for, at once. Today the product holds one plan (Daqing's); once
// it holds many, a province's 13 cities go here and the test fans out every one of them on the same cluster.
import type { Db } from "../../app/utils/db.server";

export interface ScaleOutPlan {
  /** A short name for the log. */
  name: string;
  /** Who opens the cycle, submits and accepts every report (the steering group may act for every department). */
  steeringGroup: string;
  /** The reports the plan's cycle fans out to: one per task and lead department. */
  expectedReports(db: Db): Promise<number>;
}

export const PLANS: ScaleOutPlan[] = [
  {
    name: "大庆市生态环境监测网络建设工作方案",
    steeringGroup: "steering@daqing.example",
    expectedReports: async (db) =>
      (await db.taskAssignment.findMany({ where: { role: "LEAD" }, distinct: ["taskId", "departmentId"] })).length,
  },
];
