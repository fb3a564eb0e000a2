// Every error of /graphql, whichever layer makes it (graphql-js, Relay, Yoga's HTTP handling, our rules), reaches the
// client with a code and the message in Chinese and English, and the right HTTP status; no stack trace, no
// internal detail. Requests go through yoga.fetch as a client would send them.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "./support/db";
import { createGraphQLServer } from "../graphql/yoga.server";

const { db } = createTestDb();
const yoga = createGraphQLServer({ db, graphiql: false });
afterAll(() => db.$disconnect());

const URL_ = "http://localhost/graphql";
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

interface Answer {
  status: number;
  errors: { message: string; extensions: Record<string, unknown> }[];
  raw: string;
}

async function ask(url: string, init?: RequestInit): Promise<Answer> {
  const res = await yoga.fetch(url, init ?? {});
  const raw = await res.text();
  expect(res.headers.get("content-type"), raw).toMatch(/^application\/(graphql-response\+)?json/);
  return { status: res.status, errors: (JSON.parse(raw) as Answer).errors ?? [], raw };
}

function expectBilingual(a: Answer, status: number, code: string, zh?: RegExp) {
  expect(a.status, a.raw).toBe(status);
  expect(a.errors.length, a.raw).toBeGreaterThan(0);
  const e = a.errors[0];
  expect(e.extensions.code).toBe(code);
  expect(e.extensions.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(e.extensions.en).toMatch(/[A-Za-z]/);
  expect(e.message).toBe(`${e.extensions.zh as string} / ${e.extensions.en as string}`);
  if (zh) expect(e.extensions.zh).toMatch(zh);
  expect(a.raw).not.toMatch(/\n\s+at |stacktrace|node_modules|originalError|"http"/);
}

describe("the document", () => {
  it("a syntax error", async () => {
    expectBilingual(
      await ask(URL_, json({ query: "{ tasks {" })),
      200,
      "GRAPHQL_PARSE_FAILED",
      /语法错误（第 1 行第 10 列）/,
    );
  });

  it("an unknown field and a wrong argument type", async () => {
    expectBilingual(
      await ask(URL_, json({ query: "{ nope }" })),
      200,
      "GRAPHQL_VALIDATION_FAILED",
      /类型 Query 没有字段 nope/,
    );
    expectBilingual(
      await ask(URL_, json({ query: "{ task(code: 5) { code } }" })),
      200,
      "GRAPHQL_VALIDATION_FAILED",
      /类型与接口定义不符/,
    );
    expectBilingual(
      await ask(URL_, json({ query: "{ task { code } }" })),
      200,
      "GRAPHQL_VALIDATION_FAILED",
      /缺少必填参数 code/,
    );
  });

  it("is 400 to a client that accepts application/graphql-response+json", async () => {
    expectBilingual(
      await ask(URL_, json({ query: "{ nope }" }, { accept: "application/graphql-response+json" })),
      400,
      "GRAPHQL_VALIDATION_FAILED",
    );
  });

  it("an unknown operation name", async () => {
    expectBilingual(
      await ask(URL_, json({ query: "query A { __typename }", operationName: "B" })),
      400,
      "UNKNOWN_OPERATION",
      /operationName/,
    );
  });
});

describe("values", () => {
  it("a variable of the wrong type, and a missing one", async () => {
    const query = "query ($c: String!) { task(code: $c) { code } }";
    expectBilingual(await ask(URL_, json({ query, variables: { c: 5 } })), 200, "BAD_INPUT", /变量 \$c 的值无效/);
    expectBilingual(await ask(URL_, json({ query, variables: {} })), 200, "BAD_INPUT", /缺少必填变量 \$c/);
  });

  it("an invalid Relay cursor and global ID", async () => {
    expectBilingual(
      await ask(URL_, json({ query: `{ tasks(after: "garbage") { edges { node { code } } } }` })),
      200,
      "BAD_INPUT",
      /分页游标无效/,
    );
    expectBilingual(
      await ask(URL_, json({ query: `{ node(id: "garbage") { id } }` })),
      200,
      "BAD_INPUT",
      /全局 ID 无效/,
    );
  });
});

describe("the HTTP request", () => {
  it("a mutation over GET is 405", async () => {
    const q = encodeURIComponent(`mutation { clearTaskStatusOverride(code: "1.1") { code } }`);
    expectBilingual(await ask(`${URL_}?query=${q}`, { method: "GET" }), 405, "METHOD_NOT_ALLOWED", /POST/);
    expectBilingual(
      await ask(URL_, { ...json({ query: "{ __typename }" }), method: "PUT" }),
      405,
      "METHOD_NOT_ALLOWED",
    );
  });

  it("a body that is not JSON is 400", async () => {
    expectBilingual(
      await ask(URL_, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" }),
      400,
      "BAD_REQUEST",
      /JSON/,
    );
  });

  it("a form-encoded, multipart, text/plain or untyped body is 415, a mutation included", async () => {
    const mutation = `mutation { clearTaskStatusOverride(code: "1.1") { code } }`;
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: mutation }));
    form.set("map", "{}");
    for (const init of [
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `query=${encodeURIComponent(mutation)}`,
      },
      { method: "POST", body: form },
      { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: mutation }) },
      { method: "POST", body: new Blob([JSON.stringify({ query: mutation })]) },
    ]) {
      expectBilingual(await ask(URL_, init), 415, "UNSUPPORTED_MEDIA_TYPE", /application\/json/);
    }
  });

  it("a body over 1 MB is 413", async () => {
    const big = JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(1_100_000) } });
    expectBilingual(
      await ask(URL_, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(big.length) },
        body: big,
      }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
  });

  it("GET still serves queries", async () => {
    const res = await yoga.fetch(`${URL_}?query=${encodeURIComponent('{ task(code: "1.1") { code } }')}`, {
      method: "GET",
    });
    expect(await res.json()).toEqual({ data: { task: { code: "1.1" } } });
  });

  it("reflects no Origin: cross-origin access is the web server's to grant", async () => {
    const res = await yoga.fetch(URL_, json({ query: "{ __typename }" }, { origin: "http://evil.example:4000" }));
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    const preflight = await yoga.fetch(URL_, {
      method: "OPTIONS",
      headers: { origin: "http://evil.example:4000", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });
});
