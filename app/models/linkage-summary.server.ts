// The public figures of the monitoring–enforcement loop (测管联动): cases opened, answered within the response
// deadline, response-time distribution, outcomes, month by month. Aggregates only; no case detail is public.
import type { Db } from "../utils/db.server";
import { sqliteTime } from "../utils/time";

const WHERE = `openedAt >= ? AND openedAt < ?`;
const AREA = ` AND areaId = (SELECT id FROM Area WHERE code = ?)`;

export const LINKAGE_TOTALS_SQL = `
  SELECT COUNT(*) AS opened,
         SUM(CASE WHEN status <> 'CLOSED' THEN 1 ELSE 0 END) AS open,
         SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END) AS closed,
         SUM(CASE WHEN respondedAt IS NOT NULL AND respondedAt <= responseDeadline THEN 1 ELSE 0 END) AS answeredInTime,
         SUM(CASE WHEN respondedAt IS NOT NULL AND respondedAt > responseDeadline THEN 1 ELSE 0 END) AS answeredLate,
         SUM(CASE WHEN respondedAt IS NULL AND responseDeadline < ? THEN 1 ELSE 0 END) AS unansweredPastDeadline,
         SUM(CASE WHEN respondedAt IS NULL AND responseDeadline >= ? THEN 1 ELSE 0 END) AS awaiting,
         SUM(CASE WHEN violationFound = 1 THEN 1 ELSE 0 END) AS violations,
         SUM(CASE WHEN violationFound = 0 THEN 1 ELSE 0 END) AS noViolation,
         SUM(CASE WHEN jointMonitoring = 1 THEN 1 ELSE 0 END) AS joint
    FROM LinkageCase WHERE ${WHERE}`;

const BUCKETS_SQL = `
  SELECT CASE WHEN respondedAt IS NULL THEN 'NONE'
              WHEN (julianday(respondedAt) - julianday(openedAt)) * 24 <= 2 THEN 'H2'
              WHEN (julianday(respondedAt) - julianday(openedAt)) * 24 <= 12 THEN 'H12'
              WHEN (julianday(respondedAt) - julianday(openedAt)) * 24 <= 24 THEN 'H24'
              WHEN (julianday(respondedAt) - julianday(openedAt)) * 24 <= 48 THEN 'H48'
              ELSE 'OVER48' END AS bucket,
         COUNT(*) AS count
    FROM LinkageCase WHERE ${WHERE}`;

const MONTHS_SQL = `
  SELECT strftime('%Y-%m', openedAt, '+8 hours') AS month, COUNT(*) AS opened,
         SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END) AS closed
    FROM LinkageCase WHERE ${WHERE}`;

export const RESPONSE_BUCKETS = ["H2", "H12", "H24", "H48", "OVER48", "NONE"] as const;

const n = (v: unknown) => Number(v ?? 0);

export async function linkageSummary(db: Db, from: Date, to: Date, areaCode?: string | null, now = new Date()) {
  const range = [sqliteTime(from), sqliteTime(to), ...(areaCode ? [areaCode] : [])];
  const area = areaCode ? AREA : "";
  const [[t], buckets, months] = await Promise.all([
    db.$queryRawUnsafe<Record<string, bigint | number | null>[]>(LINKAGE_TOTALS_SQL + area, sqliteTime(now), sqliteTime(now), ...range),
    db.$queryRawUnsafe<{ bucket: string; count: bigint | number }[]>(`${BUCKETS_SQL}${area} GROUP BY bucket`, ...range),
    db.$queryRawUnsafe<{ month: string; opened: bigint | number; closed: bigint | number }[]>(`${MONTHS_SQL}${area} GROUP BY month ORDER BY month`, ...range),
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
