// Which database a test run uses, shared by the global setup and each test file (kept free of app imports).
export type TestDatabase = "sqlite" | "postgresql";

/** TEST_DATABASE: sqlite (the default) or postgresql (scripts/test.sh's second run). */
export const testDatabase: TestDatabase = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";

/** A URL to another database on the same PostgreSQL server. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
