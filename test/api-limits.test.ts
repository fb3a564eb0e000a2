// What one request may cost is bounded before anything runs, for every caller; a query that slips through stops at
// its time budget. The limits are checked against every operation the app and the benchmark send (their figures are
// in docs/decisions/011-graphql-limits-errors-read-policy.md), so a page that outgrows them fails here, not in use.
import { afterAll, describe, expect, it } from "vitest";
import { closeReadOnlySql, createDb } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";
import { createGraphQLServer } from "../graphql/yoga.server";
import { measureOperation } from "../graphql/limits.server";
import { createTestDb } from "./support/db";
import { graphqlClient, type GqlResult } from "./support/graphql";
import { collectOperations } from "./api-limits.operations";

const base = createTestDb();
let statements = 0;
const db = createDb(base.url, { onStatement: () => void statements++ });
const gql = graphqlClient(db);
afterAll(async () => {
  closeReadOnlySql(db);
  await Promise.all([db.$disconnect(), base.db.$disconnect()]);
});

const aliased = (n: number, field = "targets { code progress { percent } }") =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;

function expectRefused(r: GqlResult, limit: string) {
  expect(r.data).toBeUndefined();
  const e = r.errors![0];
  expect(e.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit });
  expect(e.extensions?.zh).toMatch(/查询过于复杂/);
  expect(e.extensions?.en).toMatch(/too complex/);
  expect(e.message).toBe(`${e.extensions?.zh} / ${e.extensions?.en}`);
}

describe("the app's own operations fit the limits with room to spare", () => {
  const operations = collectOperations();

  it("finds the pages' and the benchmark's operations", () => {
    const files = new Set(operations.map((o) => o.file));
    for (const f of [
      "app/routes/_index/dashboard.server.ts",
      "app/routes/plan.tsx",
      "app/routes/workspace/workspace.server.ts",
      "bench/registry.ts",
    ])
      expect(files).toContain(f);
    expect(operations.length).toBeGreaterThan(40);
  });

  // Page sizes the source passes as variables count at 500, the most any connection serves (the export's page).
  it("each uses at most 2/3 of the alias, token and cost limits and stays two levels under the depth limit", () => {
    const over = operations
      .map((o) => ({ where: `${o.file}:${o.line}`, ...measureOperation(o.source) }))
      .filter(
        (m) =>
          m.aliases > (env.GRAPHQL_MAX_ALIASES * 2) / 3 ||
          m.tokens > (env.GRAPHQL_MAX_TOKENS * 2) / 3 ||
          m.cost > (env.GRAPHQL_MAX_COST * 2) / 3 ||
          m.depth > env.GRAPHQL_MAX_DEPTH - 2,
      );
    expect(over).toEqual([]);
  });
});

describe("limits, counted before execution, for the public as for anyone", () => {
  it("refuses 5,000 aliases of targets' progress without running one SQL statement", async () => {
    statements = 0;
    const r = await gql(aliased(5000));
    expect(statements).toBe(0);
    expectRefused(r, "tokens");
  });

  it("refuses one alias more than the limit, signed in or not", async () => {
    const query = aliased(env.GRAPHQL_MAX_ALIASES + 1, "me { name }");
    statements = 0;
    expectRefused(await gql(query), "aliases");
    expect(statements).toBe(0);
    expectRefused(await gql(query, {}, "steering@daqing.example"), "aliases");
    expect((await gql(aliased(env.GRAPHQL_MAX_ALIASES, "me { name }"))).errors).toBeUndefined();
  });

  it("refuses a query deeper than the limit", async () => {
    const r = await gql(
      `{ tasks { edges { node { assignments { department { leads { task { assignments { department { supports { task { code } } } } } } } } } } } }`,
    );
    expectRefused(r, "depth");
    expect(r.errors![0].extensions).toMatchObject({ max: env.GRAPHQL_MAX_DEPTH, found: 12 });
  });

  it("refuses a query whose cost is over the limit, without aliases", async () => {
    statements = 0;
    expectRefused(
      await gql(
        `{ stations(first: 500) { edges { node { code area { name } alerts(first: 100) { edges { node { kind } } } } } } }`,
      ),
      "cost",
    );
    expect(statements).toBe(0);
  });

  it("counts page sizes given as variables, and a connection's default page", async () => {
    const nested = (first: string) =>
      `stations${first} { edges { node { code alerts${first} { edges { node { kind } } } } } }`;
    statements = 0;
    expectRefused(await gql(`query ($n: Int) { ${nested("(first: $n)")} }`, { n: 500 }), "cost");
    expectRefused(await gql(`query ($n: Int = 500) { ${nested("(first: $n)")} }`), "cost");
    expectRefused(await gql(aliased(env.GRAPHQL_MAX_ALIASES, nested(""))), "cost");
    expect(statements).toBe(0);
    // The same shape with small pages is an ordinary query.
    expect((await gql(`query ($n: Int) { ${nested("(first: $n)")} }`, { n: 5 })).errors).toBeUndefined();
  });
});

describe("the time budget", () => {
  // A clock that moves one "millisecond" per reading makes the cut deterministic: the budget is spent after that many
  // resolver starts, whatever the machine's speed.
  function serverWithBudget(budgetMs: number) {
    let ticks = 0;
    return createGraphQLServer({ db, graphiql: false, timeBudgetMs: budgetMs, clock: () => ticks++ });
  }
  const post = async (yoga: ReturnType<typeof serverWithBudget>, query: string) =>
    (await (
      await yoga.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      })
    ).json()) as GqlResult;
  const slow = aliased(env.GRAPHQL_MAX_ALIASES);

  it("runs a query that stays within it in full", async () => {
    statements = 0;
    const r = await post(serverWithBudget(1_000_000), slow);
    expect(r.errors).toBeUndefined();
    expect(Object.keys(r.data)).toHaveLength(env.GRAPHQL_MAX_ALIASES);
  });

  it("stops a query at its budget with one bilingual error, and runs less SQL than the whole query would", async () => {
    statements = 0;
    await post(serverWithBudget(1_000_000), slow);
    const whole = statements;
    statements = 0;
    // Fewer ticks than the query has root fields: the first ones run, the rest never start.
    const r = await post(serverWithBudget(5), slow);
    const budget = r.errors!.filter((e) => e.extensions?.code === "TIME_BUDGET_EXCEEDED");
    expect(budget).toHaveLength(1);
    expect(budget[0].extensions).toMatchObject({
      zh: expect.stringMatching(/时间预算/),
      en: expect.stringMatching(/time budget/),
      budgetMs: 5,
    });
    expect(statements).toBeLessThan(whole);
  });

  it("does not cut a mutation once it has started", async () => {
    const r = await (
      await serverWithBudget(0).fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `mutation { clearTaskStatusOverride(code: "1.1") { code } }` }),
      })
    ).json();
    // Refused for want of a session, not for time: the budget never applied.
    expect(r.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });
});

describe("status codes of a refusal", () => {
  const post = (accept: string) =>
    createGraphQLServer({ db, graphiql: false }).fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept },
      body: JSON.stringify({ query: aliased(env.GRAPHQL_MAX_ALIASES + 1, "me { name }") }),
    });

  it("answers 200 to application/json and 400 to application/graphql-response+json, like a validation error", async () => {
    expect((await post("application/json")).status).toBe(200);
    const strict = await post("application/graphql-response+json");
    expect(strict.status).toBe(400);
    expect(((await strict.json()) as GqlResult).errors![0].extensions).not.toHaveProperty("http");
  });
});
