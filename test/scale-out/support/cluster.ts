// The Temporal cluster of scripts/temporal-cluster.sh (four services as separate processes on a throwaway PostgreSQL),
// driven from a test: started in a directory of its own on free ports, services killed and restarted by the script's
// own drill commands, and always stopped with its PostgreSQL.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const SCRIPT = path.resolve("scripts/temporal-cluster.sh");
export const SERVER_BINARY = path.resolve(".tools/temporal-cluster/bin/temporal-server");
export const clusterBinariesBuilt = () => existsSync(SERVER_BINARY);

export type Service = "history" | "matching" | "worker" | "frontend";

export interface ClusterOptions {
  /** Processes per service; the frontend is always one (a second would sit behind a load balancer). */
  history: number;
  matching: number;
  worker: number;
}

export interface Cluster {
  address: string;
  dir: string;
  kill(service: Service, instance: number): Promise<void>;
  restart(service: Service, instance: number): Promise<void>;
  /** Each process's gRPC health, as `scripts/temporal-cluster.sh status` prints it. */
  status(): Promise<string>;
  stop(): Promise<void>;
}

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "eco-cluster-"));
  const env = {
    ...process.env,
    TEMPORAL_CLUSTER_DIR: dir,
    TEMPORAL_HISTORY_INSTANCES: String(o.history),
    TEMPORAL_MATCHING_INSTANCES: String(o.matching),
    TEMPORAL_WORKER_INSTANCES: String(o.worker),
  };
  const script = (...args: string[]) => run("bash", [SCRIPT, ...args], { env, maxBuffer: 1 << 24 });
  const stop = async () => void (await script("stop"));
  // Every port is counted from the frontend's, up to +64 (the script refuses a taken one), and membership ports must
  // stay below 32768 (Temporal keeps them in a PostgreSQL smallint): below the kernel's ephemeral range, at random.
  for (let attempt = 1; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    try {
      await run("bash", [SCRIPT, "start"], {
        env: { ...env, TEMPORAL_CLUSTER_PORT: String(port) },
        maxBuffer: 1 << 24,
      });
      return {
        address: `127.0.0.1:${port}`,
        dir,
        kill: async (service, instance) => void (await script("kill", service, String(instance))),
        restart: async (service, instance) => void (await script("restart", service, String(instance))),
        status: async () => (await script("status")).stdout,
        stop,
      };
    } catch (e) {
      await stop(); // a failed start stops what it started; this also clears its state for the next attempt
      // A taken port, or a service not ready in time on a loaded machine: a new cluster on new ports, twice more.
      if (attempt === 3) throw e;
      const stderr = String((e as { stderr?: string }).stderr ?? e);
      console.warn(
        `[cluster] start attempt ${attempt} failed; starting again:\n${stderr.split("\n").slice(-25).join("\n")}`,
      );
    }
  }
}
