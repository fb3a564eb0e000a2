// The GraphQL server: Yoga over the Pothos schema, with token, alias, depth and cost limits counted before execution,
// a time budget per query, and bilingual errors throughout (docs/decisions/011-graphql-limits-errors-read-policy.md).
// Used by the /graphql resource route, by tests (yoga.fetch, no port) and by the pages' loaders and actions.
import { createYoga, maskError } from "graphql-yoga";
import { useGraphQlJit } from "@envelop/graphql-jit";
import { getOperationAST, type DocumentNode } from "graphql";
import { schema } from "./schema";
import type { GraphQLContext } from "./context";
import { db as defaultDb, type Db } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";
import { getViewer } from "../app/utils/session.server";
import { AppError } from "../app/utils/errors";
import { createMailer, type Mailer } from "../app/utils/mailer.server";
import { useFastGzip } from "./compression.server";
import { useResponseCookies } from "./response-cookies.server";
import { limitPlugins, type Limits } from "./limits.server";
import { useBilingualErrors } from "./errors.server";
import { useTimeBudget } from "./time-budget.server";

/** Yoga's own cap on a request body (the web server in front may refuse sooner); the largest page form is ~0.4 MB. */
const MAX_BODY_BYTES = 1_000_000;

export interface GraphQLServerOptions {
  db?: Db;
  graphiql?: boolean;
  limits?: Partial<Limits>;
  /** Milliseconds a query may run; tests pass a small one with their own clock. */
  timeBudgetMs?: number;
  clock?: () => number;
  /** Default: the outbox of `db`, sent over SMTP_URL when it is set. */
  mailer?: Mailer;
}

export function createGraphQLServer(options: GraphQLServerOptions = {}) {
  const database = options.db ?? defaultDb;
  const mailer = options.mailer ?? createMailer({ db: database, smtpUrl: env.SMTP_URL });
  const limits: Limits = {
    maxAliases: env.GRAPHQL_MAX_ALIASES,
    maxTokens: env.GRAPHQL_MAX_TOKENS,
    maxDepth: env.GRAPHQL_MAX_DEPTH,
    maxCost: env.GRAPHQL_MAX_COST,
    ...options.limits,
  };
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: options.graphiql ?? env.NODE_ENV === "development",
    landingPage: false,
    // Cross-origin access is the web server's decision (same origin by default, an allow-list by configuration);
    // Yoga's default would reflect any Origin with credentials.
    cors: false,
    maxRequestBodySize: MAX_BODY_BYTES,
    // Expected failures (AppError) are answers, not incidents: only unexpected errors reach the log.
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => console.warn(...args),
      error: (...args: unknown[]) => {
        if (
          args.some(
            (a) => a instanceof AppError || (a as { originalError?: unknown })?.originalError instanceof AppError,
          )
        )
          return;
        console.error(...args);
      },
    },
    context: async ({ request }) => ({ db: database, viewer: await getViewer(request, database), request, mailer }),
    maskedErrors: {
      maskError: (error, message, isDev) => {
        if (error instanceof AppError) return error;
        const original = (error as { originalError?: unknown }).originalError;
        if (original instanceof AppError) return original;
        // Returned unchanged when it is a GraphQL error (Yoga logs only what it had to mask); useBilingualErrors
        // translates it on the way out.
        return maskError(error, "服务器内部错误 / Internal server error", isDev && env.NODE_ENV === "development");
      },
    },
    plugins: [
      ...limitPlugins(limits),
      useTimeBudget(options.timeBudgetMs ?? env.GRAPHQL_TIME_BUDGET_MS, options.clock),
      useBilingualErrors(),
      // Queries run compiled (graphql-jit): large lists such as the coverage matrix cost a fraction of the generic
      // executor's per-field work. Mutations keep the reference executor (docs/decisions/006-coverage-read-path.md).
      useGraphQlJit({}, { enableIf: ({ document, operationName }) => isQuery(document, operationName) }),
      useResponseCookies(),
      useFastGzip(),
    ],
  });
}

export const yoga = createGraphQLServer();

function isQuery(document: DocumentNode, operationName?: string | null): boolean {
  return getOperationAST(document, operationName ?? undefined)?.operation === "query";
}
