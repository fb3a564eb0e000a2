// Expected failures: a stable code plus a message a person understands, in Chinese and English.
// AppError is a GraphQLError, so Yoga passes it through while masking everything unexpected.
import { GraphQLError } from "graphql";

export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_INPUT"
  | "CONFLICT"
  | "INVALID_STATE"
  | "WORKFLOW_UNAVAILABLE"
  // A process start Temporal took whose record is not written yet; an update that would change nothing (ADR 012).
  | "ACCEPTED"
  | "UNCHANGED"
  // The request itself (graphql/errors.server.ts maps GraphQL's and Yoga's own errors onto these).
  | "GRAPHQL_PARSE_FAILED"
  | "GRAPHQL_VALIDATION_FAILED"
  | "QUERY_TOO_COMPLEX"
  | "TIME_BUDGET_EXCEEDED"
  | "UNKNOWN_OPERATION"
  | "BAD_REQUEST"
  | "METHOD_NOT_ALLOWED"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "PAYLOAD_TOO_LARGE"
  | "INTERNAL_SERVER_ERROR"
  // The web server and signing in (server/security/*, app/models/user.server.ts).
  | "CSRF"
  | "LENGTH_REQUIRED"
  | "TOO_MANY_REQUESTS"
  // /readyz while the database, Temporal or the build is not usable (server/health.ts).
  | "NOT_READY";

export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  readonly zh: string;
  readonly en: string;

  constructor(code: ErrorCode, zh: string, en: string, details?: Record<string, unknown>) {
    super(`${zh} / ${en}`, { extensions: { code, zh, en, ...(details ?? {}) } });
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
}

export const notFound = (whatZh: string, whatEn: string, key: string) =>
  new AppError("NOT_FOUND", `未找到${whatZh}：${key}`, `${whatEn} not found: ${key}`, { key });

export const forbidden = (zh = "您无权执行此操作", en = "You are not allowed to do this") =>
  new AppError("FORBIDDEN", zh, en);

export const unauthenticated = () => new AppError("UNAUTHENTICATED", "请先登录", "Please sign in first");

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
