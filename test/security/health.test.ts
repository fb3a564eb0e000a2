// Liveness and readiness (server/health.ts), over HTTP as a load balancer or an orchestrator asks them: no session, no
// Origin, never cached. The app runs as in production (the built app, its own process) with TEMPORAL_ADDRESS on a port
// where nothing listens at first: /healthz says alive while /readyz says which part is missing, bilingually; once a
// real Temporal dev server listens there, /readyz turns ready without a restart. A second app over an empty,
// unmigrated database file is alive but never ready.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../support/db";
import { eventually, freePort, startDevServer } from "../workflows/support/temporal";
import { startAppServer, type AppServer } from "./support/app-server";

interface Readiness {
  status: string;
  zh: string;
  en: string;
  checks: Record<"database" | "temporal" | "build", { ok: boolean; zh: string; en: string }>;
  errors?: { message: string; extensions: { code: string; zh: string; en: string } }[];
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "eco-health-"));
const { db, url } = createTestDb();
let temporalPort: number;
let app: AppServer;
let unmigrated: AppServer;
let temporal: Awaited<ReturnType<typeof startDevServer>> | null = null;

beforeAll(async () => {
  temporalPort = await freePort(); // nothing listens here until the test starts a server on it
  const env = { TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}` };
  // One after the other: each start compiles the server, and two at once on two busy cores can miss its 30 s.
  app = await startAppServer(url, env);
  unmigrated = await startAppServer(`file:${path.join(tmp, "empty.db")}`, env);
});
afterAll(async () => {
  await Promise.all([app?.stop(), unmigrated?.stop()]);
  await temporal?.stop();
  await db.$disconnect();
});

async function readyz(server: AppServer) {
  const res = await fetch(`${server.baseUrl}/readyz`);
  return { res, body: (await res.json()) as Readiness };
}

describe("/healthz: the process answers", () => {
  it("is 200 with a bilingual body, without a session, and is never cached nor given a cookie", async () => {
    for (const server of [app, unmigrated]) {
      const res = await fetch(`${server.baseUrl}/healthz`, { headers: { origin: "http://evil.example" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(await res.json()).toEqual({ status: "alive", zh: "进程运行中", en: "The process is running" });
    }
  });
});

describe("/readyz: the database, Temporal and the build", () => {
  it("is 503 NOT_READY naming Temporal while nothing listens at TEMPORAL_ADDRESS; the rest is ready", async () => {
    const { res, body } = await readyz(app);
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("retry-after")).toBe("5");
    expect(body.status).toBe("not-ready");
    expect(body.checks.database).toMatchObject({ ok: true, zh: "数据库可用" });
    expect(body.checks.build).toMatchObject({ ok: true });
    expect(body.checks.temporal).toMatchObject({ ok: false, en: expect.stringContaining("unavailable") });
    expect(body.errors?.[0].extensions).toMatchObject({
      code: "NOT_READY",
      zh: expect.stringContaining("流程服务"),
      en: expect.stringContaining("Temporal"),
    });
    // The zh text comes first in the message, as everywhere else; no connection details leak to the client.
    expect(body.errors?.[0].message.indexOf("服务暂不可用")).toBe(0);
    expect(JSON.stringify(body)).not.toContain(String(temporalPort));
    expect(app.output()).toContain("[readyz] temporal is not ready");
  });

  it("turns 200 ready, without a restart, once Temporal listens there", async () => {
    temporal = await startDevServer(path.join(tmp, "temporal.db"), temporalPort);
    const body = await eventually(async () => {
      const { res, body } = await readyz(app);
      return res.status === 200 && body;
    }, 250);
    expect(body).toMatchObject({
      status: "ready",
      zh: "服务就绪",
      en: "Ready",
      checks: { database: { ok: true }, temporal: { ok: true }, build: { ok: true } },
    });
    expect(body.errors).toBeUndefined();
    expect(app.output()).toContain("[readyz] temporal is ready again");
  });

  it("stays 503 over an unmigrated database, naming the database, while Temporal is up", async () => {
    // This app has not connected to Temporal yet: its first connection may take longer than one probe allows.
    const { res, body } = await eventually(async () => {
      const answer = await readyz(unmigrated);
      return answer.body.checks.temporal.ok && answer;
    }, 250);
    expect(res.status).toBe(503);
    expect(body.checks.database.ok).toBe(false);
    expect(body.checks.build.ok).toBe(true);
    expect(body.errors?.[0].extensions).toMatchObject({
      code: "NOT_READY",
      zh: expect.stringContaining("数据库"),
      en: expect.stringContaining("database"),
    });
  });
});
