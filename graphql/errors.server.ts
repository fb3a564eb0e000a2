// The one place every error of /graphql becomes bilingual: graphql-js's syntax, validation and variable errors,
// Relay's cursor and global-ID errors, Yoga's HTTP-level errors (405, 413, 415, a body that is not JSON) and masked
// internal errors all leave with `extensions.code`, `extensions.zh`, `extensions.en` and the message "zh / en".
// AppErrors (our business errors and the limit refusals) already carry all three and pass unchanged.
import type { GraphQLError } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { AppError, type ErrorCode } from "../app/utils/errors";

type Text = [zh: string, en: string];
type Rule = [RegExp, (m: RegExpExecArray) => Text];

/** graphql-js 16's validation messages; anything else is still bilingual, with the English detail kept. */
const VALIDATION: Rule[] = [
  [
    /^Cannot query field "(\w+)" on type "(\w+)"/,
    (m) => [`类型 ${m[2]} 没有字段 ${m[1]}`, `Type ${m[2]} has no field ${m[1]}`],
  ],
  [
    /^Unknown argument "(\w+)" on field "([\w.]+)"/,
    (m) => [`字段 ${m[2]} 没有参数 ${m[1]}`, `Field ${m[2]} has no argument ${m[1]}`],
  ],
  [
    /^Field "([\w.]+)" argument "(\w+)" of type "([^"]+)" is required/,
    (m) => [`字段 ${m[1]} 缺少必填参数 ${m[2]}（${m[3]}）`, `Field ${m[1]} needs its argument ${m[2]} (${m[3]})`],
  ],
  [
    /^(\w+) cannot represent|^Enum "\w+" cannot represent|^Value "[^"]*" does not exist in "\w+" enum|^Expected value of type/,
    () => ["参数值的类型与接口定义不符", "An argument's value has the wrong type"],
  ],
  [/^Variable "\$(\w+)" is not defined/, (m) => [`变量 $${m[1]} 未声明`, `Variable $${m[1]} is not declared`]],
  [/^Variable "\$(\w+)" is never used/, (m) => [`变量 $${m[1]} 未被使用`, `Variable $${m[1]} is never used`]],
  [
    /^Variable "\$(\w+)" of type "([^"]+)" used in position expecting type "([^"]+)"/,
    (m) => [
      `变量 $${m[1]} 的类型 ${m[2]} 与所需类型 ${m[3]} 不符`,
      `Variable $${m[1]} is a ${m[2]} where a ${m[3]} is needed`,
    ],
  ],
  [/^Unknown type "(\w+)"/, (m) => [`未知类型 ${m[1]}`, `Unknown type ${m[1]}`]],
  [
    /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields/,
    (m) => [`字段 ${m[1]} 须选择子字段`, `Field ${m[1]} needs a selection of subfields`],
  ],
  [
    /^Field "(\w+)" must not have a selection/,
    (m) => [`字段 ${m[1]} 是标量，不能选择子字段`, `Field ${m[1]} is a scalar and takes no subfields`],
  ],
  [/^Unknown fragment "(\w+)"/, (m) => [`未知片段 ${m[1]}`, `Unknown fragment ${m[1]}`]],
  [/^Unknown directive "@?(\w+)"/, (m) => [`未知指令 @${m[1]}`, `Unknown directive @${m[1]}`]],
];

/** Errors that reach us without a code (variable coercion, Relay) and Yoga's own request errors, by message. */
const REQUEST: [RegExp, ErrorCode, (m: RegExpExecArray) => Text][] = [
  [
    /^Variable "\$(\w+)" got invalid value/,
    "BAD_INPUT",
    (m) => [`变量 $${m[1]} 的值无效`, `Variable $${m[1]} has an invalid value`],
  ],
  [
    /^Variable "\$(\w+)" of (?:required|non-null) type "([^"]+)" (?:was not provided|must not be null)/,
    "BAD_INPUT",
    (m) => [`缺少必填变量 $${m[1]}（${m[2]}）`, `Variable $${m[1]} (${m[2]}) is required`],
  ],
  [
    /^Invalid cursor/,
    "BAD_INPUT",
    () => ["分页游标无效：请使用上一页结果中的 endCursor", "Invalid cursor: use the endCursor of the previous page"],
  ],
  [/^Invalid global ID/, "BAD_INPUT", () => ["全局 ID 无效", "Invalid global ID"]],
  [
    /^Can only perform a mutation operation from a POST request/,
    "METHOD_NOT_ALLOWED",
    () => ["变更操作只能以 POST 发送", "Mutations must be sent with POST"],
  ],
  [
    /^GraphQL only supports GET and POST/,
    "METHOD_NOT_ALLOWED",
    () => ["GraphQL 接口只接受 GET 和 POST 请求", "GraphQL accepts only GET and POST requests"],
  ],
  [
    /^POST body sent invalid JSON/,
    "BAD_REQUEST",
    () => ["请求体不是有效的 JSON", "The request body is not valid JSON"],
  ],
  [/^Request body too large/, "PAYLOAD_TOO_LARGE", () => ["请求体过大", "The request body is too large"]],
  [
    /^Content-Length header is invalid/,
    "BAD_REQUEST",
    () => ["Content-Length 请求头无效", "The Content-Length header is invalid"],
  ],
  [/^Must provide query string/, "BAD_REQUEST", () => ["请求缺少 query 参数", "The request has no query"]],
  [
    /^Batching is not supported/,
    "BAD_REQUEST",
    () => ["不支持批量请求：每次请求发送一个操作", "Batching is not supported: send one operation per request"],
  ],
  [
    /^Could not determine what operation to execute|^Unknown operation named/,
    "UNKNOWN_OPERATION",
    () => ["找不到要执行的操作：请检查 operationName", "No operation to execute: check operationName"],
  ],
];

