// The built app (remix-serve build/index.js) on a free port over a private copy of the seeded database, and a
// real Chromium driven by playwright-core. Everything started here is stopped by `stop()`.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { createTestDb } from "../../support/db";
import type { Db } from "../../../app/utils/db.server";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
export const SCREENSHOTS = path.resolve("test-results/screenshots");
export const PASSWORD = "daqing-2018";

function freePort(): Promise<number> {
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

async function waitForHttp(url: string, child: ChildProcess, log: () => string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`remix-serve exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`remix-serve did not answer at ${url}:\n${log()}`);
}

export interface App {
  baseUrl: string;
  db: Db;
  browser: Browser;
  /** A fresh browser context (its own cookies) with one page. */
  newPage(opts?: { locale?: string }): Promise<{ context: BrowserContext; page: Page }>;
  signIn(page: Page, email: string): Promise<void>;
  shot(page: Page, name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface WorkflowBackend { address: string; taskQueue: string }

/**
 * The workflow side for journeys that start workflows: a real Temporal dev server (test/workflows/support) and this
 * project's worker process (workflows/worker.ts) on the same database file as the web app.
 */
async function startWorkflowBackend(databaseUrl: string, dir: string) {
  const { startDevServer } = await import("../../workflows/support/temporal");
  const server = await startDevServer(path.join(dir, "temporal.db"));
  const taskQueue = `browser-${process.pid}`;
  let output = "";
  // No SMTP_URL: the worker keeps every message in the outbox, which the administrator's page shows.
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: server.address, TEMPORAL_TASK_QUEUE: taskQueue, NODE_ENV: "test" };
  delete env.SMTP_URL;
  const worker = spawn(path.resolve("node_modules/.bin/tsx"), ["workflows/worker.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  worker.stdout!.on("data", (d) => (output += d));
  worker.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 120_000;
  while (!output.includes("[worker] polling")) {
    if (worker.exitCode !== null || Date.now() > deadline) {
      worker.kill("SIGTERM");
      await server.stop();
      throw new Error(`the worker did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    backend: { address: server.address, taskQueue } as WorkflowBackend,
    async stop() {
      worker.kill("SIGTERM");
      await new Promise((r) => (worker.exitCode !== null ? r(null) : worker.once("exit", r)));
      await server.stop();
    },
  };
}

export async function startApp(opts: { workflows?: boolean } = {}): Promise<App> {
  const { db, url, file } = createTestDb();
  const wf = opts.workflows ? await startWorkflowBackend(url, path.dirname(file)) : null;
  const port = await freePort();
  let output = "";
  const child = spawn(path.resolve("node_modules/.bin/remix-serve"), ["build/index.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: url,
      NODE_ENV: "production",
      SESSION_SECRET: "browser-test-session-secret",
      APP_URL: `http://127.0.0.1:${port}`,
      ...(wf ? { TEMPORAL_ADDRESS: wf.backend.address, TEMPORAL_TASK_QUEUE: wf.backend.taskQueue } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  let browser: Browser | undefined;
  try {
    await waitForHttp(`${baseUrl}/login`, child, () => output);
    // launch() gives every run a new, throw-away user data dir.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (e) {
    child.kill("SIGTERM");
    await wf?.stop();
    throw e;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const b = browser;
  return {
    baseUrl,
    db,
    browser: b,
    async newPage({ locale = "zh-CN" } = {}) {
      const context = await b.newContext({ baseURL: baseUrl, locale, viewport: { width: 1280, height: 900 } });
      return { context, page: await context.newPage() };
    },
    async signIn(page, email) {
      await page.goto("/login");
      await page.getByLabel(/电子邮箱|E-mail/).fill(email);
      await page.getByLabel(/^密码|^Password/).fill(PASSWORD);
      await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.getByRole("button", { name: /^登录$|^Sign in$/ }).click()]);
    },
    async shot(page, name) {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async stop() {
      await b.close().catch(() => {});
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
      await wf?.stop();
      await db.$disconnect();
      rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}
