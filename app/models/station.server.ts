// The station registry: add, change and retire stations. The steering group may write any station; a department
// member only stations their own department operates.
import type { Db } from "../utils/db.server";
import { AppError, notFound } from "../utils/errors";
import { addDays, shanghaiDay } from "../utils/time";
import {
  badInput,
  dayWithin,
  isoDate,
  msg,
  optionalText,
  label,
  parseInput,
  requirePlausible,
  text,
  unchanged,
  z,
} from "../utils/validation";
import { changedFields, recordAudit } from "./audit.server";
import { requireDepartmentWriter, requireViewer, type Viewer } from "./viewer";
import { ELEMENTS, keys, STATION_MODES } from "./vocabulary";

const code = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/,
    msg("须为2–40位字母、数字、点、横线或下划线", "must be 2–40 letters, digits, '.', '-' or '_'"),
  );

const coordinates = {
  latitude: z
    .number()
    .min(-90, msg("应在-90至90之间", "must be between -90 and 90"))
    .max(90, msg("应在-90至90之间", "must be between -90 and 90"))
    .nullish(),
  longitude: z
    .number()
    .min(-180, msg("应在-180至180之间", "must be between -180 and 180"))
    .max(180, msg("应在-180至180之间", "must be between -180 and 180"))
    .nullish(),
};

export const addStationSchema = z.object({
  code,
  name: text(100),
  element: z.enum(keys(ELEMENTS), msg("未知的监测要素", "unknown element")),
  areaCode: z.string().max(20),
  mode: z.enum(keys(STATION_MODES), msg("未知的监测方式", "unknown mode")),
  operatorDepartmentCode: z.string().max(64).nullish(),
  status: z.enum(["PLANNED", "ACTIVE"], msg("只能是规划中或运行", "must be planned or in operation")).default("ACTIVE"),
  commissionedOn: isoDate.nullish(),
  ...coordinates,
});

export const updateStationSchema = z.object({
  code,
  name: text(100).optional(),
  mode: z.enum(keys(STATION_MODES)).optional(),
  status: z
    .enum(
      ["PLANNED", "ACTIVE", "SUSPENDED"],
      msg(
        "只能是规划中、运行或暂停（撤销站点另有表单）",
        "must be planned, in operation or suspended (a station is retired with its own form)",
      ),
    )
    .optional(),
  commissionedOn: isoDate.nullish(),
  ...coordinates,
});

export const retireStationSchema = z.object({
  code,
  retiredOn: isoDate,
  reason: optionalText(500, { multiline: true }),
});

const stationLabels = {
  code: label("站点编码", "station code"),
  name: label("站点名称", "station name"),
  element: label("监测要素", "element"),
  areaCode: label("县区", "area"),
  mode: label("监测方式", "mode"),
  operatorDepartmentCode: label("运营部门", "operating department"),
  status: label("状态", "status"),
  commissionedOn: label("投运日期", "commissioning date"),
  latitude: label("纬度", "latitude"),
  longitude: label("经度", "longitude"),
  retiredOn: label("撤销日期", "retirement date"),
  reason: label("原因", "reason"),
};

/** No monitoring station here predates the city itself (the oil field was found in 1959, the city founded in 1960). */
const EARLIEST_COMMISSIONING = "1960-01-01";

/** Commissioned in the past; a planned station may name a date up to five years ahead. */
function commissioningProblem(commissionedOn: Date | null | undefined, status: string, now: Date) {
  const today = shanghaiDay(now);
  const latest = status === "PLANNED" ? addDays(today, 5 * 365) : today;
  return dayWithin(
    "commissionedOn",
    commissionedOn ? shanghaiDay(commissionedOn) : null,
    EARLIEST_COMMISSIONING,
    latest,
    ["投运日期", "the commissioning date"],
  );
}

async function resolveDepartmentId(
  db: Db,
  viewer: Viewer,
  departmentCode: string | null | undefined,
): Promise<number | null> {
  if (!departmentCode) return viewer.role === "DEPARTMENT_MEMBER" ? viewer.departmentId : null;
  const dept = await db.department.findUnique({ where: { code: departmentCode }, select: { id: true } });
  if (!dept) throw notFound("部门", "Department", departmentCode);
  return dept.id;
}

function requireStationWriter(viewer: Viewer | null, operatorDepartmentId: number | null): Viewer {
  const v = requireViewer(viewer);
  if (v.role === "STEERING_GROUP") return v;
  if (operatorDepartmentId === null)
    throw new AppError(
      "FORBIDDEN",
      "该站点未指定运营部门，仅专项小组可修改",
      "Only the steering group may change a station with no operating department",
    );
  return requireDepartmentWriter(v, operatorDepartmentId);
}

