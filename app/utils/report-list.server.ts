// The reports page's list of every report the reader may read, a page at a time, with the filters people ask about
// (department, task, status, deadline range, overdue) read from the URL's query string, so they survive paging.
import { keys } from "../models/vocabulary";
import { REPORT_STATUSES } from "../../workflows/reporting/process";
import { graphql, PAGE_INFO } from "./graphql";
import { gql, gqlOrThrow } from "./graphql.server";
import { filtered, loadPage, readFilters } from "./list-page.server";

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
        ...PageInfoFields
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
  ${PAGE_INFO}
`);

export const PAGE_SIZE = 20;

export async function loadReportList(request: Request) {
  const url = new URL(request.url);
  // Filters as the URL gives them, a bad value set aside with a notice; a refused cursor gives the first page.
  const read = readFilters(url, { status: keys(REPORT_STATUSES) });
  const [choices, r] = await Promise.all([
    gqlOrThrow(request, CHOICES),
    loadPage(url, PAGE_SIZE, read.filters, read.notices, (f, page) =>
      gql(request, QUERY, {
        ...page,
        departmentCode: f.departmentCode,
        taskCode: f.taskCode,
        status: f.status as keyof typeof REPORT_STATUSES | null,
        dueFrom: f.dueFrom,
        dueTo: f.dueTo,
        overdue: f.overdue,
      }),
    ),
  ]);
  const list = r.data.progressReports;
  return {
    filters: r.filters,
    filtered: filtered(r.filters),
    notices: r.notices,
    departments: choices.departments ?? [],
    tasks: choices.tasks.edges.map((e) => e.node),
    reports: list.edges.map((e) => e.node),
    page: { pageInfo: list.pageInfo, total: list.totalCount, start: list.startIndex ?? 0 },
  };
}
