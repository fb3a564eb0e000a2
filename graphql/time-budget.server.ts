// The second line behind the limits: a query stops at its time budget. Queries run through graphql-jit, which ignores
// abort signals, so the budget is checked where work starts: before every field that has its own resolver and returns
// an object or a list (root fields, relations, computed progress, …). Scalar fields and fields read straight off the
// parent are left alone, which keeps graphql-jit's inlined property reads and the coverage matrix as fast as before.
// Mutations are not cut: a write that already happened must not come back as an error.
import { getOperationAST, type GraphQLOutputType, type GraphQLSchema } from "graphql";
import type { Plugin } from "graphql-yoga";
import { AppError } from "../app/utils/errors";

export interface TimeBudget {
  deadline: number;
  budgetMs: number;
  now: () => number;
}

export const timeBudgetExceeded = (budgetMs: number) =>
  new AppError(
    "TIME_BUDGET_EXCEEDED",
    `查询超出时间预算（${budgetMs} 毫秒），已停止执行；请缩小查询范围或分页`,
    `The query ran past its time budget (${budgetMs} ms) and was stopped; ask for less, or page through it`,
    { budgetMs },
  );

// Types are told apart by their tag, not graphql's isObjectType(): Pothos and the test runner may load graphql's CJS and
// ESM builds side by side, and the `is…` helpers refuse a type from the other build.
const tag = (t: unknown) => Object.prototype.toString.call(t).slice(8, -1);

/** A single scalar or enum value: reading it starts no work. */
function isSingleLeaf(type: GraphQLOutputType): boolean {
  let t: GraphQLOutputType = type;
  while (tag(t) === "GraphQLNonNull") t = (t as { ofType: GraphQLOutputType }).ofType;
  return tag(t) === "GraphQLScalarType" || tag(t) === "GraphQLEnumType";
}

/** Wraps, in place, the resolvers that start work; done once when the schema is built. */
export function withTimeBudget(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (tag(type) !== "GraphQLObjectType" || type.name.startsWith("__")) continue;
    for (const field of Object.values(
      (type as { getFields(): Record<string, import("graphql").GraphQLField<unknown, unknown>> }).getFields(),
    )) {
      const resolve = field.resolve;
      if (!resolve || isSingleLeaf(field.type)) continue;
      field.resolve = (parent, args, ctx, info) => {
        const budget = (ctx as { budget?: TimeBudget }).budget;
        if (budget !== undefined && budget.now() >= budget.deadline) throw timeBudgetExceeded(budget.budgetMs);
        return resolve(parent, args, ctx, info);
      };
    }
  }
  return schema;
}

/**
 * Starts the clock when a query starts executing (parsing and validation are bounded by the token limit), and
 * keeps one budget error per response instead of one per cut field.
 */
export function useTimeBudget(budgetMs: number, now: () => number = Date.now): Plugin {
  return {
    onExecute({ args, extendContext }) {
      if (getOperationAST(args.document, args.operationName ?? undefined)?.operation !== "query") return;
      const budget: TimeBudget = { deadline: now() + budgetMs, budgetMs, now };
      extendContext({ budget } as Record<string, unknown>);
      return {
        onExecuteDone({ result, setResult }) {
          if (!("errors" in result) || !result.errors || result.errors.length < 2) return;
          let seen = false;
          const errors = result.errors.filter((e) => {
            if (e.extensions?.code !== "TIME_BUDGET_EXCEEDED") return true;
            if (seen) return false;
            return (seen = true);
          });
          if (errors.length !== result.errors.length) setResult({ ...result, errors });
        },
      };
    },
  };
}
