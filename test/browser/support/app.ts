// The built app (`node --import tsx server/index.ts`, as `npm start` runs it) on a free port over a private copy of
// the seeded database, and a real Chromium driven by playwright-core. Everything started here is stopped by `stop()`.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { createTestDb } from "../../support/db";
import { startAppServer } from "../../security/support/app-server";
import type { Db } from "../../../app/utils/db.server";
import { settled } from "./navigation";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const SCREENSHOTS = path.resolve("test-results/screenshots");
export const PASSWORD = "daqing-2018";

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

export interface WorkflowBackend {
  address: string;
  taskQueue: string;
}

/**
 * The workflow side for journeys that start workflows: a real Temporal dev server (test/workflows/support) and this
 * project's worker process (worker/worker.ts) on the same database file as the web app.
 */
async function startWorkflowBackend(databaseUrl: string, dir: string) {
  const { startDevServer } = await import("../../workflows/support/temporal");
  const server = await startDevServer(path.join(dir, "temporal.db"));
  const taskQueue = `browser-${process.pid}`;
  let output = "";
  // No SMTP_URL: the worker keeps every message in the outbox, which the administrator's page shows.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: server.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    NODE_ENV: "test",
  };
  delete env.SMTP_URL;
  const worker = spawn(path.resolve("node_modules/.bin/tsx"), ["worker/worker.ts"], {
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

/** `host`: the host name the app is told it has (APP_URL); it still listens on 127.0.0.1 (tests map the name there).
 *  `smtpUrl`: the web app sends what it mails itself (催报) there (test/workflows/support/smtp.ts). */
export async function startApp(opts: { workflows?: boolean; host?: string; smtpUrl?: string } = {}): Promise<App> {
  const { db, url, file } = createTestDb();
  const wf = opts.workflows ? await startWorkflowBackend(url, path.dirname(file)) : null;
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  try {
    server = await startAppServer(url, (port) => ({
      SESSION_SECRET: "browser-test-session-secret",
      APP_URL: `http://${opts.host ?? "127.0.0.1"}:${port}`,
      ...(wf ? { TEMPORAL_ADDRESS: wf.backend.address, TEMPORAL_TASK_QUEUE: wf.backend.taskQueue } : {}),
      ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
    }));
    // launch() gives every run a new, throw-away user data dir.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (e) {
    await server?.stop();
    await wf?.stop();
    throw e;
  }
  const baseUrl = server.baseUrl;
  const appServer = server;
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
      await Promise.all([
        page.waitForURL((u) => !u.pathname.startsWith("/login")),
        page.getByRole("button", { name: /^登录$|^Sign in$/ }).click(),
      ]);
      await settled(page);
    },
    async shot(page, name) {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async stop() {
      await b.close().catch(() => {});
      await appServer.stop();
      await wf?.stop();
      await db.$disconnect();
      rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}
