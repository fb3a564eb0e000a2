// Monitoring alerts (超标, 设备离线, 疑似数据造假, 数据异常): recorded against a station; the monitoring–enforcement
// linkage (测管联动) opens cases from them. Recording with the same idempotency key twice returns the first alert.
import type { Db } from "../utils/db.server";
import { AppError, notFound } from "../utils/errors";
import {
  badInput,
  dateTime,
  label,
  msg,
  optionalText,
  parseInput,
  PLAN_FIRST_DAY,
  token,
  z,
} from "../utils/validation";
import { recordAudit } from "./audit.server";
import { requireDepartmentWriter, requireViewer, type Viewer } from "./viewer";
import { ALERT_KINDS, ALERT_STATUSES, keys, SEVERITIES } from "./vocabulary";
import { shanghaiDay, startOfShanghaiDay } from "../utils/time";
import { queryRows } from "../utils/sql.server";

export const recordAlertSchema = z.object({
  stationCode: z.string().max(40),
  kind: z.enum(keys(ALERT_KINDS), msg("未知的报警类型", "unknown alert kind")),
  severity: z.enum(keys(SEVERITIES), msg("未知的严重程度", "unknown severity")).default("MEDIUM"),
  pollutant: optionalText(40),
  measuredValue: z.number().finite().nullish(),
  limitValue: z.number().finite().positive(msg("必须为正数", "must be positive")).nullish(),
  occurredAt: dateTime,
  note: optionalText(1000, { multiline: true }),
  idempotencyKey: token(8, 100).nullish(),
});
const alertLabels = {
  stationCode: label("站点", "station"),
  kind: label("报警类型", "alert kind"),
  severity: label("严重程度", "severity"),
  pollutant: label("污染物", "pollutant"),
  measuredValue: label("监测值", "measured value"),
  limitValue: label("限值", "limit"),
  occurredAt: label("报警时间", "alert time"),
  note: label("备注", "note"),
  idempotencyKey: label("重复提交标识", "resubmission key"),
};

export async function recordAlert(db: Db, viewer: Viewer | null, input: unknown, now = new Date()) {
  const v = requireViewer(viewer);
  const data = parseInput(recordAlertSchema, input, alertLabels);
  // Monitoring this plan tracks began with it (2018); a few minutes ahead of our clock is a device's clock skew.
  if (data.occurredAt.getTime() > now.getTime() + 5 * 60_000)
    throw new AppError("BAD_INPUT", "报警时间不能晚于当前时间", "An alert cannot occur in the future");
  if (data.occurredAt < startOfShanghaiDay(PLAN_FIRST_DAY))
    throw badInput([
      {
        field: "occurredAt",
        label: alertLabels.occurredAt,
        zh: `应在${PLAN_FIRST_DAY}（方案印发之年）至当前时间之间`,
        en: `must be between ${PLAN_FIRST_DAY} (the year the plan was issued) and now`,
      },
    ]);
  if (data.kind === "EXCEEDANCE" && (data.measuredValue == null || data.limitValue == null))
    throw new AppError(
      "BAD_INPUT",
      "超标报警须填写监测值和限值",
      "An exceedance needs the measured value and the limit",
    );
  return db.$transaction(async (tx) => {
    if (data.idempotencyKey) {
      const existing = await tx.alert.findUnique({ where: { idempotencyKey: data.idempotencyKey } });
      if (existing) return existing;
    }
    const station = await tx.station.findUnique({ where: { code: data.stationCode } });
    if (!station) throw notFound("站点", "Station", data.stationCode);
    if (v.role !== "STEERING_GROUP") {
      if (station.operatorDepartmentId === null)
        throw new AppError(
          "FORBIDDEN",
          "仅专项小组可为无运营部门的站点记录报警",
          "Only the steering group may record alerts for a station with no operator",
        );
      requireDepartmentWriter(v, station.operatorDepartmentId);
    }
    if (station.status === "RETIRED" || station.status === "PLANNED")
      throw new AppError(
        "INVALID_STATE",
        "站点未在运行，不能记录报警",
        "The station is not in operation; no alert can be recorded",
      );
    if (station.commissionedOn && data.occurredAt < station.commissionedOn) {
      const since = shanghaiDay(station.commissionedOn);
      throw badInput([
        {
          field: "occurredAt",
          label: alertLabels.occurredAt,
          zh: `不能早于站点投运日期（${since}）`,
          en: `cannot precede the station's commissioning (${since})`,
        },
      ]);
    }
    const alert = await tx.alert.create({
      data: {
        stationId: station.id,
        areaId: station.areaId,
        element: station.element,
        kind: data.kind,
        severity: data.severity,
        pollutant: data.pollutant ?? null,
        measuredValue: data.measuredValue ?? null,
        limitValue: data.limitValue ?? null,
        occurredAt: data.occurredAt,
        note: data.note ?? null,
        recordedById: v.id,
        idempotencyKey: data.idempotencyKey ?? null,
      },
    });
    await recordAudit(tx, v, {
      entityType: "Alert",
      entityId: String(alert.id),
      action: "RECORD",
      changes: { ...data, stationCode: station.code },
      departmentId: station.operatorDepartmentId,
    });
    return alert;
  });
}

const quoted = (values: string[]) => values.map((v) => `'${v}'`).join(", ");

/**
 * The raw aggregation behind the alert summary; also what the benchmark's SQL floor runs. Naming every kind and status
 * (closed vocabularies) lets SQLite seek one range of Alert(kind, status, occurredAt) per pair, in GROUP BY order,
 * instead of sorting every alert in the window (docs/decisions/006-coverage-read-path.md).
 */
export const ALERT_SUMMARY_SQL = `
  SELECT "kind", "status", COUNT(*) AS "count"
    FROM "Alert"
   WHERE "kind" IN (${quoted(Object.keys(ALERT_KINDS))})
     AND "status" IN (${quoted(Object.keys(ALERT_STATUSES))})
     AND "occurredAt" >= ? AND "occurredAt" < ?
   GROUP BY "kind", "status"`;

export async function alertSummary(db: Db, from: Date, to: Date) {
  const rows = await queryRows<{ kind: string; status: string; count: bigint | number }>(
    db,
    ALERT_SUMMARY_SQL,
    from,
    to,
  );
  return rows.map((r) => ({ kind: r.kind, status: r.status, count: Number(r.count) }));
}
