// The public figures of the monitoring–enforcement loop (测管联动): cases opened, answered within the response
// deadline, response-time distribution, outcomes, month by month. Aggregates only; no case detail is public.
import { dialectOf, type Db, type Dialect } from "../utils/db.server";
import { hoursBetween, queryRows, shanghaiMonthOf } from "../utils/sql.server";

const WHERE = `"openedAt" >= ? AND "openedAt" < ?`;
const AREA = ` AND "areaId" = (SELECT "id" FROM "Area" WHERE "code" = ?)`;

export const LINKAGE_TOTALS_SQL = `
  SELECT COUNT(*) AS "opened",
         SUM(CASE WHEN "status" <> 'CLOSED' THEN 1 ELSE 0 END) AS "open",
         SUM(CASE WHEN "status" = 'CLOSED' THEN 1 ELSE 0 END) AS "closed",
         SUM(CASE WHEN "respondedAt" IS NOT NULL AND "respondedAt" <= "responseDeadline" THEN 1 ELSE 0 END) AS "answeredInTime",
         SUM(CASE WHEN "respondedAt" IS NOT NULL AND "respondedAt" > "responseDeadline" THEN 1 ELSE 0 END) AS "answeredLate",
         SUM(CASE WHEN "respondedAt" IS NULL AND "responseDeadline" < ? THEN 1 ELSE 0 END) AS "unansweredPastDeadline",
         SUM(CASE WHEN "respondedAt" IS NULL AND "responseDeadline" >= ? THEN 1 ELSE 0 END) AS "awaiting",
         SUM(CASE WHEN "violationFound" = TRUE THEN 1 ELSE 0 END) AS "violations",
         SUM(CASE WHEN "violationFound" = FALSE THEN 1 ELSE 0 END) AS "noViolation",
         SUM(CASE WHEN "jointMonitoring" = TRUE THEN 1 ELSE 0 END) AS "joint"
    FROM "LinkageCase" WHERE ${WHERE}`;

const bucketsSql = (dialect: Dialect) => {
  const hours = hoursBetween(dialect, '"openedAt"', '"respondedAt"');
  return `
  SELECT CASE WHEN "respondedAt" IS NULL THEN 'NONE'
              WHEN ${hours} <= 2 THEN 'H2'
              WHEN ${hours} <= 12 THEN 'H12'
              WHEN ${hours} <= 24 THEN 'H24'
              WHEN ${hours} <= 48 THEN 'H48'
              ELSE 'OVER48' END AS "bucket",
         COUNT(*) AS "count"
    FROM "LinkageCase" WHERE ${WHERE}`;
};

const monthsSql = (dialect: Dialect) => `
  SELECT ${shanghaiMonthOf(dialect, '"openedAt"')} AS "month", COUNT(*) AS "opened",
         SUM(CASE WHEN "status" = 'CLOSED' THEN 1 ELSE 0 END) AS "closed"
    FROM "LinkageCase" WHERE ${WHERE}`;

export const RESPONSE_BUCKETS = ["H2", "H12", "H24", "H48", "OVER48", "NONE"] as const;

const n = (v: unknown) => Number(v ?? 0);

export async function linkageSummary(db: Db, from: Date, to: Date, areaCode?: string | null, now = new Date()) {
  const dialect = dialectOf(db);
  const range = [from, to, ...(areaCode ? [areaCode] : [])];
  const area = areaCode ? AREA : "";
  const [[t], buckets, months] = await Promise.all([
    queryRows<Record<string, bigint | number | null>>(db, LINKAGE_TOTALS_SQL + area, now, now, ...range),
    queryRows<{ bucket: string; count: bigint | number }>(
      db,
      `${bucketsSql(dialect)}${area} GROUP BY "bucket"`,
      ...range,
    ),
    queryRows<{ month: string; opened: bigint | number; closed: bigint | number }>(
      db,
      `${monthsSql(dialect)}${area} GROUP BY "month" ORDER BY "month"`,
      ...range,
    ),
  ]);
  const due = n(t.answeredInTime) + n(t.answeredLate) + n(t.unansweredPastDeadline);
  return {
    opened: n(t.opened),
    open: n(t.open),
    closed: n(t.closed),
    answeredInTime: n(t.answeredInTime),
    answeredLate: n(t.answeredLate),
    unansweredPastDeadline: n(t.unansweredPastDeadline),
    awaiting: n(t.awaiting),
    onTimeShare: due ? Math.round((n(t.answeredInTime) / due) * 1000) / 10 : null,
    violations: n(t.violations),
    noViolation: n(t.noViolation),
    joint: n(t.joint),
    responseTimes: RESPONSE_BUCKETS.map((b) => ({ bucket: b, count: n(buckets.find((x) => x.bucket === b)?.count) })),
    months: months.map((m) => ({ month: m.month, opened: n(m.opened), closed: n(m.closed) })),
  };
}
