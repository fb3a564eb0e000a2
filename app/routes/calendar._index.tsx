// 日历: one month of what is dated and the viewer may read (the API's `calendar`, app/models/calendar.server.ts), as a
// table of weeks, Monday first. The month is in the URL (?month=2026-12); the previous and next months are plain links,
// so the page works without JavaScript.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { PageHeader } from "../components/ui";
import { pick, useT, type Lang } from "../i18n";
import { graphql } from "../utils/graphql";
import { gqlOrThrow } from "../utils/graphql.server";
import { shanghaiDay } from "../utils/time";
import { addMonths, daysInMonth } from "../../workflows/common/calendar";
import styles from "../styles/calendar.css";

export const meta: MetaFunction = () => [{ title: "日历 / Calendar" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const QUERY = /* @__PURE__ */ graphql(`
  query Calendar($from: Date!, $to: Date!) {
    me @_optional {
      name
    }
    calendar(from: $from, to: $to) {
      uid
      kind
      date
      path
      title {
        zh
        en
      }
      light @_optional
      lightWords @_optional {
        zh
        en
      }
    }
  }
`);

const WORDS = {
  title: ["日历", "Calendar"],
  lead: [
    "截止日期、工作计划节点、督导检查与整改期限：仅列出您有权查看的事项。订阅链接在“我的账号”页生成。",
    "Deadlines, work-plan milestones, inspections and rectification deadlines you may read. Make a subscription link on your account page.",
  ],
  leadPublic: [
    "方案目标的期限。登录后还可看到与您相关的报送截止、工作计划节点和督导检查。",
    "The plan's target dates. Sign in to see the reporting deadlines, milestones and inspections that concern you.",
  ],
  previous: ["上个月", "Previous month"],
  next: ["下个月", "Next month"],
  thisMonth: ["本月", "This month"],
  today: ["今天", "today"],
  none: ["本月没有事项", "Nothing dated this month"],
  badMonth: ["月份必须写成 YYYY-MM，例如 2026-12", "The month must be written YYYY-MM, e.g. 2026-12"],
  weekdays: [
    ["星期一", "Monday"],
    ["星期二", "Tuesday"],
    ["星期三", "Wednesday"],
    ["星期四", "Thursday"],
    ["星期五", "Friday"],
    ["星期六", "Saturday"],
    ["星期日", "Sunday"],
  ],
} as const;
const MONTHS_EN = "January February March April May June July August September October November December".split(" ");
const monthLabel = (lang: Lang, month: string) => {
  const [y, m] = month.split("-").map(Number);
  return lang === "en" ? `${MONTHS_EN[m - 1]} ${y}` : `${y}年${m}月`;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const today = shanghaiDay(new Date());
  const asked = new URL(request.url).searchParams.get("month");
  if (asked !== null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(asked))
    throw json({ code: "BAD_INPUT", zh: WORDS.badMonth[0], en: WORDS.badMonth[1] }, { status: 400 });
  const month = asked ?? today.slice(0, 7);
  const [year, m] = month.split("-").map(Number);
  const from = `${month}-01`;
  const to = `${month}-${String(daysInMonth(year, m)).padStart(2, "0")}`;
  const d = await gqlOrThrow(request, QUERY, { from, to });
  return json({
    month,
    today,
    signedIn: !!d.me,
    previous: addMonths(from, -1).slice(0, 7),
    next: addMonths(from, 1).slice(0, 7),
    entries: d.calendar,
  });
}

/** The month as weeks of seven days, Monday first; null where a week runs into the month before or after. */
function weeks(month: string): (string | null)[][] {
  const [year, m] = month.split("-").map(Number);
  const lead = (new Date(Date.UTC(year, m - 1, 1)).getUTCDay() + 6) % 7;
  const days: (string | null)[] = Array<null>(lead).fill(null);
  for (let d = 1; d <= daysInMonth(year, m); d++) days.push(`${month}-${String(d).padStart(2, "0")}`);
  while (days.length % 7) days.push(null);
  return Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7));
}

export default function Calendar() {
  const { month, today, signedIn, previous, next, entries } = useLoaderData<typeof loader>();
  const t = useT();
  const w = (pair: readonly [string, string]) => pick(t.lang, pair);
  const byDay = new Map<string, typeof entries>();
  for (const e of entries) byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);
  return (
    <div>
      <PageHeader title={w(WORDS.title)} lead={w(signedIn ? WORDS.lead : WORDS.leadPublic)} />
      <nav className="calendar-nav" aria-label={w(WORDS.title)}>
        <Link to={`/calendar?month=${previous}`} rel="prev">
          ← {w(WORDS.previous)}（{monthLabel(t.lang, previous)}）
        </Link>
        <Link to={`/calendar?month=${today.slice(0, 7)}`}>{w(WORDS.thisMonth)}</Link>
        <Link to={`/calendar?month=${next}`} rel="next">
          {w(WORDS.next)}（{monthLabel(t.lang, next)}）→
        </Link>
      </nav>
      <table className="calendar-grid">
        <caption>{monthLabel(t.lang, month)}</caption>
        <thead>
          <tr>
            {WORDS.weekdays.map((day) => (
              <th key={day[1]} scope="col" abbr={w(day)}>
                {w(day).replace("星期", "")}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks(month).map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((day, i) =>
                day ? (
                  <td key={day} className={day === today ? "is-today" : undefined}>
                    <span className="calendar-day" aria-current={day === today ? "date" : undefined}>
                      {Number(day.slice(8))}
                      {day === today ? <span className="calendar-today">{w(WORDS.today)}</span> : null}
                    </span>
                    {byDay.has(day) ? (
                      <ul>
                        {byDay.get(day)!.map((e) => (
                          <li key={e.uid} className={`calendar-entry calendar-${e.kind.toLowerCase()}`}>
                            <Link to={e.path}>{t.lang === "en" ? e.title.en : e.title.zh}</Link>
                            {e.lightWords ? (
                              <>
                                {" "}
                                <span className="calendar-light" data-light={e.light}>
                                  {t.lang === "en" ? `(${e.lightWords.en})` : `（${e.lightWords.zh}）`}
                                </span>
                              </>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                ) : (
                  <td key={`blank-${i}`} className="is-blank" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 ? <p className="muted">{w(WORDS.none)}</p> : null}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
