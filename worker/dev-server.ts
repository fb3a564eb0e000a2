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

/**
 * `temporal server start-dev` on free ports (the frontend on `frontendPort` when given) with a SQLite file, restartable
 * on it. A port picked free can be taken by another process before the server binds it (the CLI picks its HTTP, metrics
 * and internal ports the same way), and then the server exits at once: it is started again, on a new frontend port
 * unless one was asked for, and after a few attempts the error says what the server printed.
 */
export async function startDevServer(dbFile: string, frontendPort?: number) {
  let port = frontendPort ?? (await freePort());
  let proc: ChildProcess | null = null;
  const start = async (portIsFixed: boolean) => {
    for (let attempt = 1; ; attempt++) {
      const uiPort = await freePort();
      const child = spawn(
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
        { stdio: ["ignore", "ignore", "pipe"] },
      );
      let stderr = "";
      child.stderr?.on("data", (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-2000)));
      proc = child;
      try {
        await waitForServer(`127.0.0.1:${port}`, () => child.exitCode === null && child.signalCode === null);
        return;
      } catch (e) {
        if (attempt >= 5)
          throw new Error(`${(e as Error).message} (${attempt} attempts); it printed: ${stderr.trim()}`);
        if (!portIsFixed) port = await freePort();
      }
    }
  };
  const stop = async () => {
    const p = proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once("exit", () => resolve());
      p.kill("SIGTERM");
    });
  };
  await start(frontendPort !== undefined);
  // Clients hold the address: a restart comes back on the same port.
  return { address: `127.0.0.1:${port}`, port, stop, restart: async () => (await stop(), await start(true)) };
}

/** Ready when the frontend answers a real RPC, not merely when the port opens; refused once `running` says it exited. */
export async function waitForServer(address: string, running: () => boolean = () => true) {
  for (;;) {
    if (!running()) throw new Error(`the Temporal dev server for ${address} exited before it answered`);
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
