import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "./support/db";
import { graphqlClient } from "./support/graphql";

const { db } = createTestDb();
const gql = graphqlClient(db);
afterAll(() => db.$disconnect());

describe("the plan, read without signing in", () => {
  it("serves a task with its lead and supporting departments", async () => {
    const r = await gql(`{ task(code: "1.1") { code title leadDepartments { name } supportingDepartments { name } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.task).toEqual({
      code: "1.1",
      title: "环境空气质量监测",
      leadDepartments: [{ name: "市环保局" }, { name: "市气象局" }],
      supportingDepartments: [{ name: "市财政局" }],
    });
  });
});
