// The search box: tasks, progress reports (their text, every submitted version and every contribution), stations,
// inspection findings and linkage cases, found by a phrase of their words in SearchIndex (kept in step by triggers:
// prisma/sql/search-index.sql on SQLite, FTS5 trigram; prisma/sql/postgresql/search-index.sql, pg_trgm). Only what
// the viewer may read is returned (read-policy.server.ts): the public finds tasks and stations.
import { AppError } from "../utils/errors";
import { dialectOf, type Db } from "../utils/db.server";
import type { Bilingual } from "../../workflows/common/process";
import { processOf } from "../../workflows/processes";
import { inspectionWhere, linkageWhere, reportWhere } from "./read-policy.server";
import type { Viewer } from "./viewer";
import { workflowTitles } from "./workflow-titles.server";

export type SearchKind = "TASK" | "REPORT" | "STATION" | "FINDING" | "LINKAGE";
export interface SearchHit {
  kind: SearchKind;
  title: Bilingual;
  path: string;
  /** The words around the first match, from the text that matched. */
  snippet: string;
}
export interface SearchResult {
  hits: SearchHit[];
  /** A query of 1–2 characters is too short for the trigram index: it is answered by a full scan (LIKE) instead. */
  fallback: boolean;
}

/** The shortest phrase the trigram index can answer; shorter ones are scanned. */
export const TRIGRAM = 3;
const MAX_QUERY = 100;
/** Index rows read per query before read rules; the page shows the best `limit` of what remains. */
const SCAN = 500;

interface Row {
  source: string;
  sourceId: number;
  body: string;
}

export function normalizeQuery(raw: string): string {
  const q = raw.replace(/\s+/g, " ").trim();
  if (!q) throw new AppError("BAD_INPUT", "请输入要查找的文字", "Type the words to search for");
  if ([...q].length > MAX_QUERY)
    throw new AppError(
      "BAD_INPUT",
      `查找的文字不能超过 ${MAX_QUERY} 个字符`,
      `The search may be at most ${MAX_QUERY} characters`,
    );
  return q;
}

async function indexRows(db: Db, q: string, fallback: boolean): Promise<Row[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  if (dialectOf(db) === "postgresql") {
    // The GIN trigram index answers ILIKE for 3+ characters; similarity() ranks the closest texts first.
    return db.$queryRawUnsafe<Row[]>(
      `SELECT "source", "sourceId", "body" FROM "SearchIndex" WHERE "body" ILIKE $1
        ORDER BY similarity("body", $2) DESC, "rowid" LIMIT ${SCAN}`,
      like,
      q,
    );
  }
  if (fallback)
    return db.$queryRawUnsafe<Row[]>(
      `SELECT "source", "sourceId", "body" FROM "SearchIndex" WHERE "body" LIKE ? ESCAPE '\\' ORDER BY "rowid" LIMIT ${SCAN}`,
      like,
    );
  // The whole query as one FTS5 phrase (its double quotes doubled), so no word of it is read as an operator.
  return db.$queryRawUnsafe<Row[]>(
    `SELECT "source", "sourceId", "body" FROM "SearchIndex" WHERE "SearchIndex" MATCH ? ORDER BY rank LIMIT ${SCAN}`,
    `"${q.replace(/"/g, '""')}"`,
  );
}

/** About 60 characters around the first match, case-insensitively. */
export function snippetOf(body: string, q: string): string {
  const text = body.replace(/\s+/g, " ").trim();
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return text.slice(0, 60);
  const start = Math.max(0, at - 24);
  const end = Math.min(text.length, at + q.length + 36);
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}

const ids = (rows: Row[], ...sources: string[]) => [
  ...new Set(rows.filter((r) => sources.includes(r.source)).map((r) => Number(r.sourceId))),
];

