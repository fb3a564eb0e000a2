// Vitest global setup for the browser suites: one `remix build` per run, skipped when the build is newer than every
// source file it is made from (scripts/test.sh has usually just built it).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup() {
  const built = existsSync("build/index.js") ? statSync("build/index.js").mtimeMs : 0;
  const sources = Math.max(
    newest("app"),
    newest("graphql"),
    existsSync("prisma/generated") ? newest("prisma/generated") : 0,
  );
  // A production build: vitest runs with NODE_ENV=test, which would make React's development JSX runtime.
  if (built < sources)
    execFileSync("npx", ["remix", "build"], { stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
}
