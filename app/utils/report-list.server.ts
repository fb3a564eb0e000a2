// The reports page's list of every report the reader may read, a page at a time, with the filters people ask about
// (department, task, status, deadline range, overdue) read from the URL's query string, so they survive paging.
import { pageArgs } from "../components/ui";
import { keys, oneOf } from "../models/vocabulary";
import { REPORT_STATUSES } from "../../workflows/reporting/process";
import { graphql } from "./graphql";
import { gql, gqlOrThrow } from "./graphql.server";

// The filters' choices apart from the list: a malformed date in the URL fails the list's query, not the form.
const CHOICES = /* @__PURE__ */ graphql(`
  query ReportListChoices {
    departments {
      code
      name
      nameEn
    }
    tasks(first: 200) {
      edges {
        node {
          code
          title
          titleEn
        }
      }
    }
  }
`);

const QUERY = /* @__PURE__ */ graphql(`
  query ReportList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $departmentCode: String
    $taskCode: String
    $status: ReportStatus
    $dueFrom: Date
    $dueTo: Date
    $overdue: Boolean
  ) {
    progressReports(
      first: $first
      after: $after
      last: $last
      before: $before
      departmentCode: $departmentCode
      taskCode: $taskCode
      status: $status
      dueFrom: $dueFrom
      dueTo: $dueTo
      overdue: $overdue
    ) {
      totalCount
      startIndex
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          workflowId
          status
          overdue
          late
          title {
            zh
            en
          }
          cycle {
            dueDate
          }
        }
      }
    }
  }
`);

export const PAGE_SIZE = 20;

export async function loadReportList(request: Request) {
  const url = new URL(request.url);
  const sp = url.searchParams;
  const filters = {
    departmentCode: sp.get("departmentCode") || null,
    taskCode: sp.get("taskCode") || null,
    status: oneOf(sp.get("status"), keys(REPORT_STATUSES)),
    // Dates go to the API as typed: it refuses a malformed one or a reversed range with its bilingual message.
    dueFrom: sp.get("dueFrom") || null,
    dueTo: sp.get("dueTo") || null,
    overdue: sp.get("overdue") === "on" ? true : null,
  };
  const [choices, r] = await Promise.all([
    gqlOrThrow(request, CHOICES),
    gql(request, QUERY, { ...filters, ...pageArgs(url, PAGE_SIZE) }),
  ]);
  const list = r.ok ? r.data.progressReports : null;
  return {
    filters,
    error: r.ok ? null : r.error,
    departments: choices.departments ?? [],
    tasks: choices.tasks.edges.map((e) => e.node),
    reports: list?.edges.map((e) => e.node) ?? [],
    page: list ? { pageInfo: list.pageInfo, total: list.totalCount, start: list.startIndex ?? 0 } : null,
  };
}
