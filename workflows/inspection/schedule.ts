// 专项督导检查 in time: a recurring schedule in words and its later days, and the timers — a reminder before the day,
// the start on the day (which starts the series' next occurrence), each finding's rectification reminder and
// overdue escalation, and the close. Pure functions of the state; the workflow sleeps until the times they give.
import { nextDate, seriesDates, startOfDay } from "../common/calendar";
import { dueOn, escalationAt, reminderBefore, type WorkCalendar } from "../common/working-days";
import { label, type Bilingual } from "../common/process";
import type { InspectionInput } from "./messages";
import { iso, RECURRENCES, type Finding, type InspectionState } from "./state";

type Series = Pick<InspectionState, "recurrence" | "repeatUntil" | "seriesStart" | "occurrence">;

/** "每季度一次，第1次，至2027-12-31" / "Quarterly, occurrence 1, until 2027-12-31"; null for a single inspection. */
export function seriesOf(s: Series): Bilingual | null {
  if (s.recurrence === "NONE" || !s.repeatUntil) return null;
  const every = label(RECURRENCES, s.recurrence);
  return {
    zh: `${every.zh}，第${s.occurrence}次，至${s.repeatUntil}`,
    en: `${every.en}, occurrence ${s.occurrence}, until ${s.repeatUntil}`,
  };
}

/** The days of the series after this occurrence, to its end (none for a single inspection). */
export const laterDates = (s: Series): string[] =>
  seriesDates(s.seriesStart, s.recurrence, s.repeatUntil).slice(s.occurrence);

/** The next occurrence of a recurring schedule (the same unit, the series' next day), or null once it has ended. */
export function nextOccurrence(input: InspectionInput): InspectionInput | null {
  const date = nextDate(input.seriesStart, input.recurrence, input.occurrence, input.repeatUntil);
  return date ? { ...input, date, occurrence: input.occurrence + 1 } : null;
}

/** The reminder to the unit and the inspector: `leadDays` (working, with a calendar) days before the day, at 09:00. */
export const reminderAt = (s: InspectionState, cal?: WorkCalendar) => reminderBefore(cal, s.date, s.leadDays);
export const remind = (s: InspectionState, now: number): InspectionState => ({ ...s, remindedAt: iso(now) });

/** The inspection may begin at the start of its day (Asia/Shanghai). */
export const startAt = (s: InspectionState) => startOfDay(s.date);

/** The day has come; `next` is the series' next occurrence, started now so that it is scheduled and notified. */
export const start = (
  s: InspectionState,
  now: number,
  next: { date: string; workflowId: string } | null,
): InspectionState => ({
  ...s,
  // A finding or the conclusion may already have been taken in the first moment of the day.
  status: s.status === "SCHEDULED" ? "IN_PROGRESS" : s.status,
  startedAt: iso(now),
  ...(next ? { nextDate: next.date, nextWorkflowId: next.workflowId } : {}),
});

/** A finding's rectification runs to the end of its deadline day, then it is escalated; the reminder goes `leadDays`
 *  before — working days with a calendar, calendar days without one (inspections scheduled before docs/decisions/019). */
export const rectificationDue = (f: Finding, cal?: WorkCalendar) => escalationAt(cal, f.deadline!);
export const rectificationReminderAt = (s: InspectionState, f: Finding, cal?: WorkCalendar) =>
  reminderBefore(cal, f.deadline!, s.leadDays);

/** A finding's rectification deadline on a working day: one entered on a weekend or holiday moves to the next working
 *  day and keeps the day entered as `requestedDeadline`. The workflow applies it after a finding is recorded or
 *  reopened when it was started with a calendar; without one the deadline stays as entered. */
export function deadlineOnWorkingDay(
  s: InspectionState,
  ordinal: number,
  cal: WorkCalendar | undefined,
): InspectionState {
  if (!cal) return s;
  return {
    ...s,
    findings: s.findings.map((f) => {
      if (f.ordinal !== ordinal || !f.deadline) return f;
      const { dueDate, requested } = dueOn(cal, f.deadline);
      const { requestedDeadline: _old, ...rest } = f;
      return requested ? { ...rest, deadline: dueDate, requestedDeadline: requested } : { ...rest, deadline: dueDate };
    }),
  };
}

/** Watched while it needs rectification and is not closed. */
export const watched = (f: Finding) => f.requiresRectification && f.status !== "CLOSED";

export const markOverdue = (s: InspectionState, ordinal: number, now: number): InspectionState => ({
  ...s,
  findings: s.findings.map((f) => (f.ordinal === ordinal ? { ...f, overdue: true, escalatedAt: iso(now) } : f)),
});

/** The fieldwork is concluded and every finding closed. */
export const finished = (s: InspectionState) =>
  !!s.fieldworkConcludedAt && s.findings.every((f) => f.status === "CLOSED");

export const close = (s: InspectionState, now: number): InspectionState => ({
  ...s,
  status: "CLOSED",
  closedAt: iso(now),
});
