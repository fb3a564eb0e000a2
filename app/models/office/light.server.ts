// How late an item is and its deadline light, counted in working days (weekends, holidays and 调休 make-up days of
// app/models/work-calendar.server.ts, the rule of workflows/common/working-days.ts), so the board, the scorecard and
// the 催报 e-mail count alike.
import { shanghaiDay } from "../../utils/time";
import { workCalendar } from "../work-calendar.server";
import { deadlineLight as lightOn, workingDaysBetween } from "../../../workflows/common/working-days";

export type DeadlineLight = "GREEN" | "YELLOW" | "RED";

/** The due day of a deadline instant (the end of that day, Asia/Shanghai). */
const dueDayOf = (deadline: Date) => shanghaiDay(new Date(deadline.getTime() - 1));

/** Working days past the due day, to the day it was done, else today; 0 when not late or undated. */
export function daysLate(deadline: Date | null, doneAt: Date | null, now: number): number {
  if (!deadline) return 0;
  const due = dueDayOf(deadline);
  const until = shanghaiDay(doneAt ?? new Date(now));
  return until > due ? workingDaysBetween(workCalendar(), due, until) : 0;
}

/** The light of something still owed; null for what is done or has no deadline. */
export function deadlineLight(deadline: Date | null, open: boolean, now: number): DeadlineLight | null {
  if (!deadline) return null;
  const reading = lightOn(workCalendar(), dueDayOf(deadline), shanghaiDay(new Date(now)), !open);
  return reading.light === "NONE" ? null : reading.light;
}
