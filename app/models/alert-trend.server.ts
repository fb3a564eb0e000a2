// Month-by-month alert counts (Asia/Shanghai months) for the dashboard's linkage trend: raised, and closed since.
import type { Db } from "../utils/db.server";
import { sqliteTime } from "../utils/time";

export const ALERT_TREND_SQL = `
  SELECT strftime('%Y-%m', occurredAt, '+8 hours') AS month,
         COUNT(*) AS raised,
         SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END) AS closed
    FROM Alert
   WHERE occurredAt >= ? AND occurredAt < ?`;

export async function alertTrend(db: Db, from: Date, to: Date, areaCode?: string | null) {
  const params: unknown[] = [sqliteTime(from), sqliteTime(to)];
  let sql = ALERT_TREND_SQL;
  if (areaCode) {
    sql += " AND areaId = (SELECT id FROM Area WHERE code = ?)";
    params.push(areaCode);
  }
  sql += " GROUP BY month ORDER BY month";
  const rows = await db.$queryRawUnsafe<{ month: string; raised: bigint | number; closed: bigint | number }[]>(sql, ...params);
  return rows.map((r) => ({ month: r.month, raised: Number(r.raised), closed: Number(r.closed) }));
}
