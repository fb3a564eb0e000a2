// GraphQL answers are gzipped (level 1) by the API itself when the client accepts gzip and the JSON is 1 kB or more;
// the same data either way (graphql/compression.server.ts).
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { closeReadOnlySql } from "../app/utils/db.server";
import { createGraphQLServer } from "../graphql/yoga.server";
import { createTestDb } from "./support/db";

const { db } = createTestDb();
const yoga = createGraphQLServer({ db, graphiql: false });
afterAll(async () => {
  closeReadOnlySql(db);
  await db.$disconnect();
});

const post = (query: string, encoding?: string) =>
  yoga.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...(encoding ? { "accept-encoding": encoding } : {}) },
    body: JSON.stringify({ query }),
  });

const MATRIX = `{ coverageMatrix { elements rows { area { code } stations automatic planned required status } } }`;

describe("response compression", () => {
  it("gzips a large answer for a client that accepts gzip, with the same data", async () => {
    const plain = await post(MATRIX);
    expect(plain.headers.get("content-encoding")).toBeNull();
    const expected = await plain.json();

    const zipped = await post(MATRIX, "gzip, deflate, br");
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toMatch(/accept-encoding/i);
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(Number(zipped.headers.get("content-length"))).toBe(bytes.length);
    expect(JSON.parse(gunzipSync(bytes).toString("utf8"))).toEqual(expected);
  });

  it("leaves small answers and clients that do not accept gzip alone", async () => {
    const small = await post(`{ plan { title } }`, "gzip");
    expect(small.headers.get("content-encoding")).toBeNull();
    expect((await small.json()).data.plan.title).toContain("大庆市");
    expect((await post(MATRIX, "identity")).headers.get("content-encoding")).toBeNull();
  });
});
