// A deadline's light (正常 / 临期 / 逾期), counted in working days: a pill with a shape and words, never colour alone,
// plus the days left and, beyond the published holiday schedule, the warning that only weekends were counted.
// The calendar window and today come from the root loader (app/models/work-calendar.server.ts), so the light is the
// same on the server and after a client-side navigation. The rule is workflows/common/working-days.ts.
import { useRouteLoaderData } from "@remix-run/react";
import { pick, useLang } from "../i18n";
import { deadlineLight, LIGHT_LABELS, type LightReading, type WorkCalendar } from "../../workflows/common/working-days";
import { shanghaiDate } from "./status";
import { StatusPill, type Tone } from "./ui";

export interface PageCalendar {
  today: string;
  calendar: WorkCalendar;
}

const TONES = { GREEN: "good", YELLOW: "warn", RED: "bad", NONE: "neutral" } as const satisfies Record<string, Tone>;

/** The day a deadline instant (the end of its due day, Asia/Shanghai) belongs to: 2026-10-08T16:00Z → 2026-10-08. */
export const dueDayOf = (deadline: string) =>
  new Date(Date.parse(deadline) + 8 * 3600_000 - 1).toISOString().slice(0, 10);

export function usePageCalendar(): PageCalendar | null {
  const root = useRouteLoaderData("root") as { workdays?: PageCalendar } | undefined;
  return root?.workdays ?? null;
}

/** Reads a due day (YYYY-MM-DD) against today; nothing when there is no due day or the thing is done. */
export function DeadlineLight({ due, done = false }: { due: string | null | undefined; done?: boolean }) {
  const page = usePageCalendar();
  if (!due || !page) return null;
  return <LightPill reading={deadlineLight(page.calendar, due.slice(0, 10), page.today, done)} />;
}

/** For a reading computed elsewhere (a loader, the chase board). */
export function LightPill({ reading }: { reading: LightReading }) {
  const lang = useLang();
  if (reading.light === "NONE") return null;
  const days = Math.abs(reading.workingDaysLeft);
  const plural = days === 1 ? "" : "s";
  // Overdue since last night but no working day has passed yet (a Friday deadline read on Saturday): no count.
  const detail =
    reading.light === "RED"
      ? days > 0 && pick(lang, [`逾期${days}个工作日`, `${days} working day${plural} late`])
      : pick(lang, [`剩${days}个工作日`, `${days} working day${plural} left`]);
  const word = pick(lang, LIGHT_LABELS[reading.light]);
  const label = !detail ? word : lang === "en" ? `${word} (${detail})` : `${word}（${detail}）`;
  return (
    <span className="deadline-light" data-light={reading.light}>
      <StatusPill tone={TONES[reading.light]} label={label} />
      {reading.warning ? (
        <small className="deadline-warning">{lang === "en" ? reading.warning.en : reading.warning.zh}</small>
      ) : null}
    </span>
  );
}

type Said = { zh: string; en: string } | null | undefined;

/** A due day as pages show it: the day, its light, and why it differs from the day entered (顺延) when it does. */
export function DueDate({ due, done, note }: { due: string | null | undefined; done?: boolean; note?: Said }) {
  const lang = useLang();
  if (!due) return null;
  // A DateTime from the API (the due day's midnight in Asia/Shanghai) or already a day.
  const day = due.length > 10 ? shanghaiDate(due) : due;
  return (
    <span className="due-date">
      {day} <DeadlineLight due={day} done={done} />
      {note ? <small className="deadline-note">{lang === "en" ? note.en : note.zh}</small> : null}
    </span>
  );
}
