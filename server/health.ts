// Liveness and readiness for load balancers, orchestrators and container health checks (docs/deploy.md). Mounted
// before the same-origin check, sessions and Remix: no sign-in, never cached, the same answer for every client.
//   GET /healthz  liveness: the process answers. Nothing else is asked, so a database or Temporal outage never gets a
//                 healthy instance restarted.
//   GET /readyz   readiness: the database answers, Temporal answers (the configured address and namespace, through
//                 this module's own connection: the Remix build bundles its own copy of the client module), and the
//                 Remix build is loaded with its browser assets on disk. 503 while any one is not, so a balancer sends
//                 requests elsewhere meanwhile.
import { existsSync } from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { Router, type Response } from "express";
import { db } from "../app/utils/db.server";
import { env, projectRoot } from "../app/utils/env.server";
import { AppError } from "../app/utils/errors";
import { temporal } from "../app/utils/temporal.server";

/** Each check answers within this, so /readyz answers well inside a balancer's own timeout. */
const CHECK_TIMEOUT_MS = 2000;

interface Check {
  zh: string;
  en: string;
  /** Resolves when the part is usable; rejects (or times out) when it is not. */
  probe: () => Promise<unknown>;
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS).unref()),
  ]);
}

function checks(build: ServerBuild): Record<string, Check> {
  return {
    // A table of the schema, not `SELECT 1`: an empty or unmigrated database answers but cannot serve a page.
    database: { zh: "数据库", en: "the database", probe: () => db.user.findFirst({ select: { id: true } }) },
    temporal: {
      zh: "流程服务（Temporal）",
      en: "the workflow service (Temporal)",
      probe: async () => {
        const client = await temporal();
        await client.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
          client.connection.workflowService.describeNamespace({ namespace: env.TEMPORAL_NAMESPACE }),
        );
      },
    },
    build: {
      zh: "页面程序（Remix 构建）",
      en: "the web app build (Remix)",
      probe: async () => {
        const manifest = path.resolve(projectRoot, build.assetsBuildDirectory, path.basename(build.assets.url));
        if (typeof build.entry?.module?.default !== "function" || !existsSync(manifest))
          throw new Error(`build incomplete: ${manifest}`);
      },
    },
  };
}

const noStore = (res: Response) => res.set("Cache-Control", "no-store");

export function healthRoutes(build: ServerBuild): Router {
  const router = Router();
  const parts = checks(build);
  let failing = new Set<string>();

  router.get("/healthz", (_req, res) => {
    noStore(res).json({ status: "alive", zh: "进程运行中", en: "The process is running" });
  });

  async function readyz(res: Response) {
    const results = await Promise.all(
      Object.entries(parts).map(async ([name, part]) => {
        try {
          await withTimeout(part.probe());
          return { name, part, ok: true as const };
        } catch (e) {
          return { name, part, ok: false as const, reason: e instanceof Error ? e.message : String(e) };
        }
      }),
    );
    // Logged when a part starts or stops failing, not on every poll; the reason stays in the log, not the answer.
    const nowFailing = new Set(results.filter((r) => !r.ok).map((r) => r.name));
    for (const r of results)
      if (!r.ok && !failing.has(r.name)) console.error(`[readyz] ${r.name} is not ready: ${r.reason}`);
      else if (r.ok && failing.has(r.name)) console.log(`[readyz] ${r.name} is ready again`);
    failing = nowFailing;

    const report = Object.fromEntries(
      results.map((r) => [
        r.name,
        r.ok
          ? { ok: true, zh: `${r.part.zh}可用`, en: `${capitalize(r.part.en)} is available` }
          : { ok: false, zh: `${r.part.zh}不可用`, en: `${capitalize(r.part.en)} is unavailable` },
      ]),
    );
    const down = results.filter((r) => !r.ok);
    if (down.length === 0) {
      noStore(res).json({ status: "ready", zh: "服务就绪", en: "Ready", checks: report });
      return;
    }
    const error = new AppError(
      "NOT_READY",
      `服务暂不可用：${down.map((r) => r.part.zh).join("、")}无法访问`,
      `Not ready: ${down.map((r) => r.part.en).join(", ")} cannot be reached`,
    );
    noStore(res)
      .status(503)
      .set("Retry-After", "5")
      .json({
        status: "not-ready",
        zh: error.zh,
        en: error.en,
        checks: report,
        errors: [{ message: error.message, extensions: error.extensions }],
      });
  }
  router.get("/readyz", (_req, res, next) => void readyz(res).catch(next));
  return router;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
