// The station registry: add, change and retire stations. The steering group may write any station; a department
// member only stations their own department operates.
import type { Db } from "../utils/db.server";
import { AppError, notFound } from "../utils/errors";
import { isoDate, msg, optionalText, parseInput, text, z } from "../utils/validation";
import { recordAudit } from "./audit.server";
import { requireDepartmentWriter, requireViewer, type Viewer } from "./viewer";
import { ELEMENTS, keys, STATION_MODES, STATION_STATUSES } from "./vocabulary";

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/, msg("站点编码须为2–40位字母、数字、点、横线或下划线", "station code must be 2–40 letters, digits, '.', '-' or '_'"));

const coordinates = {
  latitude: z.number().min(-90, msg("纬度超出范围", "latitude out of range")).max(90, msg("纬度超出范围", "latitude out of range")).nullish(),
  longitude: z.number().min(-180, msg("经度超出范围", "longitude out of range")).max(180, msg("经度超出范围", "longitude out of range")).nullish(),
};

export const addStationSchema = z.object({
  code,
  name: text(100),
  element: z.enum(keys(ELEMENTS), msg("未知的监测要素", "unknown element")),
  areaCode: z.string().max(20),
  mode: z.enum(keys(STATION_MODES), msg("未知的监测方式", "unknown mode")),
  operatorDepartmentCode: z.string().max(64).nullish(),
  status: z.enum(["PLANNED", "ACTIVE"], msg("新站点状态只能是规划中或运行", "a new station is PLANNED or ACTIVE")).default("ACTIVE"),
  commissionedOn: isoDate.nullish(),
  ...coordinates,
});

export const updateStationSchema = z.object({
  code,
  name: text(100).optional(),
  mode: z.enum(keys(STATION_MODES)).optional(),
  status: z.enum(["PLANNED", "ACTIVE", "SUSPENDED"], msg("撤销站点请使用 retireStation", "use retireStation to retire a station")).optional(),
  commissionedOn: isoDate.nullish(),
  ...coordinates,
});

export const retireStationSchema = z.object({ code, retiredOn: isoDate, reason: optionalText(500) });

async function resolveDepartmentId(db: Db, viewer: Viewer, departmentCode: string | null | undefined): Promise<number | null> {
  if (!departmentCode) return viewer.role === "DEPARTMENT_MEMBER" ? viewer.departmentId : null;
  const dept = await db.department.findUnique({ where: { code: departmentCode }, select: { id: true } });
  if (!dept) throw notFound("部门", "Department", departmentCode);
  return dept.id;
}

function requireStationWriter(viewer: Viewer | null, operatorDepartmentId: number | null): Viewer {
  const v = requireViewer(viewer);
  if (v.role === "STEERING_GROUP") return v;
  if (operatorDepartmentId === null)
    throw new AppError("FORBIDDEN", "该站点未指定运营部门，仅专项小组可修改", "Only the steering group may change a station with no operating department");
  return requireDepartmentWriter(v, operatorDepartmentId);
}

export async function addStation(db: Db, viewer: Viewer | null, input: unknown) {
  const v = requireViewer(viewer);
  const data = parseInput(addStationSchema, input);
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
    await recordAudit(tx, v, { entityType: "Station", entityId: station.code, action: "ADD", changes: data, departmentId: operatorDepartmentId });
    return station;
  });
}

export async function updateStation(db: Db, viewer: Viewer | null, input: unknown) {
  const data = parseInput(updateStationSchema, input);
  return db.$transaction(async (tx) => {
    const station = await tx.station.findUnique({ where: { code: data.code } });
    if (!station) throw notFound("站点", "Station", data.code);
    const v = requireStationWriter(viewer, station.operatorDepartmentId);
    if (station.status === "RETIRED")
      throw new AppError("INVALID_STATE", "站点已撤销，不能修改", "The station is retired and cannot be changed");
    const { code: _code, ...changes } = data;
    const updated = await tx.station.update({ where: { id: station.id }, data: changes });
    await recordAudit(tx, v, { entityType: "Station", entityId: station.code, action: "UPDATE", changes, departmentId: station.operatorDepartmentId });
    return updated;
  });
}

export async function retireStation(db: Db, viewer: Viewer | null, input: unknown) {
  const data = parseInput(retireStationSchema, input);
  return db.$transaction(async (tx) => {
    const station = await tx.station.findUnique({ where: { code: data.code } });
    if (!station) throw notFound("站点", "Station", data.code);
    const v = requireStationWriter(viewer, station.operatorDepartmentId);
    if (station.status === "RETIRED")
      throw new AppError("INVALID_STATE", "站点已经撤销", "The station is already retired");
    if (station.commissionedOn && data.retiredOn < station.commissionedOn)
      throw new AppError("BAD_INPUT", "撤销日期不能早于投运日期", "The retirement date cannot precede the commissioning date");
    const updated = await tx.station.update({ where: { id: station.id }, data: { status: "RETIRED", retiredOn: data.retiredOn } });
    await recordAudit(tx, v, { entityType: "Station", entityId: station.code, action: "RETIRE", changes: data, departmentId: station.operatorDepartmentId });
    return updated;
  });
}
