// The GraphQL server: Yoga over the Pothos schema, with depth and cost limits. Used by the /graphql resource route,
// by tests (yoga.fetch, no port) and by the pages' loaders and actions.
import { createYoga, maskError } from "graphql-yoga";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { useGraphQlJit } from "@envelop/graphql-jit";
import { getOperationAST, type DocumentNode } from "graphql";
import { schema } from "./schema";
import type { GraphQLContext } from "./context";
import { db as defaultDb, type Db } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";
import { getViewer } from "../app/utils/session.server";
import { AppError } from "../app/utils/errors";
import { useFastGzip } from "./compression.server";

export function createGraphQLServer(options: { db?: Db; graphiql?: boolean } = {}) {
  const database = options.db ?? defaultDb;
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: options.graphiql ?? env.NODE_ENV === "development",
    landingPage: false,
    // Expected failures (AppError) are answers, not incidents: only unexpected errors reach the log.
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => console.warn(...args),
      error: (...args: unknown[]) => {
        if (args.some((a) => a instanceof AppError || (a as { originalError?: unknown })?.originalError instanceof AppError)) return;
        console.error(...args);
      },
    },
    context: async ({ request }) => ({ db: database, viewer: await getViewer(request, database) }),
    maskedErrors: {
      maskError: (error, message, isDev) => {
        const original = (error as { originalError?: unknown }).originalError;
        if (original instanceof AppError) return original;
        return maskError(error, "服务器内部错误 / Internal server error", isDev && env.NODE_ENV === "development");
      },
    },
    plugins: [
      maxDepthPlugin({
        n: env.GRAPHQL_MAX_DEPTH,
        exposeLimits: true,
        onReject: [],
        propagateOnRejection: true,
      }),
      costLimitPlugin({ maxCost: env.GRAPHQL_MAX_COST, exposeLimits: true, propagateOnRejection: true }),
      // Queries run compiled (graphql-jit): large lists such as the coverage matrix cost a fraction of the generic
      // executor's per-field work. Mutations keep the reference executor (docs/decisions/006-coverage-read-path.md).
      useGraphQlJit({}, { enableIf: ({ document, operationName }) => isQuery(document, operationName) }),
      useFastGzip(),
    ],
  });
}

export const yoga = createGraphQLServer();

function isQuery(document: DocumentNode, operationName?: string | null): boolean {
  return getOperationAST(document, operationName ?? undefined)?.operation === "query";
}
