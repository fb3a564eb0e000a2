// What one GraphQL request may ask for, counted before anything executes: tokens while parsing, then aliases, depth
// and cost while validating. The figures behind the defaults are in docs/decisions/011-graphql-limits-errors-read-policy.md
// and test/api-limits.test.ts re-measures every operation the app and the benchmark send against them.
import { maxAliasesPlugin, maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxTokensPlugin, MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import { maxDepthPlugin, maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import {
  Kind,
  type ArgumentNode,
  type DocumentNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { AppError } from "../app/utils/errors";

export interface Limits {
  maxAliases: number;
  maxTokens: number;
  maxDepth: number;
  maxCost: number;
}

export type LimitKind = "aliases" | "tokens" | "depth" | "cost";

const WHAT: Record<LimitKind, [string, string]> = {
  aliases: ["别名数", "aliases"],
  tokens: ["词法单元数", "tokens"],
  depth: ["嵌套深度", "depth"],
  cost: ["查询成本", "cost"],
};

/** The bilingual refusal of an over-limit operation; `found` is what the armor plugin counted, when it says. */
export function queryTooComplex(kind: LimitKind, max: number, found: number | null) {
  const [zh, en] = WHAT[kind];
  const foundZh = found === null ? "" : `（本次为 ${found}）`;
  const foundEn = found === null ? "" : ` (this one: ${found})`;
  return new AppError(
    "QUERY_TOO_COMPLEX",
    `查询过于复杂：${zh}上限为 ${max}${foundZh}，请拆分查询`,
    `The query is too complex: at most ${max} ${en}${foundEn}; split it into smaller queries`,
    // Like a validation error: 200 to application/json clients, 400 to application/graphql-response+json ones.
    { limit: kind, max, ...(found === null ? {} : { found }), http: { status: 400, spec: true } },
  );
}

// The armor plugins build their own "Syntax Error: …" GraphQLError and then call onReject: throwing our error from
// there replaces theirs (propagateOnRejection stays on in case a future version stops calling onReject first).
const foundIn = (message: string) => Number(/found (\d+(?:\.\d+)?)/.exec(message)?.[1] ?? NaN);
const reject = (kind: LimitKind, max: number) => [
  (_ctx: ValidationContext | null, error: Error) => {
    const found = foundIn(error.message);
    throw queryTooComplex(kind, max, Number.isFinite(found) ? found : null);
  },
];

const options = (l: Limits) => ({
  tokens: { n: l.maxTokens, exposeLimits: true, propagateOnRejection: true, onReject: reject("tokens", l.maxTokens) },
  aliases: {
    n: l.maxAliases,
    exposeLimits: true,
    propagateOnRejection: true,
    onReject: reject("aliases", l.maxAliases),
  },
  depth: { n: l.maxDepth, exposeLimits: true, propagateOnRejection: true, onReject: reject("depth", l.maxDepth) },
});

/**
 * Cost with the page sizes a request really asks for. graphql-armor multiplies a list's cost by its `first`/`last`
 * only when that is a literal, so `stations(first: $n)` or a connection left at its default page counted once: 15
 * aliases of 500 stations with their alerts passed at a cost of 1,016 and ran for 18 s at province scale. Before
 * execution, when the variables are known, each `first`/`last` variable is replaced by its value (an unset one is
 * dropped) and a connection without either gets the default page size; armor's own rule then counts the result.
 */
export const DEFAULT_PAGE_SIZE = 50; // Pothos's defaultSize of the root connections (Station.alerts: 20)
const PAGING = new Set(["first", "last"]);

type Values = Record<string, unknown>;
const intValue = (n: number) => ({ kind: Kind.INT, value: String(n) }) as const;

function sized(set: SelectionSetNode, values: (name: string) => unknown): SelectionSetNode {
  const selections = set.selections.map((sel): SelectionNode => {
    if (sel.kind === Kind.INLINE_FRAGMENT) return { ...sel, selectionSet: sized(sel.selectionSet, values) };
    if (sel.kind !== Kind.FIELD) return sel;
    const args = (sel.arguments ?? []).flatMap((arg): ArgumentNode[] => {
      if (!PAGING.has(arg.name.value) || arg.value.kind === Kind.INT) return [arg];
      const v = arg.value.kind === Kind.VARIABLE ? values(arg.value.name.value) : null;
      return typeof v === "number" && Number.isInteger(v) ? [{ ...arg, value: intValue(v) }] : [];
    });
    const connection = sel.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "edges");
    if (connection && !args.some((a) => PAGING.has(a.name.value)))
      args.push({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "first" }, value: intValue(DEFAULT_PAGE_SIZE) });
    return { ...sel, arguments: args, ...(sel.selectionSet ? { selectionSet: sized(sel.selectionSet, values) } : {}) };
  });
  return { ...set, selections };
}

/** The document as its page sizes make it: variables (or their defaults) in, default pages added. */
export function withPageSizes(
  document: DocumentNode,
  variables: Values | null | undefined,
  unknown?: number,
): DocumentNode {
  const defaults: Values = {};
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of d.variableDefinitions ?? [])
      if (v.defaultValue?.kind === Kind.INT) defaults[v.variable.name.value] = Number(v.defaultValue.value);
  }
  const values = (name: string) => variables?.[name] ?? defaults[name] ?? unknown;
  const definitions = document.definitions.map((d) =>
    d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION
      ? { ...d, selectionSet: sized(d.selectionSet, values) }
      : d,
  );
  return { ...document, definitions };
}

