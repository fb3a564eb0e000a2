// A Temporal dev server (`temporal server start-dev`) on free ports, persisted to a SQLite file and restartable on
// it: what the durability tests and the fan-out benchmark run against. Node-only; not workflow code.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { Connection } from "@temporalio/client";
import { env } from "../app/utils/env.server";

/** The CLI from scripts/install-temporal.sh (see docs/decisions/004-temporal-binary-source.md). */
export const TEMPORAL_CLI = path.resolve(env.TEMPORAL_CLI);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** `temporal server start-dev` on free ports (the frontend on `frontendPort` when given) with a SQLite file, restartable on it. */
export async function startDevServer(dbFile: string, frontendPort?: number) {
  const port = frontendPort ?? (await freePort());
  const address = `127.0.0.1:${port}`;
  let proc: ChildProcess | null = null;
  const start = async () => {
    const uiPort = await freePort();
    proc = spawn(
      TEMPORAL_CLI,
      [
        "server",
        "start-dev",
        "--headless",
        "--ip",
        "127.0.0.1",
        "--port",
        String(port),
        "--ui-port",
        String(uiPort),
        "--db-filename",
        dbFile,
        "--log-level",
        "error",
      ],
      { stdio: "ignore" },
    );
    await waitForServer(address);
  };
  const stop = async () => {
    const p = proc;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once("exit", () => resolve());
      p.kill("SIGTERM");
    });
  };
  await start();
  return { address, port, stop, restart: async () => (await stop(), await start()) };
}

/** Ready when the frontend answers a real RPC, not merely when the port opens. */
export async function waitForServer(address: string) {
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: "1s" });
      try {
        await connection.workflowService.getSystemInfo({});
        await connection.workflowService.describeNamespace({ namespace: "default" });
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
