// Pages read and write only through the GraphQL API: loaders and actions run operations against the same Yoga
// instance that serves /graphql, in process (no port), forwarding the incoming request's session cookie.
import { json } from "@remix-run/node";
import { yoga } from "../../graphql/yoga.server";
import { operationText, type TadaDocumentNode, type VariablesArg } from "./graphql";
import type { UiError } from "../components/ui";

export interface ApiError {
  code: string;
  zh: string;
  en: string;
  /** Per-field problems of a BAD_INPUT error. */
  problems?: { field: string; label?: { zh: string; en: string }; zh: string; en: string }[];
}

/** `setCookie`: cookies the API set (a new session after a password change), for the page's own response. */
export type GqlResult<T> = ({ ok: true; data: T } | { ok: false; error: ApiError; data: Partial<T> | null }) & {
  setCookie: string[];
};

interface RawResult<T> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; zh?: string; en?: string; problems?: ApiError["problems"] };
  }[];
}

/** Runs a typed document (app/utils/graphql.ts): data and variables have the types the schema gives them. */
export async function gql<T, V>(
  request: Request,
  document: TadaDocumentNode<T, V>,
  ...variables: VariablesArg<V>
): Promise<GqlResult<T>>;
export async function gql(
  request: Request,
  document: TadaDocumentNode<unknown, unknown>,
  variables?: unknown,
): Promise<GqlResult<unknown>> {
  const query = operationText(document);
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  const cookie = request.headers.get("Cookie");
  if (cookie) headers.cookie = cookie;
  // The page's own origin: the session cookie's name depends on whether the app is served over https.
  const res = await yoga.fetch(
    new URL("/graphql", request.url).href,
    { method: "POST", headers, body: JSON.stringify({ query, variables: variables ?? {} }) },
    {},
  );
  const setCookie = res.headers.getSetCookie();
  // Decode the whole body at once: decoding chunk by chunk can split a multi-byte character (seen as U+FFFD in
  // Chinese error messages).
  const body = JSON.parse(new TextDecoder("utf-8").decode(await res.arrayBuffer())) as RawResult<unknown>;
  const first = body.errors?.[0];
  if (!first) return { ok: true, data: body.data, setCookie };
  const ext = first.extensions ?? {};
  return {
    ok: false,
    setCookie,
    data: body.data ?? null,
    error: {
      code: ext.code ?? "ERROR",
      zh: ext.zh ?? first.message,
      en: ext.en ?? first.message,
      problems: ext.problems,
    },
  };
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_INPUT: 400 };

/** An API error as the response a loader throws for its route's ErrorBoundary, with the HTTP status of its code. */
export const errorResponse = (e: UiError) => json(e, { status: STATUS[e.code ?? ""] ?? 500 });

/**
 * For a detail page's loader: the item the API answered, or a thrown 404 naming what was not found in both languages
 * ("未找到报告：<key>"), for the route's ErrorBoundary. The API answers null for an item the reader may not see too.
 */
export function found<T>(item: T | null | undefined, what: readonly [zh: string, en: string], key: string): T {
  if (item === null || item === undefined)
    throw errorResponse({ code: "NOT_FOUND", zh: `未找到${what[0]}：${key}`, en: `${what[1]} not found: ${key}` });
  return item;
}

/** For loaders: the data, or a thrown response that the route's ErrorBoundary shows in the reader's language. */
export async function gqlOrThrow<T, V>(
  request: Request,
  document: TadaDocumentNode<T, V>,
  ...variables: VariablesArg<V>
): Promise<T>;
export async function gqlOrThrow(
  request: Request,
  document: TadaDocumentNode<unknown, unknown>,
  variables?: unknown,
): Promise<unknown> {
  const r = await gql(request, document, variables);
  if (r.ok) return r.data;
  throw errorResponse(r.error);
}
