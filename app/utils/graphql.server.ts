// Pages read and write only through the GraphQL API: loaders and actions run operations against the same Yoga
// instance that serves /graphql, in process (no port), forwarding the incoming request's session cookie.
import { json } from "@remix-run/node";
import { yoga } from "../../graphql/yoga.server";

export interface ApiError {
  code: string;
  zh: string;
  en: string;
  /** Per-field problems of a BAD_INPUT error. */
  problems?: { field: string; zh: string; en: string }[];
}

export type GqlResult<T> = { ok: true; data: T } | { ok: false; error: ApiError; data: Partial<T> | null };

interface RawResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; zh?: string; en?: string; problems?: ApiError["problems"] } }[];
}

export async function gql<T>(request: Request, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  const cookie = request.headers.get("Cookie");
  if (cookie) headers.cookie = cookie;
  const res = await yoga.fetch("http://internal/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) }, {});
  // Decode the whole body at once: decoding chunk by chunk can split a multi-byte character (seen as U+FFFD in
  // Chinese error messages).
  const body = JSON.parse(new TextDecoder("utf-8").decode(await res.arrayBuffer())) as RawResult<T>;
  const first = body.errors?.[0];
  if (!first) return { ok: true, data: body.data as T };
  const ext = first.extensions ?? {};
  return {
    ok: false,
    data: (body.data ?? null) as Partial<T> | null,
    error: { code: ext.code ?? "ERROR", zh: ext.zh ?? first.message, en: ext.en ?? first.message, problems: ext.problems },
  };
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_INPUT: 400 };

/** For loaders: the data, or a thrown response that the route's ErrorBoundary shows in the reader's language. */
export async function gqlOrThrow<T>(request: Request, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await gql<T>(request, query, variables);
  if (r.ok) return r.data;
  throw json(r.error, { status: STATUS[r.error.code] ?? 500 });
}
