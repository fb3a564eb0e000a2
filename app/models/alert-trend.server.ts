// Month-by-month alert counts (Asia/Shanghai months) for the dashboard's linkage trend: raised, and closed since.
import { dialectOf, type Db, type Dialect } from "../utils/db.server";
import { queryRows, shanghaiMonthOf } from "../utils/sql.server";

export const alertTrendSql = (dialect: Dialect) => `
  SELECT ${shanghaiMonthOf(dialect, '"occurredAt"')} AS "month",
         COUNT(*) AS "raised",
         SUM(CASE WHEN "status" = 'CLOSED' THEN 1 ELSE 0 END) AS "closed"
    FROM "Alert"
   WHERE "occurredAt" >= ? AND "occurredAt" < ?`;

export async function alertTrend(db: Db, from: Date, to: Date, areaCode?: string | null) {
  const params: unknown[] = [from, to];
  let sql = alertTrendSql(dialectOf(db));
  if (areaCode) {
    sql += ` AND "areaId" = (SELECT "id" FROM "Area" WHERE "code" = ?)`;
    params.push(areaCode);
  }
  sql += ` GROUP BY "month" ORDER BY "month"`;
  const rows = await queryRows<{ month: string; raised: bigint | number; closed: bigint | number }>(db, sql, ...params);
  return rows.map((r) => ({ month: r.month, raised: Number(r.raised), closed: Number(r.closed) }));
}
