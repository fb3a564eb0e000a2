// Deadlines as durable timers: reminders before a deadline and on its day, escalation when it passes.
// Deterministic: reads only workflow time (Date.now() inside a workflow is the time of the current workflow task).
// The instants themselves (end of a day, 09:00 reminders) come from calendar.ts.
import { condition } from "@temporalio/workflow";

export type Point = "REMINDER" | "DUE_TODAY" | "OVERDUE";

export interface Watch {
  deadline: number;
  /** Extra points before the deadline; those already past when the watch starts are skipped. */
  reminders: { at: number; point: Exclude<Point, "OVERDUE"> }[];
  /** Nothing more can happen (accepted, closed): stop watching. */
  finished: () => boolean;
  /** The awaited step has been taken for now (submitted): skip this point but keep watching. */
  satisfied: () => boolean;
  fire: (point: Point) => Promise<void>;
}

/** Returns true when the deadline passed while the step was still awaited (it was escalated). */
export async function watchDeadline(w: Watch): Promise<boolean> {
  const points = [...w.reminders.filter((r) => r.at < w.deadline), { at: w.deadline, point: "OVERDUE" as const }].sort(
    (a, b) => a.at - b.at,
  );
  for (const p of points) {
    const wait = p.at - Date.now();
    if (wait > 0) {
      if (await condition(w.finished, wait)) return false;
    } else if (p.point !== "OVERDUE") {
      continue;
    }
    if (w.finished()) return false;
    if (w.satisfied()) continue;
    await w.fire(p.point);
    if (p.point === "OVERDUE") return true;
  }
  return false;
}
