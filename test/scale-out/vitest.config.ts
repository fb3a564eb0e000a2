// `npm run test:scale-out`: the scale-out test on a real Temporal cluster (described at the top of fan-out.test.ts). Not
// part of the default vitest run: scripts/test.sh runs it on its own once the cluster's binaries are built.
import { defineConfig } from "vitest/config";

// The app's database: PostgreSQL, as more than one host needs (test/support/global-setup.ts starts a throwaway cluster
// and removes it afterwards); TEST_DATABASE=sqlite runs the same test on one SQLite file.
process.env.TEST_DATABASE ??= "postgresql";

export default defineConfig({
  test: {
    include: ["test/scale-out/**/*.test.ts"],
    // The seeded base database, and the production build the app instances serve.
    globalSetup: ["test/support/global-setup.ts", "test/browser/support/build.ts"],
    // The first start may build the server from the Go module cache (about a minute warm, ten cold).
    testTimeout: 15 * 60_000,
    hookTimeout: 15 * 60_000,
    pool: "forks",
    maxWorkers: 1,
    env: { NODE_ENV: "test" },
  },
});