/** armor's cost rule, run on a document outside validation (it only asks the context for fragments). */
function costOf(document: DocumentNode): number {
  let cost = 0;
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const context = { getFragment: (name: string) => fragments.get(name) } as unknown as ValidationContext;
  const visitor = costLimitRule({
    maxCost: Number.MAX_SAFE_INTEGER,
    onAccept: [(_c: unknown, { n }: { n: number }) => void (cost = Math.max(cost, n))],
  })(context) as unknown as {
    OperationDefinition: { enter(this: unknown, node: unknown): void };
  };
  for (const d of document.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION) visitor.OperationDefinition.enter.call(visitor, d);
  return cost;
}

function usePageSizedCost(maxCost: number): Plugin {
  return {
    onExecute({ args }) {
      const cost = costOf(withPageSizes(args.document, args.variableValues as Values | undefined));
      if (cost > maxCost) throw queryTooComplex("cost", maxCost, cost);
    },
  };
}

/**
 * The Envelop plugins, for every caller: the public, signed-in users and the pages' own in-process requests. Tokens,
 * aliases and depth are counted while parsing and validating; cost once the variables are known, before execution.
 */
export function limitPlugins(limits: Limits) {
  const o = options(limits);
  return [
    maxTokensPlugin(o.tokens),
    maxAliasesPlugin(o.aliases),
    maxDepthPlugin(o.depth),
    usePageSizedCost(limits.maxCost),
  ];
}

/**
 * Counts an operation as the plugins do (their own rules, with limits no operation reaches), for tests and the ADR;
 * a page-size variable whose value the source does not show counts as `unknownPageSize`. The rules are driven
 * directly rather than through graphql's validate(), which refuses a schema built by the other of graphql's two
 * builds (the test runner loads both); the rules only ask the context for fragments.
 */
export function measureOperation(
  source: string,
  variables: Values = {},
  unknownPageSize = 500,
): Record<LimitKind, number> {
  const seen: Record<LimitKind, number> = { aliases: 0, tokens: 0, depth: 0, cost: 0 };
  const record = (kind: LimitKind) => [
    (_ctx: unknown, { n }: { n: number }) => void (seen[kind] = Math.max(seen[kind], n)),
  ];
  const huge = Number.MAX_SAFE_INTEGER;
  const document = new MaxTokensParserWLexer(source, { n: huge, onAccept: record("tokens") }).parseDocument();
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const context = { getFragment: (name: string) => fragments.get(name) } as unknown as ValidationContext;
  for (const rule of [
    maxAliasesRule({ n: huge, onAccept: record("aliases") }),
    maxDepthRule({ n: huge, onAccept: record("depth") }),
  ]) {
    const visitor = rule(context) as unknown as { OperationDefinition: { enter(this: unknown, node: unknown): void } };
    for (const d of document.definitions)
      if (d.kind === Kind.OPERATION_DEFINITION) visitor.OperationDefinition.enter.call(visitor, d);
  }
  seen.cost = costOf(withPageSizes(document, variables, unknownPageSize));
  return seen;
}
