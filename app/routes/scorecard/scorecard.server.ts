// 考评's figures for the page, the CSV and the documents, read through the API (the steering group's): one query, one
// set of words.
import { graphql } from "../../utils/graphql";
import { gqlOrThrow } from "../../utils/graphql.server";
import { shanghaiYear } from "../../utils/time";

const QUERY = /* @__PURE__ */ graphql(`
  query Scorecard($year: Int!) {
    plan {
      title
    }
    departmentScorecard(year: $year) {
      department {
        zh
        en
      }
      departmentCode
      reportsDue
      reportsOnTime
      onTimeRate @_optional
      returns
      daysOverdue
      rectificationsDue
      rectificationsClosedInTime
    }
  }
`);

/** The year asked for (?year=), else this year in Daqing. */
export function yearOf(request: Request): number {
  const asked = Number(new URL(request.url).searchParams.get("year"));
  return Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : shanghaiYear(new Date());
}

/** A year's figures; the year is the one asked for (?year=) unless given. */
export async function loadScorecard(request: Request, year = yearOf(request)) {
  const d = await gqlOrThrow(request, QUERY, { year });
  return { year, planTitle: d.plan?.title ?? "", rows: d.departmentScorecard };
}
