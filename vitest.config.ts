import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "workflows/**/*.test.ts", "app/**/*.test.ts"],
    // Needs a Temporal cluster: `npm run test:scale-out` (test/scale-out/vitest.config.ts), run by scripts/test.sh.
    exclude: [...configDefaults.exclude, "test/scale-out/**"],
    globalSetup: ["test/support/global-setup.ts", "test/browser/support/build.ts"],
    // Files share the machine's two cores and one Temporal server; workflow and browser suites are slow, not flaky.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 2,
    env: { NODE_ENV: "test" },
  },
});
