// The workspace's data: what the running processes say waits for the signed-in user (their department, area, role or
// themself), as the processes mirrored it (WaitingItem), earliest deadline first, a page at a time and filtered in the
// URL (process, deadline range, overdue only); for the steering group also everything overdue, whoever owes it (its
// own pages, `o-after`/`o-before`, under the same process and deadline filters); for a department, the tasks it leads
// and supports.
import { redirect } from "@remix-run/node";
import { graphql, PAGE_INFO, type ResultOf } from "../../utils/graphql";
import { gql, gqlOrThrow } from "../../utils/graphql.server";
import { filtered, loadPage, readFilters, type ListFilters } from "../../utils/list-page.server";
import { PROCESS_KINDS, type ProcessKind } from "../../../workflows/processes";
import { keys } from "../../models/vocabulary";

const ME = /* @__PURE__ */ graphql(`
  query {
    me @_optional {
      name
      role
      department @_optional {
        code
        name
        nameEn
      }
      area @_optional {
        code
        name
        nameEn
      }
    }
  }
`);

const ITEM = `workflowId process path deadline @_optional overdue who text { zh en } title { zh en }
  signFor @_optional { workflowId finding @_optional signedAt @_optional }`;

const WAITING = /* @__PURE__ */ graphql(`
  query Waiting(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $everyone: Boolean
    $overdue: Boolean
    $process: ProcessKind
    $dueFrom: Date
    $dueTo: Date
  ) {
    waitingItems(
      first: $first
      after: $after
      last: $last
      before: $before
      everyone: $everyone
      overdue: $overdue
      process: $process
      dueFrom: $dueFrom
      dueTo: $dueTo
    ) {
      totalCount
      startIndex
      pageInfo { ...PageInfoFields }
      edges { node { ${ITEM} } }
    }
  }
  ${PAGE_INFO}
`);

const TASKS = /* @__PURE__ */ graphql(`
  query WorkspaceTasks($dept: String) {
    lead: tasks(first: 100, departmentCode: $dept, role: LEAD) {
      edges {
        node {
          code
          title
          titleEn
          status
        }
      }
    }
    support: tasks(first: 100, departmentCode: $dept, role: SUPPORT) {
      edges {
        node {
          code
          title
          titleEn
          status
        }
      }
    }
  }
`);

type Waiting = ResultOf<typeof WAITING>["waitingItems"];
export type Item = Waiting["edges"][number]["node"];
export const PAGE_SIZE = 20;

const list = (c: Waiting) => {
  const items = c.edges.map((e) => e.node);
  return { items, page: { pageInfo: c.pageInfo, total: c.totalCount, start: c.startIndex, count: items.length } };
};

export async function loadWorkspace(request: Request) {
  const { me } = await gqlOrThrow(request, ME);
  if (!me) throw redirect("/login?redirectTo=/workspace");
  const url = new URL(request.url);
  const read = readFilters(url, { process: keys(PROCESS_KINDS) });
  const dept = me.role === "DEPARTMENT_MEMBER" ? (me.department?.code ?? null) : null;
  const vars = (f: ListFilters) => ({
    process: f.process as ProcessKind | null,
    dueFrom: f.dueFrom,
    dueTo: f.dueTo,
  });
  const [mine, tasks] = await Promise.all([
    loadPage(url, PAGE_SIZE, read.filters, read.notices, (f, page) =>
      gql(request, WAITING, { ...page, ...vars(f), overdue: f.overdue }),
    ),
    dept ? gqlOrThrow(request, TASKS, { dept }) : null,
  ]);
  // Everything overdue (the steering group's), under the filters the first list kept, paged apart from it.
  const overdue =
    me.role === "STEERING_GROUP"
      ? await loadPage(
          url,
          PAGE_SIZE,
          mine.filters,
          [],
          (f, page) => gql(request, WAITING, { ...page, ...vars(f), everyone: true, overdue: true }),
          "o-",
        )
      : null;
  return {
    me,
    filters: mine.filters,
    filtered: filtered(mine.filters),
    notices: [...mine.notices, ...(overdue?.notices ?? [])],
    mine: list(mine.data.waitingItems),
    overdue: overdue ? list(overdue.data.waitingItems) : null,
    leadTasks: tasks?.lead.edges.map((e) => e.node) ?? [],
    supportTasks: tasks?.support.edges.map((e) => e.node) ?? [],
  };
}
