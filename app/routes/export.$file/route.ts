// /export/<table>.csv: every table of the pages as CSV (a resource route; the API decides what the caller may read).
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "../../utils/csv.server";
import { TABLES } from "./tables.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const m = /^([a-z-]+)\.csv$/.exec(params.file ?? "");
  const table = m ? TABLES[m[1]] : undefined;
  if (!m || !table)
    throw json({ zh: `没有这个导出：${params.file}`, en: `No such export: ${params.file}` }, { status: 404 });
  const { header, rows } = await table(request);
  return csvResponse(`${m[1]}.csv`, header, rows);
}
