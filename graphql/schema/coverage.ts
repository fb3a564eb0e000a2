// The area × element coverage matrix (public): station counts, automatic counts, the requirement the plan's
// coverage targets put on each cell and whether it is met.
import { builder } from "../builder";
import { AreaKindEnum, ElementEnum } from "./enums";
import { ELEMENT_KEYS, type Element } from "../../app/models/vocabulary";
import {
  coverageMatrix,
  coverageTotals,
  type AreaRow,
  type CoverageCell,
  type CoverageRow,
} from "../../app/models/coverage.server";

const CellStatusEnum = builder.enumType("CoverageStatus", {
  values: {
    NOT_REQUIRED: { description: "无要求 / No target requires stations here" },
    MET: { description: "已达标 / Met" },
    AT_RISK: { description: "有风险：未达标但有规划站点 / Not met, stations planned" },
    NOT_MET: { description: "未达标 / Not met" },
  },
});

const CoverageArea = builder.objectRef<AreaRow>("CoverageArea").implement({
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    nameEn: t.exposeString("nameEn"),
    kind: t.field({ type: AreaKindEnum, resolve: (a) => a.kind as never }),
    cityCode: t.exposeString("cityCode"),
  }),
});

const CoverageCellRef = builder.objectRef<CoverageCell>("CoverageCell").implement({
  fields: (t) => ({
    element: t.field({ type: ElementEnum, resolve: (c) => c.element }),
    stations: t.exposeInt("stations", { description: "Active stations" }),
    automatic: t.exposeInt("automatic", { description: "Active automatic stations" }),
    planned: t.exposeInt("planned", { description: "Planned, not yet active" }),
    required: t.exposeInt("required", { description: "Stations the plan's targets require here (0: none)" }),
    automaticRequired: t.exposeBoolean("automaticRequired"),
    targets: t.exposeStringList("targets", { description: "Codes of the targets that apply to this cell" }),
    status: t.field({ type: CellStatusEnum, resolve: (c) => c.status }),
  }),
});

// The same numbers as `cells`, as one list per measure in the matrix's column order: far cheaper for large matrices.
const CoverageRowRef = builder.objectRef<CoverageRow>("CoverageRow").implement({
  fields: (t) => ({
    area: t.field({ type: CoverageArea, resolve: (r) => r.area }),
    cells: t.field({ type: [CoverageCellRef], resolve: (r) => r.cells }),
    stations: t.exposeIntList("stations", { description: "Active stations per column (CoverageMatrix.elements)" }),
    automatic: t.exposeIntList("automatic", { description: "Active automatic stations per column" }),
    planned: t.exposeIntList("planned", { description: "Planned stations per column" }),
    required: t.exposeIntList("required", { description: "Stations required per column (0: none)" }),
    status: t.field({ type: [CellStatusEnum], description: "Judgement per column", resolve: (r) => r.status }),
  }),
});

const CoverageTotal = builder.objectRef<ReturnType<typeof coverageTotals>[number]>("CoverageTotal").implement({
  fields: (t) => ({
    element: t.field({ type: ElementEnum, resolve: (c) => c.element }),
    stations: t.exposeInt("stations"),
    automatic: t.exposeInt("automatic"),
    areasRequired: t.exposeInt("areasRequired"),
    areasMet: t.exposeInt("areasMet"),
  }),
});

const CoverageMatrix = builder.objectRef<{ elements: Element[]; rows: CoverageRow[] }>("CoverageMatrix").implement({
  fields: (t) => ({
    elements: t.field({
      type: [ElementEnum],
      description: "The columns, in order: the lists on each row (stations, automatic, …) follow it",
      resolve: (m) => m.elements,
    }),
    rows: t.field({ type: [CoverageRowRef], resolve: (m) => m.rows }),
    totals: t.field({ type: [CoverageTotal], resolve: (m) => coverageTotals(m.rows) }),
  }),
});

builder.queryField("coverageMatrix", (t) =>
  t.field({
    type: CoverageMatrix,
    description: "Area × element station coverage against the plan's targets (public)",
    args: {
      cityCode: t.arg.string({ description: "4-digit GB/T 2260 city code; default every city" }),
      areaCodes: t.arg.stringList({ description: "Only these areas" }),
      elements: t.arg({ type: [ElementEnum], description: "Only these elements (columns)" }),
    },
    resolve: async (_root, args, ctx) => {
      const elements = args.elements?.length ? (args.elements as Element[]) : ELEMENT_KEYS;
      return { elements, rows: await coverageMatrix(ctx.db, { ...args, elements }) };
    },
  }),
);