export async function addStation(db: Db, viewer: Viewer | null, input: unknown, now = new Date()) {
  const v = requireViewer(viewer);
  const data = parseInput(addStationSchema, input, stationLabels);
  requirePlausible([commissioningProblem(data.commissionedOn, data.status, now)]);
  const area = await db.area.findUnique({ where: { code: data.areaCode }, select: { id: true } });
  if (!area) throw notFound("行政区", "Area", data.areaCode);
  const operatorDepartmentId = await resolveDepartmentId(db, v, data.operatorDepartmentCode);
  requireStationWriter(v, operatorDepartmentId);
  return db.$transaction(async (tx) => {
    if (await tx.station.findUnique({ where: { code: data.code }, select: { id: true } }))
      throw new AppError("CONFLICT", `站点编码已存在：${data.code}`, `Station code already exists: ${data.code}`);
    const station = await tx.station.create({
      data: {
        code: data.code,
        name: data.name,
        element: data.element,
        areaId: area.id,
        mode: data.mode,
        operatorDepartmentId,
        status: data.status,
        commissionedOn: data.commissionedOn ?? null,
        latitude: data.latitude ?? null,
        longitude: data.longitude ?? null,
      },
    });
    await recordAudit(tx, v, {
      entityType: "Station",
      entityId: station.code,
      action: "ADD",
      changes: data,
      departmentId: operatorDepartmentId,
    });
    return station;
  });
}

export async function updateStation(db: Db, viewer: Viewer | null, input: unknown, now = new Date()) {
  const data = parseInput(updateStationSchema, input, stationLabels);
  return db.$transaction(async (tx) => {
    const station = await tx.station.findUnique({ where: { code: data.code } });
    if (!station) throw notFound("站点", "Station", data.code);
    const v = requireStationWriter(viewer, station.operatorDepartmentId);
    if (station.status === "RETIRED")
      throw new AppError("INVALID_STATE", "站点已撤销，不能修改", "The station is retired and cannot be changed");
    const { code: _code, ...update } = data;
    const changes = changedFields(station, update);
    if (Object.keys(changes).length === 0) throw unchanged("站点信息", "station values");
    if ("commissionedOn" in changes || "status" in changes)
      requirePlausible([
        commissioningProblem(
          update.commissionedOn === undefined ? station.commissionedOn : update.commissionedOn,
          update.status ?? station.status,
          now,
        ),
      ]);
    const updated = await tx.station.update({ where: { id: station.id }, data: update });
    await recordAudit(tx, v, {
      entityType: "Station",
      entityId: station.code,
      action: "UPDATE",
      changes,
      departmentId: station.operatorDepartmentId,
    });
    return updated;
  });
}

export async function retireStation(db: Db, viewer: Viewer | null, input: unknown, now = new Date()) {
  const data = parseInput(retireStationSchema, input, stationLabels);
  if (shanghaiDay(data.retiredOn) > shanghaiDay(now))
    throw badInput([
      {
        field: "retiredOn",
        label: stationLabels.retiredOn,
        zh: `不能晚于今天（${shanghaiDay(now)}）`,
        en: `cannot be after today (${shanghaiDay(now)})`,
      },
    ]);
  return db.$transaction(async (tx) => {
    const station = await tx.station.findUnique({ where: { code: data.code } });
    if (!station) throw notFound("站点", "Station", data.code);
    const v = requireStationWriter(viewer, station.operatorDepartmentId);
    if (station.status === "RETIRED")
      throw new AppError("INVALID_STATE", "站点已经撤销", "The station is already retired");
    const since = station.commissionedOn ? shanghaiDay(station.commissionedOn) : EARLIEST_COMMISSIONING;
    if (shanghaiDay(data.retiredOn) < since)
      throw new AppError(
        "BAD_INPUT",
        `撤销日期不能早于投运日期（${since}）`,
        `The retirement date cannot precede the commissioning date (${since})`,
      );
    const updated = await tx.station.update({
      where: { id: station.id },
      data: { status: "RETIRED", retiredOn: data.retiredOn },
    });
    await recordAudit(tx, v, {
      entityType: "Station",
      entityId: station.code,
      action: "RETIRE",
      changes: data,
      departmentId: station.operatorDepartmentId,
    });
    return updated;
  });
}
