// The built app as it runs in production — `node --import tsx server/index.ts` after `remix build` — on a free port
// over a given SQLite file, with whatever environment a test needs (APP_URL https, TRUST_PROXY, short sessions…).
// Used by the browser suites (test/browser/support/app.ts) and the API-level security suites.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  baseUrl: string;
  port: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

// A bound on start-up, not a timing assertion: generous, because on a shared two-core machine under load (CI runs two
// test files at once beside the Temporal servers) a cold start of the built server has taken longer than 30 s.
async function waitForHttp(url: string, child: ChildProcess, log: () => string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app server exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the app server did not answer at ${url}:\n${log()}`);
}

/** `env` may depend on the port (e.g. APP_URL on another host name). */
type Env = Record<string, string | undefined>;

export async function startAppServer(databaseUrl: string, env: Env | ((port: number) => Env) = {}): Promise<AppServer> {
  const port = await freePort();
  const extra = typeof env === "function" ? env(port) : env;
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: path.resolve("."),
    env: {
      ...process.env,
      // NODE_ENV=production unless a test asks otherwise (vitest itself runs with NODE_ENV=test).
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: "test-session-secret-0123456789",
      APP_URL: `http://127.0.0.1:${port}`,
      ...extra,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
  };
  try {
    await waitForHttp(`${baseUrl}/login`, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, port, output: () => output, stop };
}