const CODE_FROM_YOGA: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  REQUEST_ENTITY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  OPERATION_RESOLUTION_FAILURE: "UNKNOWN_OPERATION",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
};

/** A GraphQL error from either build of graphql (see time-budget.server.ts): read by shape, never by instanceof. */
interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  nodes?: GraphQLError["nodes"];
  source?: GraphQLError["source"];
  positions?: GraphQLError["positions"];
}

function classify(error: ErrorLike): { code: ErrorCode; text: Text } {
  const message = error.message;
  const yogaCode = typeof error.extensions?.code === "string" ? error.extensions.code : undefined;
  for (const [re, code, text] of REQUEST) {
    const m = re.exec(message);
    if (m) return { code, text: text(m) };
  }
  if (yogaCode === "GRAPHQL_PARSE_FAILED" || message.startsWith("Syntax Error:")) {
    const at = error.locations?.[0];
    const where: Text = at
      ? [`（第 ${at.line} 行第 ${at.column} 列）`, ` (line ${at.line}, column ${at.column})`]
      : ["", ""];
    return { code: "GRAPHQL_PARSE_FAILED", text: [`查询语法错误${where[0]}`, `${message}${where[1]}`] };
  }
  for (const [re, text] of VALIDATION) {
    const m = re.exec(message);
    if (m) return { code: "GRAPHQL_VALIDATION_FAILED", text: text(m) };
  }
  if (yogaCode === "GRAPHQL_VALIDATION_FAILED")
    return { code: "GRAPHQL_VALIDATION_FAILED", text: ["查询不符合接口定义", message] };
  if (yogaCode === "INTERNAL_SERVER_ERROR" || error.extensions?.unexpected)
    return { code: "INTERNAL_SERVER_ERROR", text: ["服务器内部错误", "Internal server error"] };
  const known = yogaCode ? CODE_FROM_YOGA[yogaCode] : undefined;
  const code: ErrorCode = known ?? (yogaCode === "BAD_REQUEST" ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR");
  return { code, text: [code === "INTERNAL_SERVER_ERROR" ? "请求未能完成" : "请求无效", message] };
}

const isBilingual = (e: ErrorLike) =>
  typeof e.extensions?.code === "string" && typeof e.extensions.zh === "string" && typeof e.extensions.en === "string";

/**
 * Any GraphQL error as a bilingual one, made by Yoga's own createGraphQLError and without an original error, so
 * Yoga reads it as an expected GraphQL error whatever build of graphql made the one it replaces. The location, path
 * and HTTP status (an internal extension Yoga strips when it serialises) are kept.
 */
export function bilingual(error: ErrorLike): GraphQLError {
  const extensions = error.extensions ?? {};
  const { http, unexpected, originalError } = extensions as {
    http?: { spec?: boolean };
    unexpected?: unknown;
    originalError?: unknown;
  };
  let fields: Record<string, unknown>;
  let message = error.message;
  if (isBilingual(error)) {
    fields = { ...extensions };
  } else {
    const {
      code,
      text: [zh, en],
    } = classify(error);
    message = `${zh} / ${en}`;
    fields = { code, zh, en };
    if (unexpected) fields.unexpected = unexpected;
  }
  // Yoga answers 200 to application/json clients for "spec" errors unless one carries a non-GraphQL original error
  // (a body that is not JSON): that detail is dropped here, so its status is made to count on its own.
  delete fields.originalError;
  if (http) fields.http = originalError ? { ...http, spec: false } : http;
  return createGraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: fields,
  });
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * POST bodies only as application/json: a form-encoded, multipart or text/plain body is what another site can make a
 * browser send without a CORS preflight, so /graphql refuses them (415); GET stays for queries (Yoga refuses a
 * mutation over GET with 405). Every result's errors then leave bilingual, whichever step produced them.
 */
export function useBilingualErrors(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== "POST" || JSON_TYPE.test(request.headers.get("content-type") ?? "")) return;
      throw new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        "GraphQL 请求体须为 application/json（不接受表单或 multipart 格式）",
        "A GraphQL request body must be application/json (no form or multipart bodies)",
        { http: { status: 415 } },
      );
    },
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !("errors" in result) || !result.errors?.length) return;
      const errors: readonly unknown[] = result.errors;
      setResult({
        ...result,
        errors: errors.map((e) =>
          bilingual(typeof (e as ErrorLike)?.message === "string" ? (e as ErrorLike) : { message: String(e) }),
        ),
      });
    },
  };
}
