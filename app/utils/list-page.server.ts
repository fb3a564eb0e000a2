// What the paged lists (/reports, /inspections, /work-plans, /linkage, the workspace) share on the server: their
// filters read from the URL's query string and checked before they reach the API, and a page that never fails on
// what the URL says. A filter value that is not one (a status not in the list, a date that is no day, a range that
// ends before it starts) is left out with a bilingual notice; a cursor the API refuses (garbage, or naming a row no
// longer in the list) shows the first page with the API's own bilingual message. Nothing in the URL can reach the
// error page: the list shows, with what was set aside said above it.
import type { UiError } from "../components/ui";
import { pageArgs } from "../components/ui";
import { errorResponse, type GqlResult } from "./graphql.server";

export interface ListFilters {
  departmentCode: string | null;
  taskCode: string | null;
  areaCode: string | null;
  process: string | null;
  status: string | null;
  dueFrom: string | null;
  dueTo: string | null;
  overdue: true | null;
}

export const NO_FILTERS: ListFilters = {
  departmentCode: null,
  taskCode: null,
  areaCode: null,
  process: null,
  status: null,
  dueFrom: null,
  dueTo: null,
  overdue: null,
};

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const LABELS: Record<string, [string, string]> = {
  status: ["状态", "status"],
  process: ["流程", "process"],
  dueFrom: ["截止日期自", "deadline from"],
  dueTo: ["截止日期至", "deadline to"],
};

const ignored = (key: string, value: string): UiError => ({
  code: "BAD_INPUT",
  zh: `筛选条件“${LABELS[key][0]}”的值“${value}”无效，已忽略`,
  en: `The ${LABELS[key][1]} filter "${value}" is not valid and was ignored`,
});

/**
 * The filters in the URL: codes as given (an unknown code matches nothing), a status or process only from `choices`,
 * days only when they are days, overdue when the box was ticked. What is not valid is dropped and said in `notices`.
 */
export function readFilters(
  url: URL,
  choices: { status?: readonly string[]; process?: readonly string[] } = {},
): { filters: ListFilters; notices: UiError[] } {
  const sp = url.searchParams;
  const notices: UiError[] = [];
  const text = (k: string) => sp.get(k)?.trim().slice(0, 100) || null;
  const among = (k: "status" | "process") => {
    const v = text(k);
    if (v === null) return null;
    if (choices[k]?.includes(v)) return v;
    notices.push(ignored(k, v));
    return null;
  };
  const day = (k: "dueFrom" | "dueTo") => {
    const v = text(k);
    if (v === null || isDay(v)) return v;
    notices.push(ignored(k, v));
    return null;
  };
  const filters: ListFilters = {
    departmentCode: text("departmentCode"),
    taskCode: text("taskCode"),
    areaCode: text("areaCode"),
    process: among("process"),
    status: among("status"),
    dueFrom: day("dueFrom"),
    dueTo: day("dueTo"),
    overdue: ["on", "true", "1"].includes(sp.get("overdue") ?? "") ? true : null,
  };
  if (filters.dueFrom && filters.dueTo && filters.dueFrom > filters.dueTo) {
    notices.push({
      code: "BAD_INPUT",
      zh: `截止日期范围无效：起始日期 ${filters.dueFrom} 晚于结束日期 ${filters.dueTo}，已忽略`,
      en: `Invalid deadline range: ${filters.dueFrom} is after ${filters.dueTo}; ignored`,
    });
    filters.dueFrom = null;
    filters.dueTo = null;
  }
  return { filters, notices };
}

/** Whether any filter is set (the empty state then says that nothing matches them). */
export const filtered = (f: ListFilters) => Object.values(f).some((v) => v !== null);

export type PageVars = ReturnType<typeof pageArgs>;

/**
 * One page of a list: `run` asks the API for it with these filters and page arguments. A refused cursor gives the
 * first page and the API's message; a refusal of anything else gives the first page without filters and the message.
 * Any other error (not signed in, forbidden, the API down) is thrown for the route's ErrorBoundary, as gqlOrThrow does.
 */
export async function loadPage<T>(
  url: URL,
  size: number,
  filters: ListFilters,
  notices: UiError[],
  run: (filters: ListFilters, page: PageVars) => Promise<GqlResult<T>>,
  prefix = "",
): Promise<{ data: T; filters: ListFilters; notices: UiError[] }> {
  const page = pageArgs(url, size, prefix);
  let r = await run(filters, page);
  // Only what the URL can get wrong is recovered from; signing in, a refusal or an outage is the error page's.
  if (!r.ok && r.error.code !== "BAD_INPUT") throw errorResponse(r.error);
  if (!r.ok && (page.after || page.before)) {
    notices.push(firstPage(r.error));
    r = await run(filters, { first: size });
  }
  if (!r.ok && filtered(filters)) {
    notices.push(firstPage(r.error));
    filters = NO_FILTERS;
    r = await run(filters, { first: size });
  }
  if (!r.ok) throw errorResponse(r.error);
  return { data: r.data, filters, notices };
}

export const firstPage = (e: UiError): UiError => ({
  code: e.code,
  zh: `${e.zh}（已显示第一页）`,
  en: `${e.en} (showing the first page)`,
});
