// The search box's query: records found by a phrase of their words, only those the viewer may read
// (app/models/search.server.ts).
import { builder } from "../builder";
import { BilingualRef } from "./process";
import { search, type SearchHit, type SearchResult } from "../../app/models/search.server";

const SEARCH_KINDS = {
  TASK: ["任务", "task"],
  REPORT: ["推进落实情况报告", "progress report"],
  STATION: ["监测站点", "station"],
  FINDING: ["检查发现的问题", "inspection finding"],
  LINKAGE: ["联动案件", "linkage case"],
} as const;

const SearchKindEnum = builder.enumType("SearchKind", {
  description: "What kind of record a search hit is",
  values: Object.fromEntries(
    Object.entries(SEARCH_KINDS).map(([k, [zh, en]]) => [k, { value: k, description: `${zh} / ${en}` }]),
  ) as Record<keyof typeof SEARCH_KINDS, { value: keyof typeof SEARCH_KINDS; description: string }>,
});

const SearchHitRef = builder.objectRef<SearchHit>("SearchHit").implement({
  description: "A record whose words contain the phrase searched for",
  fields: (t) => ({
    kind: t.field({ type: SearchKindEnum, resolve: (h) => h.kind }),
    title: t.field({ type: BilingualRef, resolve: (h) => h.title }),
    path: t.exposeString("path", { description: "The record's page" }),
    snippet: t.exposeString("snippet", { description: "The words around the match" }),
  }),
});

const SearchResultRef = builder.objectRef<SearchResult>("SearchResult").implement({
  fields: (t) => ({
    hits: t.field({ type: [SearchHitRef], resolve: (r) => r.hits }),
    fallback: t.exposeBoolean("fallback", {
      description: "True when the phrase had fewer than 3 characters and was matched by a full scan, not the index",
    }),
  }),
});

builder.queryField("search", (t) =>
  t.field({
    type: SearchResultRef,
    description:
      "Tasks, progress reports (their text and every version's), stations, inspection findings and linkage cases whose " +
      "words contain the phrase; only what the viewer may read (the public: tasks and stations)",
    args: {
      query: t.arg.string({ required: true }),
      first: t.arg.int({ defaultValue: 50, description: "At most 100" }),
    },
    resolve: (_root, { query, first }, ctx) =>
      search(ctx.db, ctx.viewer, query, Math.min(Math.max(first ?? 50, 1), 100)),
  }),
);