export async function search(db: Db, viewer: Viewer | null, raw: string, limit = 50): Promise<SearchResult> {
  const q = normalizeQuery(raw);
  const fallback = [...q].length < TRIGRAM;
  const rows = await indexRows(db, q, fallback);
  // Versions and contributions are found as the report they belong to.
  const [versions, contributions] = await Promise.all([
    db.reportVersion.findMany({
      where: { id: { in: ids(rows, "ReportVersion") } },
      select: { id: true, reportId: true },
    }),
    db.reportContribution.findMany({
      where: { id: { in: ids(rows, "ReportContribution") } },
      select: { id: true, reportId: true },
    }),
  ]);
  const reportOf = new Map<string, number>([
    ...versions.map((v) => [`ReportVersion:${v.id}`, v.reportId] as const),
    ...contributions.map((c) => [`ReportContribution:${c.id}`, c.reportId] as const),
  ]);
  const reportIds = [...new Set([...ids(rows, "ProgressReport"), ...reportOf.values()])];
  const [tasks, stations, reports, findings, cases] = await Promise.all([
    db.task.findMany({
      where: { id: { in: ids(rows, "Task") } },
      select: { id: true, code: true, title: true, titleEn: true },
    }),
    db.station.findMany({ where: { id: { in: ids(rows, "Station") } }, select: { id: true, code: true, name: true } }),
    db.progressReport.findMany({
      where: { AND: [{ id: { in: reportIds } }, reportWhere(viewer)] },
      select: { id: true, workflowId: true },
    }),
    db.inspectionFinding.findMany({
      where: { id: { in: ids(rows, "InspectionFinding") }, inspection: inspectionWhere(viewer) },
      select: { id: true, ordinal: true, inspection: { select: { workflowId: true } } },
    }),
    linkageWhere(db, viewer).then((where) =>
      db.linkageCase.findMany({
        where: { AND: [{ id: { in: ids(rows, "LinkageCase") } }, where] },
        select: { id: true, workflowId: true },
      }),
    ),
  ]);
  const titles = await workflowTitles(db, [
    ...reports.map((r) => r.workflowId),
    ...findings.map((f) => f.inspection.workflowId),
    ...cases.map((c) => c.workflowId),
  ]);
  const byWorkflow = (kind: SearchKind, workflowId: string, suffix?: Bilingual) => {
    const title = titles.get(workflowId) ?? { zh: "", en: "" };
    return {
      kind,
      title: suffix ? { zh: `${title.zh} · ${suffix.zh}`, en: `${title.en} · ${suffix.en}` } : title,
      path: processOf(workflowId)?.path(workflowId) ?? "/",
    };
  };
  const found = new Map<string, Omit<SearchHit, "snippet">>([
    ...tasks.map((t) => [
      `Task:${t.id}`,
      {
        kind: "TASK" as const,
        title: { zh: `${t.code} ${t.title}`, en: `${t.code} ${t.titleEn}` },
        path: `/tasks/${t.code}`,
      },
    ]),
    ...stations.map((s) => [
      `Station:${s.id}`,
      { kind: "STATION" as const, title: { zh: s.name, en: s.name }, path: `/stations/${encodeURIComponent(s.code)}` },
    ]),
    ...reports.map((r) => [`ProgressReport:${r.id}`, byWorkflow("REPORT", r.workflowId)]),
    ...findings.map((f) => [
      `InspectionFinding:${f.id}`,
      byWorkflow("FINDING", f.inspection.workflowId, { zh: `问题 ${f.ordinal}`, en: `finding ${f.ordinal}` }),
    ]),
    ...cases.map((c) => [`LinkageCase:${c.id}`, byWorkflow("LINKAGE", c.workflowId)]),
  ] as [string, Omit<SearchHit, "snippet">][]);
  // In the index's order (best first), one hit per record: a report found by several versions shows once.
  const hits = new Map<string, SearchHit>();
  for (const row of rows) {
    const key = `${row.source}:${row.sourceId}`;
    const reportId = reportOf.get(key);
    const hit = found.get(reportId !== undefined ? `ProgressReport:${reportId}` : key);
    if (hit && !hits.has(hit.path + hit.title.zh))
      hits.set(hit.path + hit.title.zh, { ...hit, snippet: snippetOf(row.body, q) });
    if (hits.size >= limit) break;
  }
  return { hits: [...hits.values()], fallback };
}
