import { builder } from "../builder";
import { ElementEnum, StationModeEnum, StationStatusEnum, column } from "./enums";
import { notFound } from "../../app/utils/errors";
import { listing, START_INDEX } from "./paging";
import { addStation, retireStation, updateStation } from "../../app/models/station.server";

builder.prismaNode("Station", {
  id: { field: "id" },
  description: "A monitoring station or point in the registry",
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    element: t.field({ type: ElementEnum, resolve: column("element") }),
    mode: t.field({ type: StationModeEnum, resolve: column("mode") }),
    status: t.field({ type: StationStatusEnum, resolve: column("status") }),
    commissionedOn: t.expose("commissionedOn", { type: "Date", nullable: true }),
    retiredOn: t.expose("retiredOn", { type: "Date", nullable: true }),
    latitude: t.exposeFloat("latitude", { nullable: true }),
    longitude: t.exposeFloat("longitude", { nullable: true }),
    demo: t.exposeBoolean("demo", { description: "Part of the optional demo data set" }),
    area: t.relation("area"),
    operator: t.relation("operatorDepartment", { nullable: true }),
    alerts: t.relatedConnection("alerts", { cursor: "id", query: { orderBy: { occurredAt: "desc" } } }),
  }),
});

const stations = listing<Parameters<typeof stationWhere>[0]>(
  (ctx) => ctx.db.station,
  (args) => stationWhere(args),
  [{ id: "asc" }],
);

builder.queryFields((t) => ({
  station: t.prismaField({
    type: "Station",
    args: { code: t.arg.string({ required: true }) },
    resolve: async (query, _root, { code }, ctx) =>
      (await ctx.db.station.findUnique({ ...query, where: { code } })) ??
      Promise.reject(notFound("站点", "Station", code)),
  }),
  stations: t.prismaConnection(
    {
      type: "Station",
      cursor: "id",
      totalCount: stations.totalCount,
      defaultSize: 50,
      maxSize: 500,
      description: "The station registry (public), filterable by element, area and status",
      args: {
        element: t.arg({ type: ElementEnum }),
        areaCode: t.arg.string(),
        status: t.arg({ type: StationStatusEnum }),
        mode: t.arg({ type: StationModeEnum }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.db.station.findMany({
          ...query,
          where: stationWhere(args),
          orderBy: stations.orderBy,
        }),
    },
    {
      fields: (c) => ({
        startIndex: c.int({ description: START_INDEX, resolve: (p, _a, ctx) => stations.startIndex(p, ctx) }),
      }),
    },
  ),
}));

const StationInput = builder.inputType("AddStationInput", {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    element: t.field({ type: ElementEnum, required: true }),
    areaCode: t.string({ required: true }),
    mode: t.field({ type: StationModeEnum, required: true }),
    operatorDepartmentCode: t.string({ description: "Default: the signed-in member's department" }),
    status: t.field({ type: StationStatusEnum, description: "PLANNED or ACTIVE (default)" }),
    commissionedOn: t.field({ type: "Date" }),
    latitude: t.float(),
    longitude: t.float(),
  }),
});

const UpdateStationInput = builder.inputType("UpdateStationInput", {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string(),
    mode: t.field({ type: StationModeEnum }),
    status: t.field({ type: StationStatusEnum }),
    commissionedOn: t.field({ type: "Date" }),
    latitude: t.float(),
    longitude: t.float(),
  }),
});

builder.mutationFields((t) => ({
  addStation: t.prismaField({
    type: "Station",
    authScopes: { steeringGroup: true, departmentMember: true },
    args: { input: t.arg({ type: StationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const s = await addStation(ctx.db, ctx.viewer, input);
      return ctx.db.station.findUniqueOrThrow({ ...query, where: { id: s.id } });
    },
  }),
  updateStation: t.prismaField({
    type: "Station",
    authScopes: { steeringGroup: true, departmentMember: true },
    args: { input: t.arg({ type: UpdateStationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const s = await updateStation(ctx.db, ctx.viewer, stripNulls(input));
      return ctx.db.station.findUniqueOrThrow({ ...query, where: { id: s.id } });
    },
  }),
  retireStation: t.prismaField({
    type: "Station",
    authScopes: { steeringGroup: true, departmentMember: true },
    args: {
      code: t.arg.string({ required: true }),
      retiredOn: t.arg({ type: "Date", required: true }),
      reason: t.arg.string(),
    },
    resolve: async (query, _root, args, ctx) => {
      const s = await retireStation(ctx.db, ctx.viewer, args);
      return ctx.db.station.findUniqueOrThrow({ ...query, where: { id: s.id } });
    },
  }),
}));

/** GraphQL passes omitted optional fields as undefined but explicit nulls as null; "no change" for both. */
function stripNulls<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

function stationWhere(args: {
  element?: string | null;
  areaCode?: string | null;
  status?: string | null;
  mode?: string | null;
}) {
  return {
    ...(args.element ? { element: args.element } : {}),
    ...(args.areaCode ? { area: { code: args.areaCode } } : {}),
    ...(args.status ? { status: args.status } : {}),
    ...(args.mode ? { mode: args.mode } : {}),
  };
}
