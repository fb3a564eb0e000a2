// The real product for the benchmark: `remix build`, then the web server (server/index.ts) on a free port with
// DATABASE_URL pointing at a bench registry. The benchmark talks to it over HTTP like any client would.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export function buildProduct(log: (s: string) => void): void {
  log("building the product (remix build) …");
  execFileSync("npx", ["remix", "build"], { stdio: "pipe" });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningProduct {
  baseUrl: string;
  /** CPU ms the server process has used so far, all threads (Linux /proc; 0 elsewhere). */
  cpuMs(): number;
  stop(): Promise<void>;
}

const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());
  } catch {
    return 10;
  }
})();

function processCpuMs(pid: number): number {
  try {
    // Fields after the command name: state is field 3, utime 14 and stime 15 (in clock ticks).
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

const children = new Set<ChildProcess>();
// A benchmark interrupted with Ctrl-C must not leave servers behind.
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    for (const c of children) c.kill("SIGTERM");
    process.exit(130);
  });
}

/** Starts the product on a database: a SQLite file path, or a postgresql:// URL. */
export async function startProduct(database: string): Promise<RunningProduct> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("server/index.ts")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: /^postgres(ql)?:\/\//.test(database) ? database : `file:${database}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      // A production server refuses the development secret; the benchmark never signs in.
      SESSION_SECRET: randomBytes(24).toString("hex"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    children.delete(child);
  };
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the web server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      if (res.ok) {
        await res.arrayBuffer();
        return { baseUrl, stop, cpuMs: () => processCpuMs(child.pid!) };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`the web server did not answer on ${baseUrl} within 20 s:\n${output}`);
}
