// Our worker (worker/worker.ts) as its own process, as production runs it: several of them poll one task queue on the
// cluster's frontend. Each has its own process group, so a SIGKILL takes the whole process at once, as the kernel's
// OOM killer or a node failure would.
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";

export interface WorkerProcess {
  name: string;
  /** The poller identity Temporal shows for the running process (the SDK's default, pid@host). */
  identity(): string | null;
  /** Starts the process (again); resolves once it has spawned, not once it polls. */
  start(): void;
  kill(signal: NodeJS.Signals): Promise<void>;
  output(): string;
}

export function workerProcess(name: string, env: Record<string, string>): WorkerProcess {
  let child: ChildProcess | null = null;
  let output = "";
  return {
    name,
    identity: () => (child?.pid ? `${child.pid}@${os.hostname()}` : null),
    start() {
      const c = spawn(process.execPath, ["--import", "tsx", "worker/worker.ts"], {
        env: { ...process.env, NODE_ENV: "test", ...env },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      c.stdout!.on("data", (d) => (output += d));
      c.stderr!.on("data", (d) => (output += d));
      child = c;
    },
    kill(signal) {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        c.once("exit", () => resolve());
        process.kill(-c.pid!, signal);
      });
    },
    output: () => output,
  };
}
