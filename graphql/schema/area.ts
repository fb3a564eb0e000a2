import { builder } from "../builder";
import { AreaKindEnum, column } from "./enums";
import { notFound } from "../../app/utils/errors";

builder.prismaObject("Area", {
  description: "A county-level area: district (区), county (县) or development zone; code per GB/T 2260",
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    nameEn: t.exposeString("nameEn"),
    kind: t.field({ type: AreaKindEnum, resolve: column("kind") }),
    cityCode: t.exposeString("cityCode"),
  }),
});

builder.queryFields((t) => ({
  areas: t.prismaField({
    type: ["Area"],
    args: { cityCode: t.arg.string({ description: "4-digit GB/T 2260 city code; default every city" }) },
    resolve: (query, _root, { cityCode }, ctx) =>
      ctx.db.area.findMany({
        ...query,
        where: cityCode ? { cityCode } : {},
        orderBy: [{ cityCode: "asc" }, { ordinal: "asc" }],
      }),
  }),
  area: t.prismaField({
    type: "Area",
    args: { code: t.arg.string({ required: true }) },
    resolve: async (query, _root, { code }, ctx) =>
      (await ctx.db.area.findUnique({ ...query, where: { code } })) ?? Promise.reject(notFound("行政区", "Area", code)),
  }),
}));
