// The GraphQL-over-HTTP conformance audits of the `graphql-http` package (written by the spec's authors, not by us),
// every one of them, against the real Yoga server through yoga.fetch (no port) on a fresh copy of the test database.
// Every audit must pass: MUST and SHOULD as "ok", and no MAY may fail either. Our own rule that /graphql accepts
// POST bodies only as application/json (no form-encoded or multipart bodies: they are the CSRF-able shapes) is
// stricter than the spec allows but no audit asks for those bodies, so no audit is exempted.
import { afterAll, describe, expect, it } from "vitest";
import { serverAudits } from "graphql-http";
import { createTestDb } from "../support/db";
import { createGraphQLServer } from "../../graphql/yoga.server";

const { db } = createTestDb();
const yoga = createGraphQLServer({ db, graphiql: false });
afterAll(() => db.$disconnect());

const audits = serverAudits({
  url: "http://localhost/graphql",
  fetchFn: (input: string, init?: RequestInit) => yoga.fetch(new URL(input), init ?? {}),
});

describe("graphql-http server audits", () => {
  it("has the 61 audits we run", () => {
    expect(audits.length).toBe(61);
  });

  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      const reason =
        result.status === "ok"
          ? ""
          : `${result.reason}\n${await result.response
              .clone()
              .text()
              .catch(() => "")}`;
      expect({ id: audit.id, status: result.status, reason }).toEqual({ id: audit.id, status: "ok", reason: "" });
    });
  }
});
